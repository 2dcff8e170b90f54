import type { Db } from 'mongodb';
import {
  dateBucketsCollection,
  deltaCursorsCollection,
  foldersCollection,
  itemVersionsCollection,
  resourcesCollection,
} from './collections.js';

export interface PurgedCatalog {
  itemVersions: number;
  folders: number;
  deltaCursors: number;
}

/**
 * Deletes an account from the catalog: every item version, folder, delta cursor and month count, then the account
 * record itself (last, so an interrupted purge is found and repeated). The content blobs are left to the store's
 * garbage collection, which frees what no catalog entry references.
 */
export async function purgeResourceCatalog(db: Db, tenantId: string, resourceId: string): Promise<PurgedCatalog> {
  const [versions, folders, cursors] = await Promise.all([
    itemVersionsCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    foldersCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    deltaCursorsCollection.scoped(db).deleteMany(tenantId, { resourceId }),
    // The tenant's own month counts keep these versions: a count may run high, search only walks an empty month.
    dateBucketsCollection.scoped(db).deleteMany(tenantId, { scope: resourceId }),
  ]);
  await resourcesCollection.scoped(db).deleteOne(tenantId, { resourceId });
  return { itemVersions: versions.deletedCount, folders: folders.deletedCount, deltaCursors: cursors.deletedCount };
}
