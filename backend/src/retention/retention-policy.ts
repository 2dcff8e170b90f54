import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import type { BackupJob } from '../backup/model.js';
import { allCoverage } from '../backup/job-coverage.js';

export type RetentionYears = BackupJob['retentionYears'];

/** The longest tier on offer: what applies to a resource no job covers any more. */
export const LONGEST_RETENTION: RetentionYears = 10;

/**
 * How long each resource's superseded versions are kept. A resource covered by several jobs gets the longest of
 * their tiers: a customer who bought ten years for a mailbox in one job must not lose nine of them because a second
 * job also covers it for one. A resource that no job covers (its job was deleted, or it left the job's scope) keeps
 * the longest tier: the sweep never shortens what was promised; "Delete backup" purges an account on purpose.
 */
export interface RetentionPolicy {
  readonly yearsByResource: ReadonlyMap<string, RetentionYears>;
  readonly uncoveredYears: RetentionYears;
}

export async function retentionPolicyOf(db: Db, tenantId: string): Promise<RetentionPolicy> {
  const [jobs, coverage] = await Promise.all([new BackupJobs(db).list(tenantId), allCoverage(db, tenantId)]);
  const yearsOfJob = new Map(jobs.map((job) => [job.jobId, job.retentionYears]));
  const yearsByResource = new Map<string, RetentionYears>();
  for (const row of coverage) {
    const years = yearsOfJob.get(row.jobId);
    if (years === undefined) continue;
    yearsByResource.set(row.resourceId, Math.max(years, yearsByResource.get(row.resourceId) ?? 0) as RetentionYears);
  }
  return { yearsByResource, uncoveredYears: LONGEST_RETENTION };
}

/** The instant before which a version that stopped being current has outlived a retention of `years`. */
export function expiryCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}
