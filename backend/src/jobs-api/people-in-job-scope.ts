import { ApiError } from '../http/api-error.js';
import { GroupNotFound, type DirectoryReads } from '../graph/directory/index.js';
import { peopleWithProfiles } from '../backup/people-profiles.js';
import type { BackupJob } from '../backup/model.js';

/**
 * The people a job's scope covers with the profile each is protected under, for the licence's seat count: the same
 * reading the backup's plan makes. A group not in the directory is the caller's error (400 `group_not_found`).
 */
export async function peopleOfJobScope(
  graph: DirectoryReads,
  job: Pick<BackupJob, 'scope' | 'profile'>,
): Promise<Map<string, string>> {
  try {
    const people = await peopleWithProfiles(graph, job);
    return new Map([...people].map(([id, person]) => [id, person.profile]));
  } catch (error) {
    if (error instanceof GroupNotFound)
      throw new ApiError(400, 'group_not_found', { groupId: error.groupId }, { groupId: error.groupId });
    throw error;
  }
}
