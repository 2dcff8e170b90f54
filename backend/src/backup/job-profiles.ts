import type { BackupJob, Workload } from './model.js';

/**
 * The guide's profiles from lowest to highest. A person a job (or two jobs) reaches under several profiles is
 * protected, and counted, once under the highest; a profile the guide does not name ranks below Bronze.
 */
const profileOrder = ['bronze', 'gold'];

/** The higher of two profiles (the first on a tie), compared by name regardless of case. */
export function higherProfile(a: string, b: string): string {
  return profileOrder.indexOf(b.toLowerCase()) > profileOrder.indexOf(a.toLowerCase()) ? b : a;
}

/** The profile of one group of a job: its own, or the job's for a job stored before groups had their own. */
export function profileOfGroup(job: Pick<BackupJob, 'scope' | 'profile'>, groupId: string): string {
  return (job.scope.type === 'groups' && job.scope.groupProfiles?.[groupId]) || job.profile;
}

/** Each group of a job with its profile, every group named: how the API shows a job. */
export function groupProfilesOf(job: Pick<BackupJob, 'scope' | 'profile'>): Record<string, string> {
  if (job.scope.type !== 'groups') return {};
  return Object.fromEntries(job.scope.groupIds.map((groupId) => [groupId, profileOfGroup(job, groupId)]));
}

/** The distinct profiles a job protects people under, each once (by name regardless of case). */
export function profilesOfJob(job: Pick<BackupJob, 'scope' | 'profile'>): string[] {
  const names = job.scope.type === 'groups' ? Object.values(groupProfilesOf(job)) : [job.profile];
  const byKey = new Map(names.map((name) => [name.toLowerCase(), name]));
  return [...byKey.values()];
}

/** Reads the services a profile includes at a retention tier from the tenant's licence; undefined for one not bought. */
export type ProfileWorkloads = (
  tenantId: string,
  profile: string,
  retentionYears: number,
) => Promise<readonly Workload[] | undefined>;

/** The services of each of the job's profiles that the licence names, by lower-cased profile; empty without a reader. */
export async function servicesOfProfiles(
  job: Pick<BackupJob, 'tenantId' | 'scope' | 'profile' | 'retentionYears'>,
  read: ProfileWorkloads | undefined,
): Promise<Map<string, readonly Workload[]>> {
  const known = new Map<string, readonly Workload[]>();
  if (!read) return known;
  for (const profile of profilesOfJob(job)) {
    const workloads = await read(job.tenantId, profile, job.retentionYears);
    if (workloads) known.set(profile.toLowerCase(), workloads);
  }
  return known;
}
