import { directoryResource, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A SharePoint site (https://learn.microsoft.com/graph/api/resources/site). */
export interface DirectorySite {
  id: string;
  displayName?: string;
  name?: string;
}

/** Every site of the organisation: a search for all (https://learn.microsoft.com/graph/api/site-search). */
export function listAllSites(graph: DirectoryReads): AsyncIterable<DirectorySite[]> {
  return graph.pages<DirectorySite>('/sites?search=*', { resource: directoryResource });
}

export function getSite(graph: DirectoryReads, siteId: string): Promise<DirectorySite> {
  return graph.getJson<DirectorySite>(`/sites/${encodeURIComponent(siteId)}`, { resource: directoryResource });
}

/** A Microsoft 365 group's team site, or null for a group without one (`GET /groups/{id}/sites/root`). */
export function findGroupSite(graph: DirectoryReads, groupId: string): Promise<DirectorySite | null> {
  return unlessNotFound(
    graph.getJson<DirectorySite>(`/groups/${encodeURIComponent(groupId)}/sites/root`, { resource: directoryResource }),
  );
}

/** The name a person knows the site by. */
export function siteName(site: DirectorySite): string {
  return site.displayName ?? site.name ?? site.id;
}
