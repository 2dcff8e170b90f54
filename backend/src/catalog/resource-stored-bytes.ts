import type { Db } from 'mongodb';
import { defineUpgrade } from '../db/index.js';
import { itemVersionsCollection, resourcesCollection } from './collections.js';

/**
 * Bytes held for a resource's current versions, summed once when its backup completes and kept on the resource
 * (`storedBytes`), so that the Items list and the licence's storage read one small document per account instead of
 * summing every version of the tenant on every request. Summed from one equality on the resource, a shape both
 * MongoDB's index and the embedded database's serve; an aggregation there is evaluated over the whole collection.
 */
export async function currentBytesOfResource(db: Db, tenantId: string, resourceId: string): Promise<number> {
  const versions = await itemVersionsCollection
    .scoped(db)
    .find(tenantId, { resourceId, validTo: null }, { projection: { _id: 0, size: 1 } })
    .toArray();
  return versions.reduce((sum, version) => sum + version.size, 0);
}

/** Resources backed up before `storedBytes` was kept get it summed once, one resource at a time. */
defineUpgrade('resource-stored-bytes', async (db) => {
  const resources = resourcesCollection.raw(db);
  const missing = await resources
    .find({ storedBytes: { $exists: false } }, { projection: { _id: 0, tenantId: 1, resourceId: 1 } })
    .toArray();
  for (const { tenantId, resourceId } of missing) {
    const storedBytes = await currentBytesOfResource(db, tenantId, resourceId);
    await resources.updateOne({ tenantId, resourceId }, { $set: { storedBytes } });
  }
});
