import { retentionTiers, type JobScope, type JobView, type LicenceUsage, type RetentionYears } from '../api/model.js';

/**
 * A retention tier the job form offers for a profile: the seats bought and left, `notBought` for a stored job's own
 * tier the licence no longer has, neither while the licence is being read.
 */
export interface TierChoice {
  readonly retentionYears: RetentionYears;
  readonly seats?: { readonly bought: number; readonly left: number };
  readonly notBought?: true;
}

const sameProfile = (one: string, other: string) => one.toLowerCase() === other.toLowerCase();

/**
 * The profiles the job form offers: those the tenant bought, in the licence's order; an edited job keeps its own,
 * even if no longer bought, so that it can be saved while the person chooses another.
 */
export function offeredProfiles(licence: LicenceUsage | undefined, job: JobView | undefined): string[] {
  const profiles: string[] = [];
  for (const profile of [...(licence?.plans.map((plan) => plan.profile) ?? []), ...(job ? [job.profile] : [])]) {
    if (!profiles.some((known) => sameProfile(known, profile))) profiles.push(profile);
  }
  return profiles;
}

/** The retention tiers bought for a profile, with the seats left in each; an edited job's own tier stays offered. */
export function offeredTiers(
  licence: LicenceUsage | undefined,
  profile: string,
  job: JobView | undefined,
): TierChoice[] {
  const plans = (licence?.plans ?? []).filter((plan) => sameProfile(plan.profile, profile));
  const keeps = job && sameProfile(job.profile, profile) ? job.retentionYears : undefined;
  return retentionTiers.flatMap((retentionYears): TierChoice[] => {
    const plan = plans.find((candidate) => candidate.retentionYears === retentionYears);
    if (plan) {
      return [{ retentionYears, seats: { bought: plan.seats, left: Math.max(plan.seats - plan.used, 0) } }];
    }
    return retentionYears === keeps ? [{ retentionYears, notBought: true }] : [];
  });
}

/** A profile a group may be given at the job's retention tier, with the seats left in it. */
export interface GroupProfileChoice {
  readonly profile: string;
  readonly bought: number;
  readonly left: number;
}

/**
 * The profiles offered for a group: those bought at the job's tier with seats left, in the licence's order, and the
 * group's own even without (an edited job keeps what it has while the person chooses).
 */
export function offeredGroupProfiles(
  licence: LicenceUsage | undefined,
  retentionYears: RetentionYears,
  current: string,
): GroupProfileChoice[] {
  const choices = (licence?.plans ?? [])
    .filter((plan) => plan.retentionYears === retentionYears)
    .map((plan) => ({ profile: plan.profile, bought: plan.seats, left: Math.max(plan.seats - plan.used, 0) }))
    .filter((choice) => choice.left > 0 || sameProfile(choice.profile, current));
  return choices.some((choice) => sameProfile(choice.profile, current))
    ? choices
    : [...choices, { profile: current, bought: 0, left: 0 }];
}

/** The profile of one group of a job: its own, or the job's. */
export function profileOfGroup(scope: JobScope | JobView['scope'], profile: string, groupId: string): string {
  return (scope.type === 'groups' && scope.groupProfiles?.[groupId]) || profile;
}

/** The profiles a job protects people under, each once: "Gold, Bronze". */
export function jobProfilesText(scope: JobScope | JobView['scope'], profile: string): string {
  if (scope.type === 'organisation') return profile;
  const profiles: string[] = [];
  for (const groupId of scope.groupIds) {
    const own = profileOfGroup(scope, profile, groupId);
    if (!profiles.some((known) => sameProfile(known, own))) profiles.push(own);
  }
  return profiles.join(', ');
}
