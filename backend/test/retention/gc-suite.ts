import { createHash, randomBytes } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import type { BackendUnderTest } from '../store/content-store-suite.js';
import {
  collectGarbage,
  openContentStore,
  storeBlobs,
  verifyStore,
  type CollectionStep,
  type ContentRef,
  type ContentStore,
  type PackBackend,
} from '../../src/store/index.js';

/** Small packs (about three 20 KiB items each) so that a few items spread over several packs. */
const PACK_TARGET = 60 * 1024;
const ITEM_BYTES = 20 * 1024;
const HOUR = 60 * 60 * 1000;

/** A crash simulated by a test at one step of a pack's removal. */
class SimulatedCrash extends Error {}

/**
 * Garbage collection on one pack backend: the same behaviour on the filesystem and on Azure Blob Storage. The
 * "catalog" here is the set of refs a test holds live; the retention tests drive it from the real catalog.
 */
export function garbageCollectionSuite(name: string, start: () => Promise<BackendUnderTest>): void {
  describe(`garbage collection on ${name}`, () => {
    const masterKey = randomBytes(32);
    let database: TestDatabase;
    let target: BackendUnderTest;
    let backend: PackBackend;
    let store: ContentStore;

    beforeAll(async () => {
      database = await openTestDatabase('gc');
      target = await start();
      backend = target.backend;
      store = await openContentStore({ db: database.db, backend, masterKey, packTargetBytes: PACK_TARGET });
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
      await database?.dispose();
    });

    /** Twelve distinct incompressible items, written in order so that packs hold consecutive items. */
    async function writeItems(tenantId: string, count = 12): Promise<{ refs: ContentRef[]; bytes: Buffer[] }> {
      const bytes = Array.from({ length: count }, () => randomBytes(ITEM_BYTES));
      const refs: ContentRef[] = [];
      for (const item of bytes) refs.push(await store.put(tenantId, item, 'item'));
      await store.flush();
      return { refs, bytes };
    }

    async function packsOf(tenantId: string) {
      const ids: string[] = [];
      let bytes = 0;
      for await (const pack of backend.listPacks(`packs/${tenantId}/`)) {
        ids.push(pack.path.slice(pack.path.lastIndexOf('/') + 1));
        bytes += pack.size;
      }
      return { count: ids.length, bytes, ids };
    }

    const liveSet = (refs: readonly ContentRef[]) => new Set(refs.flatMap((ref) => ref.blobIds));

    function collect(tenantId: string, live: readonly ContentRef[], at: Date, onStep?: (step: CollectionStep) => void) {
      return collectGarbage({
        db: database.db,
        backend,
        masterKey,
        tenantId,
        liveBlobIds: async () => liveSet(live),
        graceMs: HOUR,
        now: () => at,
        ...(onStep && { onStep }),
      });
    }

    async function expectReadable(tenantId: string, refs: readonly ContentRef[], bytes: readonly Buffer[]) {
      for (const [position, ref] of refs.entries()) {
        expect((await store.read(tenantId, ref)).equals(bytes[position]!)).toBe(true);
      }
    }

    async function expectIntact(tenantId: string) {
      const report = await verifyStore({ db: database.db, backend, masterKey, tenantId, readData: true });
      expect(report.problems).toEqual([]);
      return report;
    }

    test('deletes packs nobody refers to and rewrites mostly dead ones, a grace period after condemning them', async () => {
      const tenantId = 'sweep';
      const { refs, bytes } = await writeItems(tenantId);
      const before = await packsOf(tenantId);
      expect(before.count).toBe(4);
      const firstPack = await storeBlobs.scoped(database.db).findOne(tenantId, { blobId: refs[0]!.blobIds[0]! });
      expect(before.ids).toContain(firstPack?.packId);
      // Items 0-2 fill the first pack, 3-5 the second, and so on. Keep one item of the second pack (2/3 dead:
      // rewritten), two of the third (1/3 dead: left alone), all of the fourth; none of the first (deleted).
      const kept = [4, 6, 7, 9, 10, 11];
      const live = kept.map((index) => refs[index]!);
      const now = Date.now() + 2 * HOUR;

      const first = await collect(tenantId, live, new Date(now));
      expect(first).toMatchObject({ blobsCondemned: 6, packsDeleted: 0, packsRewritten: 0 });
      expect((await packsOf(tenantId)).count).toBe(4);

      const tooSoon = await collect(tenantId, live, new Date(now + HOUR / 2));
      expect(tooSoon).toMatchObject({ packsDeleted: 0, packsRewritten: 0, blobsDeleted: 0 });

      const second = await collect(tenantId, live, new Date(now + 2 * HOUR));
      expect(second).toMatchObject({ packsBefore: 4, packsAfter: 3, packsDeleted: 1, packsRewritten: 1 });
      expect(second.blobsDeleted).toBe(5);
      const after = await packsOf(tenantId);
      expect(after.count).toBe(3);
      expect(after.ids).not.toContain(firstPack?.packId);
      expect(after.bytes).toBeLessThan(before.bytes - 4 * ITEM_BYTES);
      await expectReadable(
        tenantId,
        live,
        kept.map((index) => bytes[index]!),
      );
      for (const dead of [0, 1, 2, 3, 5]) {
        await expect(store.read(tenantId, refs[dead]!)).rejects.toMatchObject({ code: 'blob-not-found' });
      }
      const report = await expectIntact(tenantId);
      expect(report.notices).toEqual([]);
      expect(report.blobs).toBe(7);
    });

    test('content written within the grace period is not condemned: its catalog version may still be on its way', async () => {
      const tenantId = 'fresh';
      const { refs, bytes } = await writeItems(tenantId, 3);
      expect(await collect(tenantId, [], new Date())).toMatchObject({ blobsCondemned: 0 });
      expect(await collect(tenantId, [], new Date(Date.now() + 2 * HOUR))).toMatchObject({
        blobsCondemned: 3,
        packsDeleted: 0,
      });
      await expectReadable(tenantId, refs, bytes);
    });

    test('a pack nobody indexed is deleted only when a collection a grace period later still finds it unindexed', async () => {
      const tenantId = 'orphan';
      await writeItems(tenantId, 1);
      // What a crash between writing a pack and recording its index leaves behind.
      const orphan = randomBytes(1000);
      const orphanId = createHash('sha256').update(orphan).digest('hex');
      await backend.writePack(`packs/${tenantId}/${orphanId.slice(0, 2)}/${orphanId}`, [orphan]);
      const now = Date.now();
      expect(await collect(tenantId, [], new Date(now))).toMatchObject({ orphanPacksDeleted: 0, packsAfter: 2 });
      expect(await collect(tenantId, [], new Date(now + HOUR / 2))).toMatchObject({ orphanPacksDeleted: 0 });
      expect(await collect(tenantId, [], new Date(now + 2 * HOUR))).toMatchObject({
        orphanPacksDeleted: 1,
        packsAfter: 1,
      });
      expect((await packsOf(tenantId)).ids).not.toContain(orphanId);
    });

    test('a blob referred to again before the sweep is pardoned and kept', async () => {
      const tenantId = 'pardon';
      const { refs, bytes } = await writeItems(tenantId, 3);
      const now = Date.now() + 2 * HOUR;
      await collect(tenantId, [], new Date(now));
      const second = await collect(tenantId, refs, new Date(now + 2 * HOUR));
      expect(second).toMatchObject({ blobsPardoned: 3, packsDeleted: 0, blobsDeleted: 0 });
      await expectReadable(tenantId, refs, bytes);
    });

    test('new content equal to a condemned blob is written again rather than leaning on the doomed copy', async () => {
      const tenantId = 'rewrite-after-condemn';
      const { refs, bytes } = await writeItems(tenantId, 1);
      const now = Date.now() + 2 * HOUR;
      await collect(tenantId, [], new Date(now));
      // Another worker's backup stores the same bytes again.
      const otherWorker = await openContentStore({ db: database.db, backend, masterKey });
      const again = await otherWorker.put(tenantId, bytes[0]!, 'item');
      await otherWorker.close();
      const copies = await storeBlobs.scoped(database.db).countDocuments(tenantId, { blobId: again.blobIds[0]! });
      expect(copies).toBe(2);
      // The sweep deletes the condemned copy; the catalog's new reference reads from the new one.
      const second = await collect(tenantId, [again], new Date(now + 2 * HOUR));
      expect(second.packsDeleted).toBe(1);
      await expectReadable(tenantId, [refs[0]!], bytes);
      await expectIntact(tenantId);
    });

    const steps: CollectionStep[] = [
      'rewritten-pack-written',
      'rewritten-pack-indexed',
      'old-pack-unindexed',
      'pack-deleted',
    ];
    test.each(steps)('a collection that crashes at "%s" and runs again loses no live blob', async (step) => {
      const tenantId = `crash-${steps.indexOf(step)}`;
      const { refs, bytes } = await writeItems(tenantId, 6);
      // Keep one item of each pack: both packs are 2/3 dead and rewritten.
      const kept = [1, 4];
      const live = kept.map((index) => refs[index]!);
      const now = Date.now() + 2 * HOUR;
      await collect(tenantId, live, new Date(now));
      const crashing = collect(tenantId, live, new Date(now + 2 * HOUR), (reached) => {
        if (reached === step) throw new SimulatedCrash(step);
      });
      await expect(crashing).rejects.toBeInstanceOf(SimulatedCrash);
      await expectReadable(
        tenantId,
        live,
        kept.map((index) => bytes[index]!),
      );

      // Runs again until nothing is left to do; orphans left by the crash go once their own grace has passed.
      await collect(tenantId, live, new Date(now + 4 * HOUR));
      await collect(tenantId, live, new Date(now + 6 * HOUR));
      await expectReadable(
        tenantId,
        live,
        kept.map((index) => bytes[index]!),
      );
      const report = await expectIntact(tenantId);
      expect(report.notices).toEqual([]);
      // Exactly the two live blobs remain, each once.
      expect(report.blobs).toBe(2);
    });
  });
}
