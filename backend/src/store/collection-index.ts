import type { ObjectId } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { copyKey, type BlobIndex, type BlobLocation } from './blob-index.js';
import { indexPath, writeIndexFile } from './index-file.js';
import { refreshPackIndex } from './index-loader.js';
import { indexFromHeaders } from './index-rebuild.js';
import type { PackBackend } from './pack-backend.js';
import { PackIndex } from './pack-index.js';

/** The garbage-collection state of one indexed copy (FORMAT.md, "Blob state in the database"). */
export interface CopyState {
  readonly _id?: ObjectId;
  readonly createdAt: Date;
  readonly condemnedAt?: Date;
}

export interface CollectionIndexContext {
  readonly backend: PackBackend;
  readonly state: BlobIndex;
  readonly blobs: TenantCollection<BlobLocation>;
  readonly tenantId: string;
  readonly key: Buffer;
  readonly now: Date;
  /** Pack files present, by id, with their sizes. */
  readonly listed: ReadonlyMap<string, number>;
}

/** A tenant's index files joined with the state of each copy they list. */
export interface CollectionIndex {
  readonly index: PackIndex;
  /** By `copyKey`; every copy of a covered pack has one. */
  readonly states: Map<string, CopyState>;
  /** Packs with state in the database, covered by an index file or not. */
  readonly packsWithState: Set<string>;
  /** The file written for packs indexed from their headers (0 or 1), and the superseded files deleted. */
  readonly indexFilesWritten: number;
  readonly indexFilesDeleted: number;
}

/**
 * Reads the index as a collection needs it, and first brings it back to order (FORMAT.md, "Garbage collection"):
 * finishes the removals an interrupted collection left, indexes from their headers the packs that have state but
 * no index file (a store written before index files, a lost file), and gives state to copies that have none (a crash
 * between an index file and its database entries).
 */
export async function loadCollectionIndex(context: CollectionIndexContext): Promise<CollectionIndex> {
  const { backend, state, tenantId, key } = context;
  // The database first: a flush writes its index file before its entries, so every entry read here is covered by
  // a file the listing below will find.
  const states = new Map<string, CopyState>();
  const packsWithState = new Set<string>();
  const found = context.blobs.find(
    tenantId,
    {},
    { projection: { _id: 1, blobId: 1, packId: 1, createdAt: 1, condemnedAt: 1 } },
  );
  for await (const copy of found) {
    const { _id, createdAt, condemnedAt } = copy;
    states.set(copyKey(copy.blobId, copy.packId), { _id, createdAt, ...(condemnedAt && { condemnedAt }) });
    packsWithState.add(copy.packId);
  }
  const index = new PackIndex();
  await refreshPackIndex(backend, key, tenantId, index);

  for (const packId of index.packsBeingRemoved()) {
    if (!packsWithState.delete(packId)) continue;
    await state.forgetPack(tenantId, packId);
    for (const copyId of [...states.keys()]) if (copyId.endsWith(`/${packId}`)) states.delete(copyId);
  }
  const superseded = index.supersededFiles();
  for (const indexId of superseded) {
    await backend.deletePack(indexPath(tenantId, indexId));
    index.forget(indexId);
  }

  const covered = index.coveredPacks();
  const unindexed = new Map<string, number>();
  for (const packId of packsWithState) {
    const size = context.listed.get(packId);
    if (!covered.has(packId) && size !== undefined) unindexed.set(packId, size);
  }
  const repairs = await indexFromHeaders(backend, key, tenantId, unindexed);
  if (repairs.length > 0) {
    const content = { supersedes: [], packs: repairs };
    index.add(await writeIndexFile(backend, key, tenantId, content), content);
  }

  const adopted: BlobLocation[] = [];
  for (const [packId, blobs] of index.coveredPacks()) {
    for (const { id, ...place } of blobs) {
      if (states.has(copyKey(id, packId))) continue;
      adopted.push({ tenantId, blobId: id, packId, ...place, createdAt: context.now });
      states.set(copyKey(id, packId), { createdAt: context.now });
    }
  }
  await state.record(tenantId, adopted);
  return {
    index,
    states,
    packsWithState,
    indexFilesWritten: repairs.length > 0 ? 1 : 0,
    indexFilesDeleted: superseded.length,
  };
}
