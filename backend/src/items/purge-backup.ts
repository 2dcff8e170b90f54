import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { isBeingBackedUp } from '../backup/run-reads.js';
import { purgeResourceCatalog, type PurgedCatalog } from '../catalog/index.js';
import { dropCoverage } from '../backup/job-coverage.js';

export type PurgeCounts = PurgedCatalog;

/**
 * Deletes an account's backup from the catalog: every item version, folder, delta cursor and month count, and
 * the account record itself. The content blobs are left to the store's garbage collection, which
 * frees what no catalog entry references. Refused while a run is backing the account up.
 */
export async function purgeResourceBackup(db: Db, tenantId: string, resourceId: string): Promise<PurgeCounts> {
  if (await isBeingBackedUp(db, tenantId, resourceId)) throw new ApiError(409, 'resource_busy');
  const counts = await purgeResourceCatalog(db, tenantId, resourceId);
  await dropCoverage(db, tenantId, { resourceId });
  return counts;
}
