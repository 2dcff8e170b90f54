import { directoryPageSize, directoryResource, isNotFound, type DirectoryReads } from './directory-reads.js';
import { listUsers, userSelect, type DirectoryUser } from './users.js';

/** Whom a backup job covers: the whole organisation, or the members of some Microsoft 365 groups. */
export type DirectoryScope = { type: 'organisation' } | { type: 'groups'; groupIds: readonly string[] };

/** A group the scope names is not in the directory (deleted, or never there). */
export class GroupNotFound extends Error {
  constructor(readonly groupId: string) {
    super(`group ${groupId} is not in the directory`);
    this.name = 'GroupNotFound';
  }
}

/**
 * The people a scope covers, by user id: every user of the organisation, or the users among the groups' transitive
 * members (nested groups' members too). One reading for the backup's plan and the licence's seat count, so the two
 * cannot disagree. Members are read with the users-only OData cast, an advanced query
 * (https://learn.microsoft.com/graph/aad-advanced-queries: "Use of OData cast with transitive members list").
 */
export async function peopleInScope(graph: DirectoryReads, scope: DirectoryScope): Promise<Map<string, DirectoryUser>> {
  const people = new Map<string, DirectoryUser>();
  if (scope.type === 'organisation') {
    for await (const page of listUsers(graph)) for (const user of page) people.set(user.id, user);
    return people;
  }
  for (const groupId of scope.groupIds) {
    const members = graph.pages<DirectoryUser>(
      `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$count=true&${userSelect}`,
      { resource: directoryResource, maxPageSize: directoryPageSize, headers: { ConsistencyLevel: 'eventual' } },
    );
    try {
      for await (const page of members) for (const user of page) people.set(user.id, user);
    } catch (error) {
      if (isNotFound(error)) throw new GroupNotFound(groupId);
      throw error;
    }
  }
  return people;
}
