import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureIndexes } from '../../src/db/index.js';
import { filesystemBackend, openContentStore, type ContentStore } from '../../src/store/index.js';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';

/**
 * Packs are shared by every unit of a worker: when a pack cannot be written (a real full tmpfs), a unit whose blobs
 * were in it must learn so at its own flush, even though another unit's flush wrote (and lost) the pack. Otherwise it
 * would record catalog rows that point at nothing.
 */
const tenant = 'tenant-shared-pack';
let disk: string;
let database: TestDatabase;
let store: ContentStore;

beforeAll(async () => {
  disk = mkdtempSync(join(tmpdir(), 'custodia-shared-pack-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs', disk]);
  database = await openTestDatabase('shared_pack');
  await ensureIndexes(database.db);
  store = await openContentStore({ db: database.db, backend: filesystemBackend(disk), masterKey: randomBytes(32) });
});

afterAll(async () => {
  await store.close().catch(() => undefined);
  await database.dispose();
  execFileSync('umount', [disk]);
  rmSync(disk, { recursive: true, force: true });
});

test('a unit whose blobs were in a pack another unit flushed and lost is told at its own flush', async () => {
  const unitB = randomBytes(60_000);
  const refB = await store.put(tenant, unitB, 'item');
  await store.put(tenant, randomBytes(60_000), 'item');
  await expect(store.flush()).rejects.toThrow(/pack write\(s\) failed/);

  await expect(store.flush(tenant, [refB])).rejects.toMatchObject({ code: 'pack-write-failed' });
  expect(await store.has(tenant, refB.blobIds[0]!)).toBe(false);

  execFileSync('mount', ['-o', 'remount,size=8m', disk]);
  const again = await store.put(tenant, unitB, 'item');
  await store.flush(tenant, [again]);
  expect((await store.read(tenant, again)).equals(unitB)).toBe(true);
});
