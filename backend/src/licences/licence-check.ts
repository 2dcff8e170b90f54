import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import type { BackupJob } from '../backup/model.js';
import { storedBytesOfTenant } from './stored-bytes.js';
import { protectedPeopleByPlan } from './licence-usage.js';
import { planKey, readLicence } from './licence-store.js';

type JobTerms = Pick<BackupJob, 'profile' | 'retentionYears' | 'workloads'>;

/**
 * Refuses, with the reason, a job the tenant's licences do not allow: no licence, a profile or
 * tier not bought, a workload the profile does not include, more people than the seats left, or
 * storage already used up. `people` are the accounts the job would protect, when the directory
 * could be read; without them the seat count is checked when runs report what they covered.
 */
export async function assertJobWithinLicence(
  db: Db,
  tenantId: string,
  job: JobTerms,
  people: ReadonlySet<string> | null,
  jobId?: string,
): Promise<void> {
  const licence = await readLicence(db, tenantId);
  if (!licence) throw new ApiError(409, 'licence_missing');
  const plan = licence.plans.find((candidate) => planKey(candidate) === planKey(job));
  const names = { profile: job.profile, years: job.retentionYears };
  if (!plan) throw new ApiError(409, 'licence_plan_missing', names, names);
  const missing = job.workloads.filter((workload) => !plan.workloads.includes(workload));
  if (missing.length > 0) {
    throw new ApiError(
      409,
      'licence_workloads_not_included',
      { workloads: missing },
      {
        ...names,
        workloads: missing.join(', '),
      },
    );
  }
  if (people) {
    const others = (await protectedPeopleByPlan(db, tenantId, jobId)).get(planKey(job)) ?? new Set<string>();
    const needed = new Set([...others, ...people]).size;
    if (needed > plan.seats) {
      const values = { ...names, needed, seats: plan.seats };
      throw new ApiError(409, 'licence_seats_exceeded', values, values);
    }
  }
  const usedBytes = await storedBytesOfTenant(db, tenantId);
  if (usedBytes >= licence.storageBytes) {
    const values = { usedBytes, purchasedBytes: licence.storageBytes };
    throw new ApiError(409, 'licence_storage_exceeded', values, values);
  }
}
