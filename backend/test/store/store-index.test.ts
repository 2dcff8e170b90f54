import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { BlobIndex } from '../../src/store/blob-index.js';
import { encodeBlob, blobIdOf } from '../../src/store/blob-codec.js';
import { filesystemBackend, openContentStore, storeBlobs, type PackBackend } from '../../src/store/index.js';
import { KeyRing } from '../../src/store/key-ring.js';
import { finishPack, packIdOf, packPath, type PackEntry } from '../../src/store/pack-format.js';
import { StoreIndex, TRUST_WINDOW_MS } from '../../src/store/store-index.js';
import { monitorBlobQueries, type BlobQueryMonitor } from './blob-queries.js';

const masterKey = randomBytes(32);
let database: TestDatabase;
let monitored: BlobQueryMonitor;
let root: string;
let backend: PackBackend;
let keys: KeyRing;

beforeAll(async () => {
  database = await openTestDatabase('storeindex');
  monitored = await monitorBlobQueries(database);
  root = await mkdtemp(join(tmpdir(), 'custodia-store-index-'));
  backend = filesystemBackend(root);
  keys = await KeyRing.open(backend, masterKey);
});
afterAll(async () => {
  await monitored?.close();
  await rm(root, { recursive: true, force: true });
  await database?.dispose();
});

/** Writes one pack of the given blobs and indexes it, as a flush would; answers the blob ids. */
async function storePack(index: StoreIndex, tenantId: string, contents: readonly Buffer[]): Promise<string[]> {
  const key = await keys.dataKey(tenantId);
  const boxes: Buffer[] = [];
  const entries: PackEntry[] = [];
  let offset = 0;
  for (const content of contents) {
    const id = blobIdOf(content);
    const encoded = await encodeBlob(key, id, content);
    boxes.push(encoded.box);
    entries.push({
      id,
      offset,
      length: encoded.box.length,
      rawLength: content.length,
      compression: encoded.compression,
    });
    offset += encoded.box.length;
  }
  const parts = finishPack(key, tenantId, boxes, entries);
  const packId = packIdOf(parts);
  await backend.writePack(packPath(tenantId, packId), parts);
  await index.recordPack(tenantId, key, packId, entries);
  return entries.map((entry) => entry.id);
}

const newIndex = (now: () => number = () => 0) => new StoreIndex(backend, keys, new BlobIndex(monitored.db), now);

test('a tenant’s index is read once, however many questions are asked, and tenants never see each other’s', async () => {
  const [one, two] = await storePack(newIndex(), 't1', [randomBytes(100), randomBytes(100)]);
  const index = newIndex();
  monitored.commands.length = 0;
  const answers = await Promise.all([one, two, 'f'.repeat(64), one, two].map((id) => index.isStored('t1', id!)));
  expect(answers).toEqual([true, true, false, true, true]);
  expect(await index.isStored('t2', one!)).toBe(false);
  expect(monitored.commands).toEqual(['find', 'find']);
});

test('blobs this process indexes join its view at once, without reading the index again', async () => {
  const index = newIndex();
  expect(await index.isStored('t3', 'f'.repeat(64))).toBe(false);
  monitored.commands.length = 0;
  const [fresh] = await storePack(index, 't3', [randomBytes(100)]);
  expect(await index.isStored('t3', fresh!)).toBe(true);
  expect(monitored.commands).toEqual(['insert']);
});

test('past the trust window a copy condemned since is no longer leaned on; reads still find it', async () => {
  let now = 0;
  const index = newIndex(() => now);
  const [blobId] = await storePack(newIndex(), 't4', [randomBytes(100)]);
  expect(await index.isStored('t4', blobId!)).toBe(true);
  await storeBlobs.scoped(database.db).updateMany('t4', { blobId: blobId! }, { $set: { condemnedAt: new Date() } });
  now = TRUST_WINDOW_MS - 1;
  expect(await index.isStored('t4', blobId!)).toBe(true);
  now = TRUST_WINDOW_MS;
  expect(await index.isStored('t4', blobId!)).toBe(false);
  expect((await index.locate('t4', [blobId!])).get(blobId!)?.blobId).toBe(blobId);
});

test('a blob another process stored after the view was read is found by a read, which refreshes the view', async () => {
  const reader = newIndex();
  expect(await reader.isStored('t5', 'f'.repeat(64))).toBe(false);
  const store = await openContentStore({ db: database.db, backend, masterKey });
  const ref = await store.put('t5', randomBytes(100), 'item');
  await store.close();
  expect(await reader.isStored('t5', ref.blobIds[0]!)).toBe(false);
  monitored.commands.length = 0;
  expect((await reader.locate('t5', ref.blobIds)).size).toBe(1);
  expect(monitored.commands).toEqual(['find']);
  expect(await reader.isStored('t5', ref.blobIds[0]!)).toBe(true);
});
