import type { Db, ObjectId, UpdateFilter } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { BlobIndex, copyKey, storeBlobs, type BlobLocation } from './blob-index.js';
import { loadCollectionIndex, type CollectionIndex } from './collection-index.js';
import { refreshPackIndex } from './index-loader.js';
import { KeyRing } from './key-ring.js';
import { orphanSightingId, storeOrphanPacks } from './orphan-packs.js';
import type { PackBackend } from './pack-backend.js';
import { packIdOfPath, packPath, tenantPacksPrefix, type PackEntry } from './pack-format.js';
import { sweepPacks, type PackRemoval, type StepHook } from './pack-rewriter.js';
import { planSweep, type PackTally } from './sweep-plan.js';
import { assertTenantId } from './tenant-id.js';
import { isDuplicateKeyError } from '../db/index.js';

export interface GarbageCollectionOptions {
  readonly db: Db;
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  readonly tenantId: string;
  /** Every blob id the tenant's catalog refers to; called once per collection, after it has started. */
  readonly liveBlobIds: () => Promise<ReadonlySet<string>>;
  /**
   * How long a condemned blob, a fresh blob and an unindexed pack are left alone (default 24 h). It must exceed the
   * longest time between a writer's dedup decision and the catalog write that follows its next flush.
   */
  readonly graceMs?: number;
  /** A pack whose unreferenced bytes exceed this share of its blob bytes is rewritten (default 0.5). */
  readonly rewriteThreshold?: number;
  readonly now?: () => Date;
  /** Called at each step of a pack's removal; a test throws there to simulate a crash. */
  readonly onStep?: StepHook;
}

export interface GarbageCollectionReport {
  readonly tenantId: string;
  readonly packsBefore: number;
  readonly bytesBefore: number;
  readonly packsAfter: number;
  readonly bytesAfter: number;
  /** Index entries newly condemned: unreferenced now, deletable by a collection a grace period later. */
  readonly blobsCondemned: number;
  /** Condemned entries that the catalog refers to again, and so are kept. */
  readonly blobsPardoned: number;
  /** Index entries removed with their pack or left behind by a rewrite. */
  readonly blobsDeleted: number;
  readonly packsDeleted: number;
  readonly packsRewritten: number;
  readonly orphanPacksDeleted: number;
  /** Bytes of the packs deleted or rewritten: the work the sweep did. */
  readonly bytesSwept: number;
  /** Index files written (replacing ones, and one for packs indexed from their headers) and deleted. */
  readonly indexFilesWritten: number;
  readonly indexFilesDeleted: number;
  readonly durationMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UPDATE_BATCH = 1000;
const PACK_ID = /^[0-9a-f]{64}$/;

type Counters = { -readonly [K in keyof GarbageCollectionReport]: GarbageCollectionReport[K] };

/**
 * Mark and sweep of one tenant's packs (FORMAT.md, "Garbage collection"). Callers run at most one collection of a
 * tenant at a time: the rewrite drops a live blob's copy when another indexed copy exists, which is sound only when
 * no other collection is removing that copy at the same moment.
 */
export async function collectGarbage(options: GarbageCollectionOptions): Promise<GarbageCollectionReport> {
  assertTenantId(options.tenantId);
  const started = Date.now();
  const collector = new TenantCollector(options);
  const counters = await collector.run();
  return { ...counters, durationMs: Date.now() - started };
}

class TenantCollector {
  private readonly tenantId: string;
  private readonly blobs: TenantCollection<BlobLocation>;
  private readonly state: BlobIndex;
  private readonly clock: () => Date;
  private readonly cutoff: Date;
  private readonly counters: Counters;
  /** Copies (by `copyKey`) this collection may delete: established by the scan, used by the sweep. */
  private readonly dead = new Set<string>();

