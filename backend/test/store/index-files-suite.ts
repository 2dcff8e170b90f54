import { randomBytes } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import {
  collectGarbage,
  openContentStore,
  rebuildIndex,
  verifyStore,
  type ContentRef,
  type ContentStore,
  type PackBackend,
} from '../../src/store/index.js';
import { indexPath, listIndexFiles, readIndexFile, writeIndexFile } from '../../src/store/index-file.js';
import { KeyRing } from '../../src/store/key-ring.js';
import { monitorBlobQueries, type BlobQueryMonitor } from './blob-queries.js';
import type { BackendUnderTest } from './content-store-suite.js';

const HOUR = 60 * 60 * 1000;
/** Packs of about three 20 KiB items, so that a few items spread over several packs. */
const PACK_TARGET = 60 * 1024;

/** A pack backend that refuses to write index files: a process that dies between a pack and its index. */
function failingIndexWrites(backend: PackBackend): PackBackend {
  return {
    ...backend,
    async writePack(path, parts) {
      if (path.startsWith('index/')) throw new Error('simulated crash before the index file');
      return backend.writePack(path, parts);
    },
  };
}

/**
 * The index files (FORMAT.md, "Index files") on one pack backend: written per flush, loaded by a fresh process,
 * kept consistent by garbage collection, checked by verify and rebuilt from the pack headers.
 */
