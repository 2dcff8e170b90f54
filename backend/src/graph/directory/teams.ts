import { directoryResource, readEach, unlessNotFound, type DirectoryReads } from './directory-reads.js';

/** A team (https://learn.microsoft.com/graph/api/resources/team); its id is its Microsoft 365 group's id. */
export interface DirectoryTeam {
  id: string;
  displayName?: string;
}

const teamPath = (groupId: string): string => `/teams/${encodeURIComponent(groupId)}`;

/** Every team of the organisation (https://learn.microsoft.com/graph/api/teams-list). */
export function listTeams(graph: DirectoryReads): AsyncIterable<DirectoryTeam[]> {
  return graph.pages<DirectoryTeam>('/teams', { resource: directoryResource });
}

/** The group's team, or null for a group without one (https://learn.microsoft.com/graph/api/team-get answers 404). */
export function findTeam(graph: DirectoryReads, groupId: string): Promise<DirectoryTeam | null> {
  return unlessNotFound(graph.getJson<DirectoryTeam>(teamPath(groupId), { resource: directoryResource }));
}

/** Each group's team, or null for a group without one, 20 groups to a batch. */
export function findTeams(
  graph: DirectoryReads,
  groupIds: readonly string[],
): Promise<Map<string, DirectoryTeam | null>> {
  return readEach(graph, groupIds, { path: teamPath, alone: (groupId) => findTeam(graph, groupId) }, { value: null });
}
