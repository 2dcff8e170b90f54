import { listIndexFiles, indexPath, writeIndexFile, type IndexedPack } from './index-file.js';
import { KeyRing } from './key-ring.js';
import type { PackBackend } from './pack-backend.js';
import { packIdOfPath, packPath, tenantPacksPrefix } from './pack-format.js';
import { readPackHeader } from './pack-reader.js';
import { assertTenantId } from './tenant-id.js';

export interface RebuildIndexOptions {
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  readonly tenantId: string;
}

export interface RebuildIndexReport {
  readonly tenantId: string;
  readonly packs: number;
  readonly blobs: number;
  /** Packs whose header did not open: they stay out of the index (`verify` names them). */
  readonly unreadablePacks: number;
  readonly indexFilesReplaced: number;
}

/** The packs' own headers, as index entries; a pack whose header does not open is left out. */
export async function indexFromHeaders(
  backend: PackBackend,
  key: Buffer,
  tenantId: string,
  packs: ReadonlyMap<string, number>,
): Promise<IndexedPack[]> {
  const indexed: IndexedPack[] = [];
  for (const [packId, size] of packs) {
    const blobs = await readPackHeader(backend, key, tenantId, packPath(tenantId, packId), size);
    if (blobs) indexed.push({ id: packId, blobs });
  }
  return indexed;
}

/**
 * Rebuilds a tenant's index files from its pack headers (FORMAT.md, "Rebuilding the index"): one new file lists every
 * pack whose header opens and supersedes every index file there was; those are then deleted. Run it while no
 * garbage collection of the tenant runs: a collection may be deleting a pack this rebuild is about to list.
 */
export async function rebuildIndex(options: RebuildIndexOptions): Promise<RebuildIndexReport> {
  const { backend, tenantId } = options;
  assertTenantId(tenantId);
  const key = await (await KeyRing.open(backend, options.masterKey)).existingDataKey(tenantId);
  const empty = { tenantId, packs: 0, blobs: 0, unreadablePacks: 0, indexFilesReplaced: 0 };
  if (!key) return empty;
  const before = await listIndexFiles(backend, tenantId);
  const packs = new Map<string, number>();
  for await (const pack of backend.listPacks(tenantPacksPrefix(tenantId))) {
    const packId = packIdOfPath(pack.path);
    if (pack.path === packPath(tenantId, packId)) packs.set(packId, pack.size);
  }
  const indexed = await indexFromHeaders(backend, key, tenantId, packs);
  await writeIndexFile(backend, key, tenantId, { supersedes: [...before.keys()], packs: indexed });
  for (const indexId of before.keys()) await backend.deletePack(indexPath(tenantId, indexId));
  return {
    tenantId,
    packs: indexed.length,
    blobs: indexed.reduce((total, pack) => total + pack.blobs.length, 0),
    unreadablePacks: packs.size - indexed.length,
    indexFilesReplaced: before.size,
  };
}
