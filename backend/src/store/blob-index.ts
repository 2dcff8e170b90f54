import { MongoBulkWriteError, MongoServerError, type Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { Compression } from './blob-codec.js';
import { LiveBlobIds } from './live-blob-ids.js';

/** One stored copy of a blob: where its sealed box sits (FORMAT.md, "The index"). */
export interface BlobLocation {
  tenantId: string;
  blobId: string;
  packId: string;
  offset: number;
  length: number;
  rawLength: number;
  compression: Compression;
  createdAt: Date;
  /** Set by garbage collection when no catalog version referred to the blob (FORMAT.md, "Garbage collection"). */
  condemnedAt?: Date;
}

export const storeBlobs = defineTenantCollection<BlobLocation>('store_blobs', [
  { key: { tenantId: 1, blobId: 1, packId: 1 }, unique: true, name: 'tenant_blob_pack' },
  { key: { tenantId: 1, packId: 1 }, name: 'tenant_pack' },
]);

const LOOKUP_BATCH = 500;

/** The tenant-scoped view of the index that the writer and the reader share. */
export class BlobIndex {
  private readonly blobs;
  private readonly live: LiveBlobIds;

  constructor(db: Db) {
    this.blobs = storeBlobs.scoped(db);
    // A condemned copy may be deleted by the next collection: new content never leans on it, it writes a new copy.
    this.live = new LiveBlobIds((tenantId) => liveIdsOf(this.blobs, tenantId));
  }

  /** Whether a copy of the blob that garbage collection has not condemned is indexed now (one database query). */
  async has(tenantId: string, blobId: string): Promise<boolean> {
    return (await this.blobs.countDocuments(tenantId, { blobId, condemnedAt: { $exists: false } })) > 0;
  }

  /**
   * The same question answered from memory, as of the tenant's view (one read of its entries per trust window,
   * `live-blob-ids.ts`): what the write path asks, so that it asks the database nothing per blob.
   */
  hasInView(tenantId: string, blobId: string): Promise<boolean> {
    return this.live.has(tenantId, blobId);
  }

  /** One location per requested blob that is stored (any copy will do). */
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

  /** Records a written pack's blobs; repeating it (a retried flush) is harmless. */
  async record(tenantId: string, locations: readonly BlobLocation[]): Promise<void> {
    try {
      await this.blobs.insertMany(tenantId, locations);
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
    this.live.remember(
      tenantId,
      locations.map((location) => location.blobId),
    );
  }

  inPack(tenantId: string, packId: string) {
    return this.blobs.find(tenantId, { packId });
  }

  /** Drops every entry of a pack, before garbage collection deletes its file. */
  async forgetPack(tenantId: string, packId: string): Promise<void> {
    await this.blobs.deleteMany(tenantId, { packId });
  }
}

function onlyDuplicates(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return failures.length > 0 && failures.every((failure) => failure.code === 11000);
  }
  return error instanceof MongoServerError && error.code === 11000;
}

async function* liveIdsOf(blobs: ReturnType<typeof storeBlobs.scoped>, tenantId: string): AsyncIterable<string> {
  const found = blobs.find(tenantId, { condemnedAt: { $exists: false } }, { projection: { _id: 0, blobId: 1 } });
  for await (const location of found) yield location.blobId;
}