  constructor(private readonly options: GarbageCollectionOptions) {
    this.tenantId = options.tenantId;
    this.blobs = storeBlobs.scoped(options.db);
    this.state = new BlobIndex(options.db);
    this.clock = options.now ?? (() => new Date());
    this.cutoff = new Date(this.clock().getTime() - (options.graceMs ?? DAY_MS));
    this.counters = {
      tenantId: this.tenantId,
      ...{ packsBefore: 0, bytesBefore: 0, packsAfter: 0, bytesAfter: 0 },
      ...{ blobsCondemned: 0, blobsPardoned: 0, blobsDeleted: 0 },
      ...{ packsDeleted: 0, packsRewritten: 0, orphanPacksDeleted: 0, bytesSwept: 0 },
      ...{ indexFilesWritten: 0, indexFilesDeleted: 0, durationMs: 0 },
    };
  }

  async run(): Promise<Counters> {
    const key = await (await KeyRing.open(this.options.backend, this.options.masterKey)).existingDataKey(this.tenantId);
    const listed = await this.listPacks();
    this.counters.packsBefore = listed.size;
    this.counters.bytesBefore = sum(listed.values());
    if (!key) return { ...this.counters, packsAfter: listed.size, bytesAfter: this.counters.bytesBefore };

    const live = await this.options.liveBlobIds();
    const loaded = await loadCollectionIndex({
      backend: this.options.backend,
      state: this.state,
      blobs: this.blobs,
      tenantId: this.tenantId,
      key,
      now: this.clock(),
      listed,
    });
    const { tallies, toCondemn, toPardon } = this.scan(loaded, live);
    await this.updateEntries(toPardon, { $unset: { condemnedAt: '' } });
    this.counters.blobsPardoned = toPardon.length;
    await this.deleteOrphans(key, loaded, listed);

    const plan = planSweep({
      ...loaded,
      tallies,
      dead: this.dead,
      live,
      listed,
      rewriteThreshold: this.options.rewriteThreshold ?? 0.5,
    });
    this.counters.packsDeleted = plan.packsDeleted;
    this.counters.packsRewritten = plan.packsRewritten;
    this.counters.blobsDeleted = plan.blobsDeleted;
    this.counters.bytesSwept += plan.bytesSwept;
    const outcome = await sweepPacks(this.removal(key), loaded.index, plan);
    for (const [packId, bytes] of outcome.newPacks) listed.set(packId, bytes);
    for (const packId of [...plan.retired, ...plan.rewritten.keys()]) listed.delete(packId);

    // Condemned last, so that a blob is never condemned and deleted by the same collection.
    const condemnedAt = this.clock();
    await this.updateEntries(toCondemn, { $set: { condemnedAt } });
    this.counters.blobsCondemned = toCondemn.length;

    this.counters.indexFilesWritten = loaded.indexFilesWritten + outcome.indexFilesWritten;
    this.counters.indexFilesDeleted = loaded.indexFilesDeleted + outcome.indexFilesDeleted;
    const after = await this.listPacks();
    return { ...this.counters, packsAfter: after.size, bytesAfter: sum(after.values()) };
  }

  private removal(key: Buffer): PackRemoval {
    return {
      backend: this.options.backend,
      state: this.state,
      tenantId: this.tenantId,
      key,
      onStep: this.options.onStep ?? (() => undefined),
    };
  }

  /** Packs present in the store, by id, with their sizes. */
  private async listPacks(): Promise<Map<string, number>> {
    const packs = new Map<string, number>();
    for await (const pack of this.options.backend.listPacks(tenantPacksPrefix(this.tenantId))) {
      const packId = packIdOfPath(pack.path);
      if (PACK_ID.test(packId) && pack.path === packPath(this.tenantId, packId)) packs.set(packId, pack.size);
    }
    return packs;
  }

