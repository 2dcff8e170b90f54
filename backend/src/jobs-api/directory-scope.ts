import { ApiError } from '../http/api-error.js';
import type { BackupScope } from '../backup/model.js';
import type { GraphReader } from '../backup-unit/ports.js';

const directory = { kind: 'directory' } as const;

interface DirectoryObject {
  id: string;
  '@odata.type'?: string;
}

/**
 * Checks that each chosen group exists and returns the people the scope covers (users of the
 * organisation, or transitive members of the groups), for the licence's seat count.
 */
export async function peopleInScope(
  graph: GraphReader,
  scope: BackupScope,
  isNotFound: (error: unknown) => boolean,
): Promise<Set<string>> {
  const people = new Set<string>();
  if (scope.type === 'organisation') {
    for await (const page of graph.pages<DirectoryObject>('/users?$select=id', { resource: directory })) {
      for (const user of page) people.add(user.id);
    }
    return people;
  }
  for (const groupId of scope.groupIds) {
    const group = encodeURIComponent(groupId);
    try {
      await graph.getJson<DirectoryObject>(`/groups/${group}?$select=id`, { resource: directory });
    } catch (error) {
      if (isNotFound(error)) throw new ApiError(400, 'group_not_found', { groupId }, { groupId });
      throw error;
    }
    for await (const page of graph.pages<DirectoryObject>(`/groups/${group}/transitiveMembers?$select=id`, {
      resource: directory,
    })) {
      for (const member of page) {
        if (!member['@odata.type'] || member['@odata.type'] === '#microsoft.graph.user') people.add(member.id);
      }
    }
  }
  return people;
}
