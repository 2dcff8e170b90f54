import type { BlobIndex, BlobLocation } from './blob-index.js';
import type { PackBackend } from './pack-backend.js';
import { finishPack, packIdOf, packPath, type PackEntry } from './pack-format.js';

/** A point of a pack's removal at which a crash may strike; tests throw there to prove nothing live is lost. */
export type CollectionStep =
  'rewritten-pack-written' | 'rewritten-pack-indexed' | 'old-pack-unindexed' | 'pack-deleted';

export type StepHook = (step: CollectionStep, packId: string) => void | Promise<void>;

export interface PackRemoval {
  readonly backend: PackBackend;
  readonly index: BlobIndex;
  readonly tenantId: string;
  readonly key: Buffer;
  readonly onStep: StepHook;
}

/**
 * Copies the kept blobs of a pack into a new pack, then retires the old one. The order is what makes it crash-safe:
 * the new pack is written and indexed before the old pack's entries leave the index, and the old file goes last, so
 * at every instant each kept blob has an indexed copy in a pack that exists. Sealed boxes are copied as they are: a
 * box is bound to its blob id, not to its pack or offset (FORMAT.md, "Encryption").
 */
export async function rewritePack(
  removal: PackRemoval,
  packId: string,
  kept: readonly BlobLocation[],
): Promise<{ newPackId: string; bytes: number }> {
  const { backend, index, tenantId, key } = removal;
  const boxes: Buffer[] = [];
  const entries: PackEntry[] = [];
  let offset = 0;
  for (const location of kept) {
    const box = await backend.readPackRange(packPath(tenantId, packId), location.offset, location.length);
    boxes.push(box);
    entries.push({
      id: location.blobId,
      offset,
      length: box.length,
      rawLength: location.rawLength,
      compression: location.compression,
    });
    offset += box.length;
  }
  const parts = finishPack(key, tenantId, boxes, entries);
  const newPackId = packIdOf(parts);
  await backend.writePack(packPath(tenantId, newPackId), parts);
  await removal.onStep('rewritten-pack-written', packId);
  await index.record(
    tenantId,
    kept.map((location, position) => {
      const entry = entries[position]!;
      const { condemnedAt } = location;
      return {
        tenantId,
        blobId: location.blobId,
        packId: newPackId,
        offset: entry.offset,
        length: entry.length,
        rawLength: entry.rawLength,
        compression: entry.compression,
        // The copy keeps its age and its condemnation, so the grace periods that protect it still run.
        createdAt: location.createdAt,
        ...(condemnedAt !== undefined && { condemnedAt }),
      };
    }),
  );
  await removal.onStep('rewritten-pack-indexed', packId);
  await retirePack(removal, packId);
  return { newPackId, bytes: parts.reduce((total, part) => total + part.length, 0) };
}

/** Drops a pack from the index, then deletes its file: a crash between leaves an unindexed pack, never a lost blob. */
export async function retirePack(removal: PackRemoval, packId: string): Promise<void> {
  await removal.index.forgetPack(removal.tenantId, packId);
  await removal.onStep('old-pack-unindexed', packId);
  await removal.backend.deletePack(packPath(removal.tenantId, packId));
  await removal.onStep('pack-deleted', packId);
}
