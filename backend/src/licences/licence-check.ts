import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { storedBytesOfTenant } from './stored-bytes.js';
import { growthOf, growthWords, type Growth, type JobCoverage } from './job-growth.js';
import { peopleByPlan, protectedProfiles, withPeople, type ProfileOfPerson } from './protected-profiles.js';
import { planKey, readLicence, type LicencePlan } from './licence-store.js';
import { profileOfGroup, profilesOfJob } from '../backup/job-profiles.js';
import { overrunRemediesText } from './remedies.js';
import { workloadList } from '../tenants/setup-services.js';
import type { Workload } from '../backup/model.js';

/** An edit of a stored job: what it covers now, and (read only if an overrun makes it matter) whom, with profiles. */
export interface JobEdit {
  jobId: string;
  current: JobCoverage;
  currentPeople: () => Promise<ReadonlyMap<string, string> | null>;
}

/** A group (or the organisation) the edit puts under `profile` that was under another before. */
function newlyUnder(before: JobCoverage, after: JobCoverage, profile: string): boolean {
  const same = (name: string) => name.toLowerCase() === profile.toLowerCase();
  if (after.scope.type === 'organisation') return same(after.profile) && !profilesOfJob(before).every(same);
  return after.scope.groupIds.some(
    (groupId) => same(profileOfGroup(after, groupId)) && !same(profileOfGroup(before, groupId)),
  );
}

/** The plan bought for a profile at the job's tier; refused otherwise. */
function planFor(plans: readonly LicencePlan[], job: JobCoverage, profile: string): LicencePlan {
  const names = { profile, years: job.retentionYears };
  const plan = plans.find(
    (candidate) => planKey(candidate) === planKey({ profile, retentionYears: job.retentionYears }),
  );
  if (!plan) throw new ApiError(409, 'licence_plan_missing', names, names);
  return plan;
}

function refuseWorkloads(plan: LicencePlan, missing: readonly Workload[]): never {
  const names = { profile: plan.profile, years: plan.retentionYears, workloads: workloadList([...missing]) };
  throw new ApiError(409, 'licence_workloads_not_included', { workloads: missing }, names);
}

/**
 * Every service of the job is in one of its profiles at least (each person gets those of the job their profile
 * includes), and each profile protects something of the job: with one profile, all the job's services are in it.
 */
function assertWorkloadsBought(job: JobCoverage, plans: readonly LicencePlan[]): void {
  for (const plan of plans) {
    if (!job.workloads.some((workload) => plan.workloads.includes(workload))) refuseWorkloads(plan, job.workloads);
  }
  const missing = job.workloads.filter((workload) => !plans.some((plan) => plan.workloads.includes(workload)));
  const [first] = plans;
  if (first && missing.length > 0) refuseWorkloads(first, missing);
}

/**
 * Refuses, with the reason, a job the tenant's licences do not allow: no licence, a profile or
 * tier not bought, a workload none of its profiles includes (or a profile that includes none of the job's), more people than the seats left, or
 * storage already used up; each of the job's profiles (one per group at most) is checked. `people` are the accounts
 * the job would protect with the profile of each, when the directory could be read; without them the seat count is
 * checked when runs report what they covered. A person counts once per tier, under the highest profile that reaches
 * them in any job.
 *
 * An edit that adds nothing to what the job uses (narrower scope, fewer services, lower profile,
 * shorter retention, another time) passes an overrun: it is the FAQ's remedy. Only an edit that would
 * use more is refused, with the remedies.
 */
export async function assertJobWithinLicence(
  db: Db,
  tenantId: string,
  job: JobCoverage,
  people: ReadonlyMap<string, string> | null,
  edit?: JobEdit,
): Promise<void> {
  const licence = await readLicence(db, tenantId);
  if (!licence) throw new ApiError(409, 'licence_missing');
  const plans = profilesOfJob(job).map((profile) => ({ profile, plan: planFor(licence.plans, job, profile) }));
  assertWorkloadsBought(
    job,
    plans.map(({ plan }) => plan),
  );
  let growth: Promise<Growth[]> | undefined;
  let currentPeople: Promise<ReadonlyMap<string, string> | null> | undefined;
  const peopleBefore = (current: JobEdit) => (currentPeople ??= current.currentPeople());
  const growthOfEdit = (current: JobEdit) =>
    (growth ??= growthOf(licence.plans, current.current, job, { before: () => peopleBefore(current), after: people }));
  if (people) {
    const years = job.retentionYears;
    const others = (await protectedProfiles(db, tenantId, edit?.jobId)).get(years);
    const seatsOf = (tier: ProfileOfPerson) => peopleByPlan(new Map([[years, tier]]));
    const after = seatsOf(withPeople(others, people));
    // Seats each plan used with the job as it is, or null when whom it covers is unknown (a group deleted since).
    const usedBefore = async (current: JobEdit, key: string): Promise<number | null> => {
      const was = await peopleBefore(current);
      if (!was) return null;
      const tier = current.current.retentionYears === years ? withPeople(others, was) : new Map(others);
      return seatsOf(tier).get(key)?.people.size ?? 0;
    };
    // An edit that adds nobody to a plan uses no more of its seats than the job already did.
    const addsNoSeat = async (current: JobEdit, profile: string, needed: number) => {
      const before = await usedBefore(current, planKey({ profile, retentionYears: years }));
      if (before !== null) return needed <= before;
      return (
        current.current.retentionYears === years &&
        !newlyUnder(current.current, job, profile) &&
        !(await growthOfEdit(current)).includes('people')
      );
    };
    for (const { profile, plan } of plans) {
      const needed = after.get(planKey(plan))?.people.size ?? 0;
      if (needed > plan.seats && !(edit && (await addsNoSeat(edit, profile, needed)))) {
        const values = { profile, years, needed, seats: plan.seats };
        throw new ApiError(409, 'licence_seats_exceeded', values, values);
      }
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
