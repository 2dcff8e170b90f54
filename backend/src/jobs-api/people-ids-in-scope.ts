import { ApiError } from '../http/api-error.js';
import { GroupNotFound, peopleInScope, type DirectoryReads, type DirectoryScope } from '../graph/directory/index.js';

/**
 * The people a job's scope covers, for the licence's seat count: the same reading the backup's plan makes. A group
 * not in the directory is the caller's error (400 `group_not_found`).
 */
export async function peopleIdsInScope(graph: DirectoryReads, scope: DirectoryScope): Promise<Set<string>> {
  try {
    return new Set((await peopleInScope(graph, scope)).keys());
  } catch (error) {
    if (error instanceof GroupNotFound)
      throw new ApiError(400, 'group_not_found', { groupId: error.groupId }, { groupId: error.groupId });
    throw error;
  }
}
