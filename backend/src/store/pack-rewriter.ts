import type { BlobIndex, BlobLocation } from './blob-index.js';
import { indexPath, writeIndexFile, type IndexedPack } from './index-file.js';
import type { PackBackend } from './pack-backend.js';
import { finishPack, packIdOf, packPath, type PackEntry } from './pack-format.js';
import type { PackIndex } from './pack-index.js';

/** A point of a sweep at which a crash may strike; tests throw there to prove nothing live is lost. */
export type CollectionStep =
  'rewritten-pack-written' | 'rewritten-pack-indexed' | 'old-pack-unindexed' | 'pack-deleted';

export type StepHook = (step: CollectionStep, packId: string) => void | Promise<void>;

export interface PackRemoval {
  readonly backend: PackBackend;
  readonly state: BlobIndex;
  readonly tenantId: string;
  readonly key: Buffer;
  readonly onStep: StepHook;
}

/** A copy kept by a rewrite, with the state it carries into its new pack. */
export interface KeptCopy {
  readonly entry: PackEntry;
  readonly createdAt: Date;
  readonly condemnedAt?: Date;
}

/** What one collection removes: packs deleted whole, packs rewritten with their kept copies, index files merged. */
export interface SweepPlan {
  readonly retired: readonly string[];
  readonly rewritten: ReadonlyMap<string, readonly KeptCopy[]>;
  /** Live index files merged into the replacing file although none of their packs goes (fewer, larger files). */
  readonly merged: readonly string[];
}

export interface SweepOutcome {
  readonly newPacks: ReadonlyMap<string, number>;
  readonly indexFilesWritten: number;
  readonly indexFilesDeleted: number;
}

/**
 * Carries out a sweep in the order that makes it crash-safe (FORMAT.md, "Garbage collection"): new packs are written,
 * then one index file that lists them and every other pack of the files it supersedes, then the removed packs'
 * state leaves the database, then the superseded files go, and the removed pack files last. At every instant each
 * kept blob has an indexed copy in a pack that exists. Sealed boxes are copied as they are: a box is bound to its
 * blob id, not to its pack or offset (FORMAT.md, "Encryption").
 */
export async function sweepPacks(removal: PackRemoval, index: PackIndex, plan: SweepPlan): Promise<SweepOutcome> {
  const { backend, state, tenantId, key, onStep } = removal;
  const removed = [...plan.retired, ...plan.rewritten.keys()];
  const newPacks = new Map<string, number>();
  if (removed.length === 0 && plan.merged.length === 0) {
    return { newPacks, indexFilesWritten: 0, indexFilesDeleted: 0 };
  }
  const written: IndexedPack[] = [];
  const newState: BlobLocation[] = [];
  for (const [packId, kept] of plan.rewritten) {
    const pack = await writeRewrittenPack(removal, packId, kept);
    written.push(pack.indexed);
    newPacks.set(pack.indexed.id, pack.bytes);
    newState.push(...pack.state);
    await onStep('rewritten-pack-written', packId);
  }

  const superseded = new Set(plan.merged);
  for (const packId of removed) for (const indexId of index.filesCovering(packId)) superseded.add(indexId);
  const gone = new Set(removed);
  const covered = index.coveredPacks();
  const carried = new Set<string>();
  for (const indexId of superseded) {
    for (const packId of index.packsListedBy(indexId)) if (!gone.has(packId)) carried.add(packId);
  }
  const packs = [...[...carried].map((id) => ({ id, blobs: covered.get(id) ?? [] })), ...written];
  await writeIndexFile(backend, key, tenantId, { supersedes: [...superseded], packs });
  await state.record(tenantId, newState);
  for (const packId of plan.rewritten.keys()) await onStep('rewritten-pack-indexed', packId);

  for (const packId of removed) await state.forgetPack(tenantId, packId);
  for (const indexId of superseded) await backend.deletePack(indexPath(tenantId, indexId));
  for (const packId of removed) await onStep('old-pack-unindexed', packId);
  for (const packId of removed) {
    await backend.deletePack(packPath(tenantId, packId));
    await onStep('pack-deleted', packId);
  }
  return { newPacks, indexFilesWritten: 1, indexFilesDeleted: superseded.size };
}

async function writeRewrittenPack(removal: PackRemoval, packId: string, kept: readonly KeptCopy[]) {
  const { backend, tenantId, key } = removal;
  const boxes: Buffer[] = [];
  const entries: PackEntry[] = [];
  let offset = 0;
  for (const { entry } of kept) {
    const box = await backend.readPackRange(packPath(tenantId, packId), entry.offset, entry.length);
    boxes.push(box);
    entries.push({ ...entry, offset, length: box.length });
    offset += box.length;
  }
  const parts = finishPack(key, tenantId, boxes, entries);
  const newPackId = packIdOf(parts);
  await backend.writePack(packPath(tenantId, newPackId), parts);
  const state = kept.map((copy, position): BlobLocation => {
    const { id, ...place } = entries[position]!;
    // The copy keeps its age and its condemnation, so the grace periods that protect it still run.
    return {
      tenantId,
      blobId: id,
      packId: newPackId,
      ...place,
      createdAt: copy.createdAt,
      ...(copy.condemnedAt !== undefined && { condemnedAt: copy.condemnedAt }),
    };
  });
  return {
    indexed: { id: newPackId, blobs: entries },
    bytes: parts.reduce((total, part) => total + part.length, 0),
    state,
  };
}
