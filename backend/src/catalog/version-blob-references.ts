import type { Db } from 'mongodb';
import { itemVersionsCollection } from './collections.js';
import type { ItemVersion } from './model.js';

/** A version as the store's checks see it: where it is and the blobs it refers to. */
export type VersionReference = Pick<ItemVersion, 'resourceId' | 'containerPath' | 'name' | 'content' | 'fullFidelity'>;

/**
 * The content references of the catalog's versions, for garbage collection's mark and `custodia verify`: read as a
 * stream of projections, never as whole versions.
 */
export class VersionBlobReferences {
  constructor(private readonly db: Db) {}

  /** The blob references of every version of the tenant that has content. */
  contentReferences(tenantId: string): AsyncIterable<Pick<ItemVersion, 'content' | 'fullFidelity'>> {
    return itemVersionsCollection
      .scoped(this.db)
      .find(
        tenantId,
        { content: { $exists: true } },
        { projection: { _id: 0, 'content.blobIds': 1, 'fullFidelity.blobIds': 1 } },
      );
  }

  /** The versions of the tenant that refer to one of these blobs, in their content or full-fidelity stream. */
  referringTo(tenantId: string, blobIds: readonly string[]): AsyncIterable<VersionReference> {
    return itemVersionsCollection.scoped(this.db).find(
      tenantId,
      { $or: [{ 'content.blobIds': { $in: [...blobIds] } }, { 'fullFidelity.blobIds': { $in: [...blobIds] } }] },
      {
        projection: {
          _id: 0,
          resourceId: 1,
          containerPath: 1,
          name: 1,
          'content.blobIds': 1,
          'fullFidelity.blobIds': 1,
        },
      },
    );
  }

  /** Every tenant with a version in the catalog: the tenants `custodia verify` checks when given none. */
  tenantsWithVersions(): Promise<string[]> {
    return itemVersionsCollection.raw(this.db).distinct('tenantId');
  }
}
