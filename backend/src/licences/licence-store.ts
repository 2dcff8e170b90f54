import type { Db } from 'mongodb';
import { z } from 'zod';
import { allWorkloads, type Workload } from '../backup/model.js';
import { defineTenantCollection } from '../db/index.js';

export const retentionTiers = [1, 3, 5, 10] as const;
export type RetentionYears = (typeof retentionTiers)[number];

/** Seats bought for one profile at one retention tier, and the workloads that profile protects. */
export interface LicencePlan {
  profile: string;
  retentionYears: RetentionYears;
  workloads: Workload[];
  seats: number;
}

/** What a tenant bought from the provider; the provider operator keeps it current. */
export interface TenantLicence {
  tenantId: string;
  plans: LicencePlan[];
  storageBytes: number;
  updatedAt: Date;
  updatedBy: string;
}

export const licencePlanSchema = z.strictObject({
  profile: z.string().trim().min(1).max(40),
  retentionYears: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(10)]),
  workloads: z
    .array(z.enum(allWorkloads as unknown as ['exchange', 'onedrive', 'sharepoint', 'teams']))
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'each workload at most once'),
  seats: z.number().int().min(0).max(1_000_000),
});

export const licenceBodySchema = z.strictObject({
  plans: z
    .array(licencePlanSchema)
    .max(40)
    .refine(
      (plans) => new Set(plans.map(planKey)).size === plans.length,
      'each profile and retention tier at most once',
    ),
  storageBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const tenantLicences = defineTenantCollection<TenantLicence>('tenantLicences', [
  { key: { tenantId: 1 }, unique: true, name: 'tenant' },
]);

/** A profile at a retention tier, the unit seats are counted in. */
export function planKey(plan: { profile: string; retentionYears: number }): string {
  return `${plan.profile.toLowerCase()}/${plan.retentionYears}`;
}

export async function readLicence(db: Db, tenantId: string): Promise<TenantLicence | null> {
  return tenantLicences.scoped(db).findOne(tenantId, {}, { projection: { _id: 0 } });
}

export async function writeLicence(
  db: Db,
  tenantId: string,
  licence: z.output<typeof licenceBodySchema>,
  updatedBy: string,
  at: Date,
): Promise<TenantLicence> {
  const record: TenantLicence = { tenantId, ...licence, updatedAt: at, updatedBy };
  await tenantLicences.scoped(db).updateOne(tenantId, {}, { $set: record }, { upsert: true });
  return record;
}
