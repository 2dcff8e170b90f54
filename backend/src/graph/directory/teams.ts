import { directoryResource, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A team (https://learn.microsoft.com/graph/api/resources/team); its id is its Microsoft 365 group's id. */
export interface DirectoryTeam {
  id: string;
  displayName?: string;
}

/** Every team of the organisation (https://learn.microsoft.com/graph/api/teams-list). */
export function listTeams(graph: DirectoryReads): AsyncIterable<DirectoryTeam[]> {
  return graph.pages<DirectoryTeam>('/teams', { resource: directoryResource });
}

/** The group's team, or null for a group without one (https://learn.microsoft.com/graph/api/team-get answers 404). */
export function findTeam(graph: DirectoryReads, groupId: string): Promise<DirectoryTeam | null> {
  return unlessNotFound(
    graph.getJson<DirectoryTeam>(`/teams/${encodeURIComponent(groupId)}`, { resource: directoryResource }),
  );
}
