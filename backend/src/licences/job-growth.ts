import type { BackupJob, BackupScope } from '../backup/model.js';
import { profileOfGroup, profilesOfJob } from '../backup/job-profiles.js';
import type { Bilingual } from '../language/language.js';
import { defineTexts } from '../language/texts.js';
import { planKey, type LicencePlan } from './licence-store.js';

/** What a job covers, as far as the licences count it. */
export type JobCoverage = Pick<BackupJob, 'scope' | 'profile' | 'retentionYears' | 'workloads'>;

/** The ways an edit can make a job use more of the licences. */
export type Growth = 'people' | 'workloads' | 'profile' | 'retention';

const growthTexts = defineTexts({
  people: { it: 'più persone nel perimetro', en: 'more people in scope' },
  workloads: { it: 'più servizi', en: 'more services' },
  profile: { it: 'un profilo superiore', en: 'a higher profile' },
  retention: { it: 'una conservazione più lunga', en: 'a longer retention' },
});

/** The growths named in both languages, for an error message. */
export function growthWords(growth: readonly Growth[]): Bilingual {
  const words = growth.map((kind) => growthTexts.bilingual(kind, {}));
  return { it: words.map((w) => w.it).join(', '), en: words.map((w) => w.en).join(', ') };
}

/** Every account `inner` reaches is one `outer` reaches, read from the scopes alone. */
function scopeWithin(inner: BackupScope, outer: BackupScope): boolean {
  if (outer.type === 'organisation') return true;
  return inner.type === 'groups' && inner.groupIds.every((id) => outer.groupIds.includes(id));
}

function planOf(plans: readonly LicencePlan[], profile: string, retentionYears: number): LicencePlan | undefined {
  return plans.find((plan) => planKey(plan) === planKey({ profile, retentionYears }));
}

/** The profile becomes one protecting a workload the former does not (a profile no longer bought counts as lower). */
function profileRises(
  plans: readonly LicencePlan[],
  before: JobCoverage,
  was: string,
  after: JobCoverage,
  becomes: string,
) {
  if (was.toLowerCase() === becomes.toLowerCase()) return false;
  const from = planOf(plans, was, before.retentionYears);
  const to = planOf(plans, becomes, after.retentionYears);
  return from !== undefined && to !== undefined && to.workloads.some((w) => !from.workloads.includes(w));
}

/**
 * Someone keeps being protected under a higher profile: the organisation's, or a group's that the job had before
 * (a group new to the job adds people, which is counted as such).
 */
function higherProfile(plans: readonly LicencePlan[], before: JobCoverage, after: JobCoverage): boolean {
  const rises = (was: string, becomes: string) => profileRises(plans, before, was, after, becomes);
  if (after.scope.type === 'organisation') return profilesOfJob(before).some((was) => rises(was, after.profile));
  const { scope: beforeScope } = before;
  return after.scope.groupIds.some((groupId) => {
    if (beforeScope.type === 'groups' && !beforeScope.groupIds.includes(groupId)) return false;
    return rises(profileOfGroup(before, groupId), profileOfGroup(after, groupId));
  });
}

/**
 * What an edit adds to a job's licence use: more people (read from the directory when both are known,
 * else from the scopes: the whole organisation or a subset of the same groups is no more), more services, a
 * higher profile, a longer retention. Empty for an edit that narrows the job or leaves its coverage as it was.
 */
export async function growthOf(
  plans: readonly LicencePlan[],
  before: JobCoverage,
  after: JobCoverage,
  people: { before: () => Promise<ReadonlyMap<string, string> | null>; after: ReadonlyMap<string, string> | null },
): Promise<Growth[]> {
  const growth: Growth[] = [];
  if (!scopeWithin(after.scope, before.scope)) {
    const was = people.after ? await people.before() : null;
    if (!was || !people.after || [...people.after.keys()].some((id) => !was.has(id))) growth.push('people');
  }
  if (after.workloads.some((workload) => !before.workloads.includes(workload))) growth.push('workloads');
  if (higherProfile(plans, before, after)) growth.push('profile');
  if (after.retentionYears > before.retentionYears) growth.push('retention');
  return growth;
}
