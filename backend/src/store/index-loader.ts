import { BoundedWork } from './bounded-work.js';
import { listIndexFiles, readIndexFile, type IndexFileContent } from './index-file.js';
import { KeyRing } from './key-ring.js';
import type { PackBackend } from './pack-backend.js';
import { PackIndex } from './pack-index.js';

/** Index files read at once when a tenant's index is loaded. */
const FILES_IN_FLIGHT = 8;

/**
 * Brings a tenant's pack index up to date with the store: forgets the files that are gone and reads only the files
 * it has not read yet. Answers the ids of the files that did not open (they are remembered, not read again).
 */
export async function refreshPackIndex(
  backend: PackBackend,
  key: Buffer,
  tenantId: string,
  index: PackIndex,
): Promise<string[]> {
  // Files added while the listing runs (this process's own flushes) are not in it, and are not gone.
  const knownBefore = index.fileIds();
  const listed = await listIndexFiles(backend, tenantId);
  for (const indexId of knownBefore) if (!listed.has(indexId)) index.forget(indexId);
  const read = new Map<string, IndexFileContent | undefined>();
  const work = new BoundedWork(FILES_IN_FLIGHT);
  for (const [indexId, size] of listed) {
    if (index.knows(indexId)) continue;
    await work.add(async () => read.set(indexId, await readIndexFile(backend, key, tenantId, indexId, size)));
  }
  await work.drain();
  for (const [indexId, content] of read) index.add(indexId, content);
  return [...read].filter(([, content]) => content === undefined).map(([indexId]) => indexId);
}

/** The packs each blob of a tenant's live index files is listed in: what `verify` holds the catalog against. */
export async function indexedBlobPacks(
  backend: PackBackend,
  masterKey: Buffer,
  tenantId: string,
): Promise<Map<string, string[]>> {
  const blobs = new Map<string, string[]>();
  const key = await (await KeyRing.open(backend, masterKey)).existingDataKey(tenantId);
  if (!key) return blobs;
  const index = new PackIndex();
  await refreshPackIndex(backend, key, tenantId, index);
  for (const [packId, entries] of index.coveredPacks()) {
    for (const entry of entries) blobs.set(entry.id, [...(blobs.get(entry.id) ?? []), packId]);
  }
  return blobs;
}
