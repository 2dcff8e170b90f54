import { ObjectId, type Db, type Filter, type WithId } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { visibleAt } from './catalog.js';
import { itemVersionsCollection } from './collections.js';
import type { ItemVersion } from './model.js';

/**
 * Item versions as restore, the reports, the licences and the bot read them, beside what `Catalog` reads for browse
 * and search. Every read names its tenant.
 */
export class VersionReads {
  private readonly versions: TenantCollection<ItemVersion>;

  constructor(private readonly db: Db) {
    this.versions = itemVersionsCollection.scoped(db);
  }

  /** The versions with these catalog ids (`_id`), in no particular order; ids of another tenant find nothing. */
  byIds(tenantId: string, ids: readonly ObjectId[]): Promise<WithId<ItemVersion>[]> {
    return this.versions.find(tenantId, { _id: { $in: [...ids] } } as Filter<ItemVersion>).toArray();
  }

  /** The versions visible at `at` in these folders of a resource (index `folder_browse`, prefix). */
  visibleInFolders(
    tenantId: string,
    resourceId: string,
    containerIds: readonly string[],
    at: Date,
  ): Promise<ItemVersion[]> {
    return this.versions
      .find(tenantId, { resourceId, containerId: { $in: [...containerIds] }, ...visibleAt(at) })
      .toArray();
  }

  /** Every version of a resource visible at `at`. */
  visibleInResource(tenantId: string, resourceId: string, at: Date): Promise<ItemVersion[]> {
    return this.versions.find(tenantId, { resourceId, ...visibleAt(at) }).toArray();
  }

  /** How many items the tenant holds now: its current (open) versions. */
  countCurrent(tenantId: string): Promise<number> {
    return this.versions.countDocuments(tenantId, { validTo: null });
  }

  /** The bytes of the current versions of each resource of the tenant, by resource id. */
  currentBytesByResource(tenantId: string): Promise<{ _id: string; bytes: number }[]> {
    // `TenantCollection` has no aggregate: the tenant is the pipeline's first match.
    return itemVersionsCollection
      .raw(this.db)
      .aggregate<{ _id: string; bytes: number }>([
        { $match: { tenantId, validTo: null } },
        { $group: { _id: '$resourceId', bytes: { $sum: '$size' } } },
      ])
      .toArray();
  }

  /** The account a version (catalog id) belongs to; null when it is not this tenant's or not a version. */
  async resourceOfVersion(tenantId: string, versionId: string): Promise<string | null> {
    // One version at a time, by `_id` alone: the one filter FerretDB pushes down; its tenant is checked after.
    if (!ObjectId.isValid(versionId)) return null;
    const version = await itemVersionsCollection
      .raw(this.db)
      .findOne({ _id: new ObjectId(versionId) }, { projection: { tenantId: 1, resourceId: 1 } });
    return version?.tenantId === tenantId ? version.resourceId : null;
  }
}
