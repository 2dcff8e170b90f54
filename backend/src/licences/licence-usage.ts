import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import { storedBytesOfTenant } from './stored-bytes.js';
import { allCoverage, type CoverageRow } from '../backup/job-coverage.js';
import { planKey, readLicence, type LicencePlan, type RetentionYears } from './licence-store.js';

export interface PlanUsage extends LicencePlan {
  /** Distinct people whose data jobs of this profile and tier protect. */
  used: number;
}

/** People protected under a profile and tier that the tenant did not buy. */
export interface UnlicensedUsage {
  profile: string;
  retentionYears: RetentionYears;
  used: number;
}

export interface LicenceUsage {
  licensed: boolean;
  plans: PlanUsage[];
  unlicensed: UnlicensedUsage[];
  storage: { purchasedBytes: number; usedBytes: number };
  overrun: boolean;
}

/** The people each profile and tier protects, keyed by `planKey`, from the jobs' coverage. */
export async function protectedPeopleByPlan(
  db: Db,
  tenantId: string,
  excludeJobId?: string,
): Promise<Map<string, Set<string>>> {
  const jobs = await new BackupJobs(db).list(tenantId);
  const planOfJob = new Map(jobs.map((job) => [job.jobId, planKey(job)]));
  const people = new Map<string, Set<string>>();
  const rows: CoverageRow[] = await allCoverage(db, tenantId);
  for (const row of rows) {
    const key = planOfJob.get(row.jobId);
    if (key === undefined || row.jobId === excludeJobId || row.ownerUserId === undefined) continue;
    const set = people.get(key) ?? new Set<string>();
    set.add(row.ownerUserId);
    people.set(key, set);
  }
  return people;
}

/** What the tenant bought against what its jobs protect and its backups hold. */
export async function licenceUsage(db: Db, tenantId: string): Promise<LicenceUsage> {
  const [licence, people, usedBytes, jobs] = await Promise.all([
    readLicence(db, tenantId),
    protectedPeopleByPlan(db, tenantId),
    storedBytesOfTenant(db, tenantId),
    new BackupJobs(db).list(tenantId),
  ]);
  const plans = (licence?.plans ?? []).map((plan) => ({ ...plan, used: people.get(planKey(plan))?.size ?? 0 }));
  const licensedKeys = new Set(plans.map(planKey));
  const unlicensed = new Map<string, UnlicensedUsage>();
  for (const job of jobs) {
    const key = planKey(job);
    if (licensedKeys.has(key) || unlicensed.has(key)) continue;
    const used = people.get(key)?.size ?? 0;
    if (used > 0) unlicensed.set(key, { profile: job.profile, retentionYears: job.retentionYears, used });
  }
  const purchasedBytes = licence?.storageBytes ?? 0;
  const overrun =
    plans.some((plan) => plan.used > plan.seats) ||
    unlicensed.size > 0 ||
    (licence !== null && usedBytes > purchasedBytes);
  return {
    licensed: licence !== null,
    plans,
    unlicensed: [...unlicensed.values()],
    storage: { purchasedBytes, usedBytes },
    overrun,
  };
}
