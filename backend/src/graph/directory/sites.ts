import { directoryResource, readEach, unlessNotFound, type DirectoryReads } from './directory-reads.js';

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

const sitePath = (siteId: string): string => `/sites/${encodeURIComponent(siteId)}`;
const groupSitePath = (groupId: string): string => `/groups/${encodeURIComponent(groupId)}/sites/root`;

export function getSite(graph: DirectoryReads, siteId: string): Promise<DirectorySite> {
  return graph.getJson<DirectorySite>(sitePath(siteId), { resource: directoryResource });
}

/** Sites read by id, 20 to a batch (https://learn.microsoft.com/graph/api/site-get). */
export function getSites(graph: DirectoryReads, siteIds: readonly string[]): Promise<Map<string, DirectorySite>> {
  return readEach(graph, siteIds, { path: sitePath, alone: (siteId) => getSite(graph, siteId) });
}

/** A Microsoft 365 group's team site, or null for a group without one (`GET /groups/{id}/sites/root`). */
export function findGroupSite(graph: DirectoryReads, groupId: string): Promise<DirectorySite | null> {
  return unlessNotFound(graph.getJson<DirectorySite>(groupSitePath(groupId), { resource: directoryResource }));
}

/** Each group's team site, or null for a group without one, 20 groups to a batch. */
export function findGroupSites(
  graph: DirectoryReads,
  groupIds: readonly string[],
): Promise<Map<string, DirectorySite | null>> {
  return readEach(
    graph,
    groupIds,
    { path: groupSitePath, alone: (groupId) => findGroupSite(graph, groupId) },
    { value: null },
  );
}

/** The name a person knows the site by. */
export function siteName(site: DirectorySite): string {
  return site.displayName ?? site.name ?? site.id;
}
