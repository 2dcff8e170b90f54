import type { Db } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { itemVersionsCollection } from './collections.js';
import type { ItemVersion } from './model.js';

/**
 * Deletes versions that stopped being current (`validTo` set) before a cutoff: retention's sweep. Current versions
 * (`validTo` null) never match. Each delete is complete in itself, so an interrupted sweep is finished by the next.
 */
export class VersionExpiry {
  private readonly versions: TenantCollection<ItemVersion>;

  constructor(db: Db) {
    this.versions = itemVersionsCollection.scoped(db);
  }

  /** Deletes the versions of these resources closed before `cutoff`; answers how many. */
  async expireIn(tenantId: string, resourceIds: readonly string[], cutoff: Date): Promise<number> {
    const result = await this.versions.deleteMany(tenantId, {
      resourceId: { $in: [...resourceIds] },
      validTo: { $lt: cutoff },
    });
    return result.deletedCount;
  }

  /** Deletes the versions of every resource but these closed before `cutoff`; answers how many. */
  async expireOutside(tenantId: string, resourceIds: readonly string[], cutoff: Date): Promise<number> {
    const result = await this.versions.deleteMany(tenantId, {
      resourceId: { $nin: [...resourceIds] },
      validTo: { $lt: cutoff },
    });
    return result.deletedCount;
  }
}
