import { peopleInScope, type DirectoryReads, type DirectoryUser } from '../graph/directory/index.js';
import { higherProfile, profileOfGroup } from './job-profiles.js';
import type { BackupJob } from './model.js';

/** A person a job protects, with the profile they are protected under. */
export interface PersonWithProfile {
  user: DirectoryUser;
  profile: string;
}

/**
 * The people a job covers with their profile: the job's profile for the whole organisation, else the highest profile
 * among the job's groups the person is a member of. One reading for the backup's plan and the licence's seat count.
 */
export async function peopleWithProfiles(
  graph: DirectoryReads,
  job: Pick<BackupJob, 'scope' | 'profile'>,
): Promise<Map<string, PersonWithProfile>> {
  const people = new Map<string, PersonWithProfile>();
  if (job.scope.type === 'organisation') {
    for (const [id, user] of await peopleInScope(graph, job.scope)) people.set(id, { user, profile: job.profile });
    return people;
  }
  for (const groupId of job.scope.groupIds) {
    const profile = profileOfGroup(job, groupId);
    for (const [id, user] of await peopleInScope(graph, { type: 'groups', groupIds: [groupId] })) {
      const known = people.get(id);
      people.set(id, { user, profile: known ? higherProfile(known.profile, profile) : profile });
    }
  }
  return people;
}
