import { copyKey } from './blob-index.js';
import type { CopyState } from './collection-index.js';
import type { PackIndex } from './pack-index.js';
import type { KeptCopy, SweepPlan } from './pack-rewriter.js';

/** What a pack holds and what of it is dead, as the scan found. */
export interface PackTally {
  entries: number;
  bytes: number;
  deadEntries: number;
  deadBytes: number;
}

export interface SweepInput {
  readonly index: PackIndex;
  readonly states: ReadonlyMap<string, CopyState>;
  readonly tallies: ReadonlyMap<string, PackTally>;
  /** Dead copies, by `copyKey`. */
  readonly dead: ReadonlySet<string>;
  readonly live: ReadonlySet<string>;
  /** Pack files present, by id, with their sizes. */
  readonly listed: ReadonlyMap<string, number>;
  /** A pack whose dead bytes exceed this share of its blob bytes is rewritten. */
  readonly rewriteThreshold: number;
}

export interface PlannedSweep extends SweepPlan {
  readonly packsDeleted: number;
  readonly packsRewritten: number;
  /** Copies removed with their packs or left behind by rewrites. */
  readonly blobsDeleted: number;
  /** Bytes of the packs that go. */
  readonly bytesSwept: number;
}

/** More live index files than this, and the small ones are merged into the file a collection writes. */
const MERGE_ABOVE_FILES = 32;
const SMALL_FILE_BLOBS = 50_000;

/**
 * Which packs go whole and which are rewritten with their kept copies (FORMAT.md, "Garbage collection", step 5). A
 * referenced blob with another uncondemned indexed copy in a pack that exists and stays (for instance the new pack of
 * an earlier, interrupted rewrite) is not copied again.
 */
export function planSweep(input: SweepInput): PlannedSweep {
  const { index, states, listed, live } = input;
  const covered = index.coveredPacks();
  const retired = new Set<string>();
  const rewritten = new Map<string, KeptCopy[]>();
  const going = (packId: string) => retired.has(packId) || rewritten.has(packId);
  const keptElsewhere = (blobId: string, packId: string) =>
    index
      .copiesOf(blobId)
      .some(
        (copy) =>
          copy.packId !== packId &&
          listed.has(copy.packId) &&
          !going(copy.packId) &&
          !states.get(copyKey(blobId, copy.packId))?.condemnedAt,
      );
  let blobsDeleted = 0;
  let bytesSwept = 0;
  for (const [packId, tally] of input.tallies) {
    if (tally.deadEntries === 0) continue;
    const wholeDead = tally.deadEntries === tally.entries;
    if (!wholeDead && tally.deadBytes <= tally.bytes * input.rewriteThreshold) continue;
    const blobs = covered.get(packId) ?? [];
    const kept = blobs.filter((entry) => !input.dead.has(copyKey(entry.id, packId)));
    const copied = kept.filter((entry) => !(live.has(entry.id) && keptElsewhere(entry.id, packId)));
    if (copied.length === 0) {
      retired.add(packId);
    } else {
      rewritten.set(
        packId,
        copied.map((entry) => {
          const { createdAt, condemnedAt } = states.get(copyKey(entry.id, packId))!;
          return { entry, createdAt, ...(condemnedAt && { condemnedAt }) };
        }),
      );
    }
    blobsDeleted += blobs.length - copied.length;
    bytesSwept += listed.get(packId) ?? tally.bytes;
  }
  return {
    retired: [...retired],
    rewritten,
    merged: filesToMerge(index),
    packsDeleted: retired.size,
    packsRewritten: rewritten.size,
    blobsDeleted,
    bytesSwept,
  };
}

function filesToMerge(index: PackIndex): string[] {
  const files = index.liveFiles();
  if (files.length <= MERGE_ABOVE_FILES) return [];
  const covered = index.coveredPacks();
  const blobsOf = (indexId: string) =>
    index.packsListedBy(indexId).reduce((total, packId) => total + (covered.get(packId)?.length ?? 0), 0);
  return files.filter((indexId) => blobsOf(indexId) < SMALL_FILE_BLOBS);
}