  /**
   * One pass over the indexed copies: what each pack holds and wastes, and which copies change state. A condemned
   * copy of a referenced blob is pardoned, unless an uncondemned copy exists: then it is a spare, and dies with the
   * grace period like any condemned copy.
   */
  private scan({ index, states }: CollectionIndex, live: ReadonlySet<string>) {
    const tallies = new Map<string, PackTally>();
    const toCondemn: ObjectId[] = [];
    const toPardon: ObjectId[] = [];
    const keptCopies = new Set<string>();
    const condemnedCopies: { packId: string; entry: PackEntry; condemnedAt: Date; _id?: ObjectId }[] = [];
    for (const [packId, blobs] of index.coveredPacks()) {
      const tally = this.tallyOf(tallies, packId);
      for (const entry of blobs) {
        const copy = states.get(copyKey(entry.id, packId))!;
        tally.entries++;
        tally.bytes += entry.length;
        if (live.has(entry.id)) {
          if (copy.condemnedAt) condemnedCopies.push({ packId, entry, condemnedAt: copy.condemnedAt, _id: copy._id });
          else keptCopies.add(entry.id);
        } else if (!copy.condemnedAt) {
          if (copy.createdAt <= this.cutoff && copy._id) toCondemn.push(copy._id);
        } else if (copy.condemnedAt <= this.cutoff) {
          this.noteDead(tally, packId, entry);
        }
      }
    }
    for (const copy of condemnedCopies) {
      if (!keptCopies.has(copy.entry.id)) {
        if (copy._id) toPardon.push(copy._id);
      } else if (copy.condemnedAt <= this.cutoff) {
        this.noteDead(this.tallyOf(tallies, copy.packId), copy.packId, copy.entry);
      }
    }
    return { tallies, toCondemn, toPardon };
  }

  private tallyOf(tallies: Map<string, PackTally>, packId: string): PackTally {
    const tally = tallies.get(packId) ?? { entries: 0, bytes: 0, deadEntries: 0, deadBytes: 0 };
    tallies.set(packId, tally);
    return tally;
  }

  private noteDead(tally: PackTally, packId: string, entry: PackEntry): void {
    tally.deadEntries++;
    tally.deadBytes += entry.length;
    this.dead.add(copyKey(entry.id, packId));
  }

  /**
   * Deletes packs that stayed unindexed for a grace period since a collection first saw them. The index files are
   * read again just before, so that a pack a flush has indexed meanwhile is kept.
   */
  private async deleteOrphans(key: Buffer, loaded: CollectionIndex, listed: Map<string, number>): Promise<void> {
    const sightings = storeOrphanPacks.scoped(this.options.db);
    await refreshPackIndex(this.options.backend, key, this.tenantId, loaded.index);
    const covered = loaded.index.coveredPacks();
    const indexed = (packId: string) => covered.has(packId) || loaded.packsWithState.has(packId);
    for (const sighting of await sightings.find(this.tenantId).toArray()) {
      if (indexed(sighting.packId) || !listed.has(sighting.packId)) {
        await sightings.deleteOne(this.tenantId, { _id: sighting._id });
      }
    }
    for (const [packId, size] of listed) {
      if (indexed(packId)) continue;
      const id = orphanSightingId(this.tenantId, packId);
      let sighting = await sightings.findById(this.tenantId, id);
      if (!sighting) {
        sighting = { _id: id, tenantId: this.tenantId, packId, firstSeenAt: this.clock() };
        await sightings.insertOne(this.tenantId, sighting).catch(ignoreDuplicate);
      }
      if (sighting.firstSeenAt > this.cutoff) continue;
      if ((await this.blobs.countDocuments(this.tenantId, { packId })) > 0) continue;
      await this.options.backend.deletePack(packPath(this.tenantId, packId));
      await sightings.deleteOne(this.tenantId, { _id: id });
      listed.delete(packId);
      this.counters.orphanPacksDeleted++;
      this.counters.bytesSwept += size;
    }
  }

  private async updateEntries(ids: readonly ObjectId[], update: UpdateFilter<BlobLocation>): Promise<void> {
    for (let start = 0; start < ids.length; start += UPDATE_BATCH) {
      await this.blobs.updateMany(this.tenantId, { _id: { $in: ids.slice(start, start + UPDATE_BATCH) } }, update);
    }
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function ignoreDuplicate(error: unknown): void {
  if (!isDuplicateKeyError(error)) throw error;
}
