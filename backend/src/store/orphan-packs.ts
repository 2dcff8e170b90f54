import { defineTenantCollection } from '../db/index.js';

/**
 * A pack file that no index entry names, as garbage collection first saw it. A pack is unindexed for a moment
 * between its write and its index entries (a flush in progress), and for ever after a crash in that moment; only a
 * pack still unindexed a grace period after it was first seen is deleted.
 */
export interface OrphanPackSighting {
  _id: string;
  tenantId: string;
  packId: string;
  firstSeenAt: Date;
}

export const storeOrphanPacks = defineTenantCollection<OrphanPackSighting>('store_orphan_packs', [
  { key: { tenantId: 1, packId: 1 }, unique: true, name: 'tenant_pack' },
]);

export const orphanSightingId = (tenantId: string, packId: string) => `${tenantId}|${packId}`;
