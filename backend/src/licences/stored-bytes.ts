import type { Db } from 'mongodb';
import { ResourceReads } from '../catalog/index.js';

/** Bytes held for the current versions of every item of the tenant, as the catalog's accounts count them. */
export function storedBytesOfTenant(db: Db, tenantId: string): Promise<number> {
  return new ResourceReads(db).storedBytesOfTenant(tenantId);
}
