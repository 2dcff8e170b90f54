import type { Db, ObjectId, UpdateFilter, WithId } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { BlobIndex, storeBlobs, type BlobLocation } from './blob-index.js';
import { KeyRing } from './key-ring.js';
import { orphanSightingId, storeOrphanPacks } from './orphan-packs.js';
import type { PackBackend } from './pack-backend.js';
import { packIdOfPath, packPath, tenantPacksPrefix } from './pack-format.js';
import { retirePack, rewritePack, type PackRemoval, type StepHook } from './pack-rewriter.js';
import { assertTenantId } from './tenant-id.js';

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
  readonly durationMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UPDATE_BATCH = 1000;
const PACK_ID = /^[0-9a-f]{64}$/;

type Counters = { -readonly [K in keyof GarbageCollectionReport]: GarbageCollectionReport[K] };

interface PackTally {
  entries: number;
  bytes: number;
  deadEntries: number;
  deadBytes: number;
}

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
  private readonly index: BlobIndex;
  private readonly clock: () => Date;
  private readonly cutoff: Date;
  private readonly counters: Counters;
  /** Index entries (by `_id`) this collection may delete: established by the scan, used by the sweep. */
  private readonly dead = new Set<string>();

  constructor(private readonly options: GarbageCollectionOptions) {
    this.tenantId = options.tenantId;
    this.blobs = storeBlobs.scoped(options.db);
    this.index = new BlobIndex(options.db);
    this.clock = options.now ?? (() => new Date());
    this.cutoff = new Date(this.clock().getTime() - (options.graceMs ?? DAY_MS));
    this.counters = {
      tenantId: this.tenantId,
      ...{ packsBefore: 0, bytesBefore: 0, packsAfter: 0, bytesAfter: 0 },
      ...{ blobsCondemned: 0, blobsPardoned: 0, blobsDeleted: 0 },
      ...{ packsDeleted: 0, packsRewritten: 0, orphanPacksDeleted: 0, bytesSwept: 0, durationMs: 0 },
    };
  }

  async run(): Promise<Counters> {
    const key = await (await KeyRing.open(this.options.backend, this.options.masterKey)).existingDataKey(this.tenantId);
    const listed = await this.listPacks();
    this.counters.packsBefore = listed.size;
    this.counters.bytesBefore = sum(listed.values());
    if (!key) return { ...this.counters, packsAfter: listed.size, bytesAfter: this.counters.bytesBefore };

    const live = await this.options.liveBlobIds();
    const { tallies, toCondemn, toPardon } = await this.scanIndex(live);
    await this.updateEntries(toPardon, { $unset: { condemnedAt: '' } });
    this.counters.blobsPardoned = toPardon.length;
    await this.deleteOrphans(listed, tallies);

    const removal: PackRemoval = {
      backend: this.options.backend,
      index: this.index,
      tenantId: this.tenantId,
      key,
      onStep: this.options.onStep ?? (() => undefined),
    };
    for (const [packId, tally] of tallies) {
      if (tally.deadEntries === 0) continue;
      const size = listed.get(packId) ?? tally.bytes;
      if (tally.deadEntries === tally.entries) {
        await retirePack(removal, packId);
        this.noteSwept(tally.entries, size);
        this.counters.packsDeleted++;
        listed.delete(packId);
      } else if (tally.deadBytes > tally.bytes * (this.options.rewriteThreshold ?? 0.5)) {
        await this.rewrite(removal, packId, size, live, listed);
      }
    }

    // Condemned last, so that a blob is never condemned and deleted by the same collection.
    const condemnedAt = this.clock();
    await this.updateEntries(toCondemn, { $set: { condemnedAt } });
    this.counters.blobsCondemned = toCondemn.length;

    const after = await this.listPacks();
    return { ...this.counters, packsAfter: after.size, bytesAfter: sum(after.values()) };
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
   * One pass over the tenant's index: what each pack holds and wastes, and which entries change state. A condemned
   * copy of a referenced blob is pardoned, unless an uncondemned copy exists: then it is a spare, and dies with the
   * grace period like any condemned entry.
   */
  private async scanIndex(live: ReadonlySet<string>) {
    const tallies = new Map<string, PackTally>();
    const toCondemn: ObjectId[] = [];
    const toPardon: ObjectId[] = [];
    const keptCopies = new Set<string>();
    const condemnedCopies: WithId<BlobLocation>[] = [];
    const entries = this.blobs.find(
      this.tenantId,
      {},
      { projection: { _id: 1, blobId: 1, packId: 1, length: 1, createdAt: 1, condemnedAt: 1 } },
    );
    for await (const entry of entries) {
      const tally = this.tallyOf(tallies, entry.packId);
      tally.entries++;
      tally.bytes += entry.length;
      if (live.has(entry.blobId)) {
        if (entry.condemnedAt) condemnedCopies.push(entry);
        else keptCopies.add(entry.blobId);
      } else if (!entry.condemnedAt) {
        if (entry.createdAt <= this.cutoff) toCondemn.push(entry._id);
      } else if (entry.condemnedAt <= this.cutoff) {
        this.noteDead(tally, entry);
      }
    }
    for (const entry of condemnedCopies) {
      if (!keptCopies.has(entry.blobId)) toPardon.push(entry._id);
      else if (entry.condemnedAt! <= this.cutoff) this.noteDead(this.tallyOf(tallies, entry.packId), entry);
    }
    return { tallies, toCondemn, toPardon };
  }

  private tallyOf(tallies: Map<string, PackTally>, packId: string): PackTally {
    const tally = tallies.get(packId) ?? { entries: 0, bytes: 0, deadEntries: 0, deadBytes: 0 };
    tallies.set(packId, tally);
    return tally;
  }

  private noteDead(tally: PackTally, entry: WithId<BlobLocation>): void {
    tally.deadEntries++;
    tally.deadBytes += entry.length;
    this.dead.add(entry._id.toHexString());
  }

  /**
   * Copies a pack's kept blobs into a new pack. A referenced blob with another uncondemned indexed copy in a pack that
   * exists (for instance the new pack of an earlier, interrupted rewrite) is not copied again.
   */
  private async rewrite(
    removal: PackRemoval,
    packId: string,
    size: number,
    live: ReadonlySet<string>,
    listed: Map<string, number>,
  ): Promise<void> {
    const entries = await this.index.inPack(this.tenantId, packId).toArray();
    const kept = entries.filter((entry) => !this.dead.has(entry._id.toHexString()));
    const referenced = kept.filter((entry) => live.has(entry.blobId)).map((entry) => entry.blobId);
    const elsewhere = new Set<string>();
    const copies = this.blobs.find(
      this.tenantId,
      { blobId: { $in: referenced }, packId: { $ne: packId }, condemnedAt: { $exists: false } },
      { projection: { blobId: 1, packId: 1 } },
    );
    for await (const copy of copies) if (listed.has(copy.packId)) elsewhere.add(copy.blobId);
    const copied = kept.filter((entry) => !elsewhere.has(entry.blobId));
    if (copied.length === 0) {
      await retirePack(removal, packId);
      this.counters.packsDeleted++;
    } else {
      const written = await rewritePack(removal, packId, copied);
      this.counters.packsRewritten++;
      listed.set(written.newPackId, written.bytes);
    }
    this.noteSwept(entries.length - copied.length, size);
    listed.delete(packId);
  }

  private noteSwept(blobs: number, bytes: number): void {
    this.counters.blobsDeleted += blobs;
    this.counters.bytesSwept += bytes;
  }

  /** Deletes packs that stayed unindexed for a grace period since a collection first saw them. */
  private async deleteOrphans(listed: Map<string, number>, tallies: ReadonlyMap<string, PackTally>): Promise<void> {
    const sightings = storeOrphanPacks.scoped(this.options.db);
    for (const sighting of await sightings.find(this.tenantId).toArray()) {
      if (tallies.has(sighting.packId) || !listed.has(sighting.packId)) {
        await sightings.deleteOne(this.tenantId, { _id: sighting._id });
      }
    }
    for (const [packId, size] of listed) {
      if (tallies.has(packId)) continue;
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
  if ((error as { code?: number }).code !== 11000) throw error;
}