export function indexFilesSuite(name: string, start: () => Promise<BackendUnderTest>): void {
  describe(`index files on ${name}`, () => {
    const masterKey = randomBytes(32);
    let database: TestDatabase;
    let monitored: BlobQueryMonitor;
    let target: BackendUnderTest;
    let backend: PackBackend;

    beforeAll(async () => {
      database = await openTestDatabase('index');
      monitored = await monitorBlobQueries(database);
      target = await start();
      backend = target.backend;
    });
    afterAll(async () => {
      await monitored?.close();
      await target?.dispose();
      await database?.dispose();
    });

    const open = (options: { monitor?: boolean; on?: PackBackend } = {}) =>
      openContentStore({
        db: options.monitor ? monitored.db : database.db,
        backend: options.on ?? backend,
        masterKey,
        packTargetBytes: PACK_TARGET,
      });

    async function putItems(store: ContentStore, tenantId: string, items: readonly Buffer[]): Promise<ContentRef[]> {
      const refs: ContentRef[] = [];
      for (const item of items) refs.push(await store.put(tenantId, item, 'item'));
      await store.flush();
      return refs;
    }

    async function packIds(tenantId: string): Promise<string[]> {
      const ids: string[] = [];
      for await (const pack of backend.listPacks(`packs/${tenantId}/`)) ids.push(pack.path.split('/').pop()!);
      return ids.sort();
    }

    async function indexedPackIds(tenantId: string): Promise<string[]> {
      const key = await (await KeyRing.open(backend, masterKey)).dataKey(tenantId);
      const ids: string[] = [];
      for (const [indexId, size] of await listIndexFiles(backend, tenantId)) {
        const content = await readIndexFile(backend, key, tenantId, indexId, size);
        ids.push(...(content?.packs.map((pack) => pack.id) ?? []));
      }
      return ids.sort();
    }

    const verify = (tenantId: string) => verifyStore({ db: database.db, backend, masterKey, tenantId, readData: true });

    const collect = (tenantId: string, live: readonly ContentRef[], at: Date) =>
      collectGarbage({
        db: database.db,
        backend,
        masterKey,
        tenantId,
        liveBlobIds: async () => new Set(live.flatMap((ref) => ref.blobIds)),
        graceMs: HOUR,
        now: () => at,
      });

    test('each written pack is listed by an index file, sealed with the tenant key and named by its hash', async () => {
      const store = await open();
      await putItems(store, 'per-flush', [randomBytes(20 * 1024), randomBytes(20 * 1024)]);
      expect((await listIndexFiles(backend, 'per-flush')).size).toBe(1);
      await putItems(store, 'per-flush', [randomBytes(20 * 1024)]);
      await store.close();

      expect((await listIndexFiles(backend, 'per-flush')).size).toBe(2);
      expect(await indexedPackIds('per-flush')).toEqual(await packIds('per-flush'));
      const key = await (await KeyRing.open(backend, masterKey)).dataKey('per-flush');
      const [indexId, size] = [...(await listIndexFiles(backend, 'per-flush'))][0]!;
      const file = await backend.readPackRange(indexPath('per-flush', indexId), 0, size);
      expect(file.toString('latin1')).not.toMatch(/custodia-index/);
      const otherTenantKey = await (await KeyRing.open(backend, masterKey)).dataKey('someone-else');
      expect(await readIndexFile(backend, otherTenantKey, 'per-flush', indexId, size)).toBeUndefined();
      expect((await readIndexFile(backend, key, 'per-flush', indexId, size))?.packs[0]?.blobs.length).toBeGreaterThan(
        0,
      );
      expect((await verify('per-flush')).problems).toEqual([]);
    });

    test('a fresh process deduplicates against another process’s blobs and reads them with no query per blob', async () => {
      const items = Array.from({ length: 12 }, () => randomBytes(20 * 1024));
      const first = await open();
      const refs = await putItems(first, 'fresh-process', items);
      await first.close();
      const packsBefore = await packIds('fresh-process');

      const second = await open({ monitor: true });
      monitored.commands.length = 0;
      const again = await putItems(second, 'fresh-process', items);
      expect(again).toEqual(refs);
      expect(await packIds('fresh-process')).toEqual(packsBefore);
      // One read of the condemned copies for the whole tenant; nothing per blob, nothing written.
      expect(monitored.commands).toEqual(['find']);

      for (const [position, ref] of refs.entries()) {
        expect((await second.read('fresh-process', ref)).equals(items[position]!)).toBe(true);
      }
      expect(monitored.commands).toEqual(['find']);
      await second.close();
    });

    test('a crash between a pack and its index file leaves an orphan pack that garbage collection deletes', async () => {
      const crashing = await open({ on: failingIndexWrites(backend) });
      await crashing.put('crash', randomBytes(20 * 1024), 'item');
      await expect(crashing.flush()).rejects.toThrow(/pack write/);
      const orphans = await packIds('crash');
      expect(orphans).toHaveLength(1);
      expect((await listIndexFiles(backend, 'crash')).size).toBe(0);
      expect((await verify('crash')).notices.map((notice) => notice.packId)).toEqual(orphans);

      const now = Date.now();
      expect(await collect('crash', [], new Date(now))).toMatchObject({ orphanPacksDeleted: 0 });
      expect(await collect('crash', [], new Date(now + 2 * HOUR))).toMatchObject({ orphanPacksDeleted: 1 });
      expect(await packIds('crash')).toEqual([]);
    });

    test('garbage collection replaces the index files of the packs it deletes and rewrites', async () => {
      const store = await open();
      const refs = await putItems(
        store,
        'gc-index',
        Array.from({ length: 9 }, () => randomBytes(20 * 1024)),
      );
      await store.close();
      expect((await listIndexFiles(backend, 'gc-index')).size).toBe(3);
      // Pack 1 (items 0-2) goes, pack 2 (3-5) keeps one item and is rewritten, pack 3 (6-8) stays.
      const live = [refs[4]!, refs[6]!, refs[7]!, refs[8]!];
      const now = Date.now() + 2 * HOUR;
      await collect('gc-index', live, new Date(now));
      const report = await collect('gc-index', live, new Date(now + 2 * HOUR));
      expect(report).toMatchObject({ packsDeleted: 1, packsRewritten: 1, indexFilesWritten: 1, indexFilesDeleted: 2 });

      expect((await listIndexFiles(backend, 'gc-index')).size).toBe(2);
      expect(await indexedPackIds('gc-index')).toEqual(await packIds('gc-index'));
      const checked = await verify('gc-index');
      expect(checked.problems).toEqual([]);
      expect(checked.notices).toEqual([]);
      const reader = await open();
      expect((await reader.read('gc-index', refs[4]!)).length).toBe(20 * 1024);
      await expect(reader.read('gc-index', refs[0]!)).rejects.toMatchObject({ code: 'blob-not-found' });
      await reader.close();
    });

    test('verify reports a missing, a damaged and an extra index file; rebuilding restores the index', async () => {
      const store = await open();
      const refs = await putItems(store, 'verify-index', [randomBytes(20 * 1024)]);
      await putItems(store, 'verify-index', [randomBytes(20 * 1024)]);
      await store.close();
      expect((await verify('verify-index')).problems).toEqual([]);
      const [first, second] = [...(await listIndexFiles(backend, 'verify-index'))];
      const key = await (await KeyRing.open(backend, masterKey)).dataKey('verify-index');

      await backend.deletePack(indexPath('verify-index', first![0]));
      const damaged = await backend.readPackRange(indexPath('verify-index', second![0]), 0, second![1]);
      damaged[damaged.length - 1]! ^= 0x01;
      await backend.writePack(indexPath('verify-index', second![0]), [damaged]);
      await writeIndexFile(backend, key, 'verify-index', {
        supersedes: [],
        packs: [
          {
            id: 'f'.repeat(64),
            blobs: [{ id: 'e'.repeat(64), offset: 0, length: 40, rawLength: 12, compression: 'none' }],
          },
        ],
      });

      const text = (await verify('verify-index')).problems.map((problem) => problem.text.en).join('\n');
      expect(text).toMatch(/no index file lists it/);
      expect(text).toMatch(/index file .* does not open or does not hash to its name/);
      expect(text).toMatch(/index files list 1 blob\(s\) in pack f+, which is missing from the store/);

      const rebuilt = await rebuildIndex({ backend, masterKey, tenantId: 'verify-index' });
      expect(rebuilt).toMatchObject({ packs: 2, blobs: 2, indexFilesReplaced: 2 });
      expect((await listIndexFiles(backend, 'verify-index')).size).toBe(1);
      const after = await verify('verify-index');
      expect(after.problems).toEqual([]);
      expect(after.notices).toEqual([]);
      const reader = await open();
      expect((await reader.read('verify-index', refs[0]!)).length).toBe(20 * 1024);
      await reader.close();
    });

    test('a store written before index files is read through the database and indexed by its next collection', async () => {
      const store = await open();
      const items = [randomBytes(20 * 1024), randomBytes(20 * 1024)];
      const refs = await putItems(store, 'version-1', items);
      await store.close();
      for (const indexId of (await listIndexFiles(backend, 'version-1')).keys()) {
        await backend.deletePack(indexPath('version-1', indexId));
      }

      const reader = await open();
      expect((await reader.read('version-1', refs[1]!)).equals(items[1]!)).toBe(true);
      await reader.close();
      const report = await collect('version-1', refs, new Date());
      expect(report).toMatchObject({ indexFilesWritten: 1, packsDeleted: 0, orphanPacksDeleted: 0 });
      expect(await indexedPackIds('version-1')).toEqual(await packIds('version-1'));
      expect((await verify('version-1')).problems).toEqual([]);
    });
  });
}
