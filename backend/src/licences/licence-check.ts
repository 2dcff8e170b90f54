import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { storedBytesOfTenant } from './stored-bytes.js';
import { growthOf, growthWords, type Growth, type JobCoverage } from './job-growth.js';
import { protectedPeopleByPlan } from './licence-usage.js';
import { planKey, readLicence } from './licence-store.js';
import { overrunRemediesText } from './remedies.js';
import { workloadList } from '../tenants/setup-services.js';

/** An edit of a stored job: what it covers now, and (read only if an overrun makes it matter) whom. */
export interface JobEdit {
  jobId: string;
  current: JobCoverage;
  currentPeople: () => Promise<ReadonlySet<string> | null>;
}

/**
 * Refuses, with the reason, a job the tenant's licences do not allow: no licence, a profile or
 * tier not bought, a workload the profile does not include, more people than the seats left, or
 * storage already used up. `people` are the accounts the job would protect, when the directory
 * could be read; without them the seat count is checked when runs report what they covered.
 *
 * An edit that adds nothing to what the job uses (narrower scope, fewer services, lower profile,
 * shorter retention, another time) passes an overrun: it is the FAQ's remedy. Only an edit that would
 * use more is refused, with the remedies.
 */
export async function assertJobWithinLicence(
  db: Db,
  tenantId: string,
  job: JobCoverage,
  people: ReadonlySet<string> | null,
  edit?: JobEdit,
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
        workloads: workloadList(missing),
      },
    );
  }
  let growth: Promise<Growth[]> | undefined;
  const growthOfEdit = (current: JobEdit) =>
    (growth ??= growthOf(licence.plans, current.current, job, { before: current.currentPeople, after: people }));
  if (people) {
    const others = (await protectedPeopleByPlan(db, tenantId, edit?.jobId)).get(planKey(job)) ?? new Set<string>();
    const needed = new Set([...others, ...people]).size;
    // An edit that keeps the plan and adds nobody uses no more seats than the job already did.
    const addsNoSeat = async (current: JobEdit) =>
      planKey(current.current) === planKey(job) && !(await growthOfEdit(current)).includes('people');
    if (needed > plan.seats && !(edit && (await addsNoSeat(edit)))) {
      const values = { ...names, needed, seats: plan.seats };
      throw new ApiError(409, 'licence_seats_exceeded', values, values);
    }
  }
  const usedBytes = await storedBytesOfTenant(db, tenantId);
  if (usedBytes < licence.storageBytes) return;
  const storage = { usedBytes, purchasedBytes: licence.storageBytes, remedies: overrunRemediesText };
  if (!edit) {
    throw new ApiError(409, 'licence_storage_exceeded', { usedBytes, purchasedBytes: licence.storageBytes }, storage);
  }
  const grows = await growthOfEdit(edit);
  if (grows.length > 0) {
    const details = { usedBytes, purchasedBytes: licence.storageBytes, growth: grows };
    throw new ApiError(409, 'licence_overrun_growth', details, { ...storage, growth: growthWords(grows) });
  }
}
