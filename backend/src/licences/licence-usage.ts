import type { Db } from 'mongodb';
import { storedBytesOfTenant } from './stored-bytes.js';
import { planKey, readLicence, type LicencePlan, type RetentionYears } from './licence-store.js';
import { peopleByPlan, protectedProfiles } from './protected-profiles.js';

export interface PlanUsage extends LicencePlan {
  /** Distinct people whose data jobs protect under this profile and tier; each person counts in one profile per tier. */
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

/** What the tenant bought against what its jobs protect and its backups hold. */
export async function licenceUsage(db: Db, tenantId: string): Promise<LicenceUsage> {
  const [licence, tiers, usedBytes] = await Promise.all([
    readLicence(db, tenantId),
    protectedProfiles(db, tenantId),
    storedBytesOfTenant(db, tenantId),
  ]);
  const people = peopleByPlan(tiers);
  const plans = (licence?.plans ?? []).map((plan) => ({ ...plan, used: people.get(planKey(plan))?.people.size ?? 0 }));
  const licensedKeys = new Set(plans.map(planKey));
  const unlicensed = new Map<string, UnlicensedUsage>();
  for (const [key, plan] of people) {
    if (licensedKeys.has(key)) continue;
    unlicensed.set(key, { profile: plan.profile, retentionYears: plan.retentionYears, used: plan.people.size });
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
