import type { Db } from 'mongodb';
import { resourcesCollection } from '../catalog/index.js';

/**
 * Bytes held for the current versions of every item of the tenant: the sum of what each account's last completed
 * backup counted (`catalog/resource-stored-bytes.ts`), one small document per account, never the versions themselves.
 */
export async function storedBytesOfTenant(db: Db, tenantId: string): Promise<number> {
  const resources = await resourcesCollection
    .scoped(db)
    .find(tenantId, {}, { projection: { _id: 0, storedBytes: 1 } })
    .toArray();
  return resources.reduce((sum, resource) => sum + (resource.storedBytes ?? 0), 0);
}
