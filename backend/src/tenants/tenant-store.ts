import type { Db } from 'mongodb';
import { defineTenantCollection, insertedFirst } from '../db/index.js';

export const dataLocations = ['italy-north', 'west-europe'] as const;
export type DataLocation = (typeof dataLocations)[number];

export const workloads = ['exchange', 'sharepoint-onedrive', 'teams'] as const;
export type Workload = (typeof workloads)[number];

export interface TenantSetup {
  dataLocation?: DataLocation;
  workloads?: Workload[];
  /**
   * `fullFidelity`: whether the consent includes the mailbox import/export API (MailboxItem.ImportExport.All), without
   * which Exchange items are restored through JSON with losses; absent on records checked before it was asked.
   */
  adminConsent?: { grantedAt: Date; checkedBy: string; fullFidelity?: boolean };
  confirmation?: { at: Date; by: string };
}

/** The onboarding record of a customer tenant; `tenantId` is its Entra directory id (`tid`). */
export interface TenantRecord {
  tenantId: string;
  name: string;
  onboardedAt: Date;
  onboardedBy: string;
  itManager: { name: string; email: string };
  setup: TenantSetup;
}

export const tenantRecords = defineTenantCollection<TenantRecord>('tenants', [
  { key: { tenantId: 1 }, unique: true, name: 'tenant' },
]);

/** Records a newly onboarded tenant; false when it is onboarded already (its record stays as it was). */
export function insertTenant(db: Db, record: TenantRecord): Promise<boolean> {
  return insertedFirst(() => tenantRecords.scoped(db).insertOne(record.tenantId, { ...record }));
}

/** Every onboarded tenant: the daily jobs that visit each one (retention, usage snapshots). */
export function onboardedTenantIds(db: Db): Promise<string[]> {
  return tenantRecords.raw(db).distinct('tenantId');
}

export function findTenant(db: Db, tenantId: string): Promise<TenantRecord | null> {
  return tenantRecords.scoped(db).findOne(tenantId, {}, { projection: { _id: 0 } });
}
