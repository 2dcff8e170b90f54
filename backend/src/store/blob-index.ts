import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { Compression } from './blob-codec.js';
import { isDuplicateKeyError } from '../db/index.js';

/** Where one copy of a blob sits: enough to read and check it. */
export interface BlobPlace {
  blobId: string;
  packId: string;
  offset: number;
  length: number;
  rawLength: number;
  compression: Compression;
}

/** One stored copy of a blob and its garbage-collection state (FORMAT.md, "Blob state in the database"). */
export interface BlobLocation extends BlobPlace {
  tenantId: string;
  createdAt: Date;
  /** Set by garbage collection when no catalog version referred to the blob (FORMAT.md, "Garbage collection"). */
  condemnedAt?: Date;
}

export const storeBlobs = defineTenantCollection<BlobLocation>('store_blobs', [
  { key: { tenantId: 1, blobId: 1, packId: 1 }, unique: true, name: 'tenant_blob_pack' },
  { key: { tenantId: 1, packId: 1 }, name: 'tenant_pack' },
]);

const LOOKUP_BATCH = 500;

/** Names one copy of a blob: the same blob in two packs is two copies, each with its own state. */
export const copyKey = (blobId: string, packId: string) => `${blobId}/${packId}`;

/** The tenant-scoped state of blob copies that garbage collection keeps in the database. */
export class BlobIndex {
  private readonly blobs;

  constructor(db: Db) {
    this.blobs = storeBlobs.scoped(db);
  }

  /** The copies garbage collection has condemned, as `copyKey`s: one query, however many blobs the tenant has. */
  async condemnedCopies(tenantId: string): Promise<Set<string>> {
    const condemned = new Set<string>();
    const found = this.blobs.find(
      tenantId,
      { condemnedAt: { $exists: true } },
      { projection: { _id: 0, blobId: 1, packId: 1 } },
    );
    for await (const copy of found) condemned.add(copyKey(copy.blobId, copy.packId));
    return condemned;
  }

  /** Every blob of the tenant that has a database entry, with its pack (a store written before index files). */
  async *placedBlobs(tenantId: string): AsyncGenerator<Pick<BlobLocation, 'blobId' | 'packId'>> {
    yield* this.blobs.find(tenantId, {}, { projection: { _id: 0, blobId: 1, packId: 1 } });
  }

  /** One location per requested blob that has a database entry: how a store written before index files is read. */
  async locate(tenantId: string, blobIds: readonly string[]): Promise<Map<string, BlobLocation>> {
    const found = new Map<string, BlobLocation>();
    for (let start = 0; start < blobIds.length; start += LOOKUP_BATCH) {
      const batch = [...new Set(blobIds.slice(start, start + LOOKUP_BATCH))];
      for await (const location of this.blobs.find(tenantId, { blobId: { $in: batch } })) {
        found.set(location.blobId, location);
      }
    }
    return found;
  }

  /** Records a written pack's blobs; repeating it (a retried flush, a collection adopting them) is harmless. */
  async record(tenantId: string, locations: readonly BlobLocation[]): Promise<void> {
    try {
      await this.blobs.insertMany(tenantId, locations);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Drops every entry of a pack, before garbage collection deletes its file. */
  async forgetPack(tenantId: string, packId: string): Promise<void> {
    await this.blobs.deleteMany(tenantId, { packId });
  }
}
