import type { Db } from 'mongodb';
import { itemVersionsCollection } from '../catalog/index.js';

/**
 * Bytes held for the current versions of each resource's items, summed by the database in one
 * aggregation: one query for a page of resources, never one per resource.
 */
export async function storedBytesByResource(
  db: Db,
  tenantId: string,
  resourceIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await itemVersionsCollection
    .raw(db)
    .aggregate<{ _id: string; bytes: number }>([
      { $match: { tenantId, resourceId: { $in: [...resourceIds] }, validTo: null } },
      { $group: { _id: '$resourceId', bytes: { $sum: '$size' } } },
    ])
    .toArray();
  return new Map(rows.map((row) => [row._id, row.bytes]));
}

/** Bytes held for the current versions of every item of the tenant. */
export async function storedBytesOfTenant(db: Db, tenantId: string): Promise<number> {
  const [row] = await itemVersionsCollection
    .raw(db)
    .aggregate<{ bytes: number }>([
      { $match: { tenantId, validTo: null } },
      { $group: { _id: null, bytes: { $sum: '$size' } } },
    ])
    .toArray();
  return row?.bytes ?? 0;
}
