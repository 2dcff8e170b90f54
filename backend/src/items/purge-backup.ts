import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { isBeingBackedUp } from '../backup/run-reads.js';
import {
  dateBucketsCollection,
  deltaCursorsCollection,
  foldersCollection,
  itemVersionsCollection,
  resourcesCollection,
} from '../catalog/index.js';
import { dropCoverage } from '../backup/job-coverage.js';

export interface PurgeCounts {
  itemVersions: number;
  folders: number;
  deltaCursors: number;
}

/**
 * Deletes an account's backup from the catalog: every item version, folder, delta cursor and month count, and
 * the account record itself. The content blobs are left to the store's garbage collection, which
 * frees what no catalog entry references. Refused while a run is backing the account up.
 */
export async function purgeResourceBackup(db: Db, tenantId: string, resourceId: string): Promise<PurgeCounts> {
  if (await isBeingBackedUp(db, tenantId, resourceId)) throw new ApiError(409, 'resource_busy');
  const [versions, folders, cursors] = await Promise.all([
    itemVersionsCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    foldersCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    deltaCursorsCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    // The tenant's own month counts keep these versions: a count may run high, search only walks an empty month.
    dateBucketsCollection.scoped(db).deleteMany(tenantId, { scope: resourceId }),
  ]);
  await resourcesCollection.scoped(db).deleteOne(tenantId, { resourceId });
  await dropCoverage(db, tenantId, { resourceId });
  return { itemVersions: versions.deletedCount, folders: folders.deletedCount, deltaCursors: cursors.deletedCount };
}
