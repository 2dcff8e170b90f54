import type { Db } from 'mongodb';
import { tenantRecords, type DataLocation } from './tenant-store.js';

/**
 * Where each tenant's backup data lives, for the content store to pick the tenant's store. A confirmed setup fixes the
 * location, so it is read once; before confirmation it is read every time (it may still change, and no backup runs).
 */
export function tenantDataLocations(db: Db): (tenantId: string) => Promise<DataLocation | undefined> {
  const fixed = new Map<string, DataLocation | undefined>();
  return async (tenantId) => {
    if (fixed.has(tenantId)) return fixed.get(tenantId);
    const tenant = await tenantRecords
      .scoped(db)
      .findOne(tenantId, {}, { projection: { _id: 0, 'setup.dataLocation': 1, 'setup.confirmation': 1 } });
    const location = tenant?.setup.dataLocation;
    if (tenant?.setup.confirmation) fixed.set(tenantId, location);
    return location;
  };
}

/** Tenants whose recorded data location is not among `configured`: their backups would have no store. */
export async function tenantsOutside(
  db: Db,
  configured: readonly DataLocation[],
): Promise<{ tenantId: string; dataLocation: DataLocation }[]> {
  const tenants = await tenantRecords
    .raw(db)
    .find(
      { 'setup.dataLocation': { $exists: true, $nin: [...configured] } },
      { projection: { _id: 0, tenantId: 1, 'setup.dataLocation': 1 } },
    )
    .toArray();
  return tenants.map((tenant) => ({ tenantId: tenant.tenantId, dataLocation: tenant.setup.dataLocation! }));
}
