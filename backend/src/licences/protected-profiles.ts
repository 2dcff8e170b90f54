import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import { allCoverage } from '../backup/job-coverage.js';
import { higherProfile } from '../backup/job-profiles.js';
import { planKey, type RetentionYears } from './licence-store.js';

/** Who is protected at one retention tier, each person under one profile: the highest that reaches them. */
export type ProfileOfPerson = Map<string, string>;

/** People by retention tier; a person in a Gold group and a Bronze group (of one job or two) is under Gold. */
export type ProtectedProfiles = Map<RetentionYears, ProfileOfPerson>;

/** The people of one profile and tier, keyed by `planKey`. */
export interface PlanPeople {
  profile: string;
  retentionYears: RetentionYears;
  people: Set<string>;
}

/** Adds people to a tier's, each keeping the higher of the profile they had and the one they bring. */
export function withPeople(tier: ProfileOfPerson | undefined, people: ReadonlyMap<string, string>): ProfileOfPerson {
  const merged = new Map(tier);
  for (const [id, profile] of people) {
    const known = merged.get(id);
    merged.set(id, known === undefined ? profile : higherProfile(known, profile));
  }
  return merged;
}

/**
 * Each protected person's profile per retention tier, from the jobs' coverage. A coverage row from before per-group
 * profiles carries none: it was made when the job had one profile, so the job's is the row's.
 */
export async function protectedProfiles(db: Db, tenantId: string, excludeJobId?: string): Promise<ProtectedProfiles> {
  const [jobs, rows] = await Promise.all([new BackupJobs(db).list(tenantId), allCoverage(db, tenantId)]);
  const jobsById = new Map(jobs.map((job) => [job.jobId, job]));
  const tiers: ProtectedProfiles = new Map();
  for (const row of rows) {
    const job = jobsById.get(row.jobId);
    if (!job || row.jobId === excludeJobId || row.ownerUserId === undefined) continue;
    const person = new Map([[row.ownerUserId, row.profile ?? job.profile]]);
    tiers.set(job.retentionYears, withPeople(tiers.get(job.retentionYears), person));
  }
  return tiers;
}

/** The people each profile and tier protects, keyed by `planKey`. */
export function peopleByPlan(tiers: ProtectedProfiles): Map<string, PlanPeople> {
  const plans = new Map<string, PlanPeople>();
  for (const [retentionYears, people] of tiers) {
    for (const [id, profile] of people) {
      const key = planKey({ profile, retentionYears });
      const plan = plans.get(key) ?? { profile, retentionYears, people: new Set<string>() };
      plan.people.add(id);
      plans.set(key, plan);
    }
  }
  return plans;
}
