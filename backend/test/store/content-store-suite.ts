import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import {
  openContentStore,
  storeBlobs,
  verifyStore,
  type ContentRef,
  type ContentStore,
  type PackBackend,
} from '../../src/store/index.js';

export interface BackendUnderTest {
  readonly backend: PackBackend;
  dispose(): Promise<void>;
}

const MiB = 1024 * 1024;

/** Random bytes as a stream of 64 KiB pieces, generated as they are read. */
function randomStream(bytes: number, seedContent: Buffer): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      const length = Math.min(64 * 1024, bytes - sent);
      const start = sent % (seedContent.length - length);
      sent += length;
      this.push(seedContent.subarray(start, start + length));
    },
  });
}

async function packsOf(
  backend: PackBackend,
  tenantId: string,
): Promise<{ count: number; bytes: number; paths: string[] }> {
  const paths: string[] = [];
  let bytes = 0;
  for await (const pack of backend.listPacks(`packs/${tenantId}/`)) {
    paths.push(pack.path);
    bytes += pack.size;
  }
  return { count: paths.length, bytes, paths };
}

/**
 * The behaviour every pack backend must give the content store. Each backend's test file runs this same suite; each
 * test works in its own tenants so tests do not see each other's packs.
 */
export function contentStoreSuite(name: string, start: () => Promise<BackendUnderTest>): void {
  describe(`content store on ${name}`, () => {
    const masterKey = randomBytes(32);
    let database: TestDatabase;
    let target: BackendUnderTest;
    let backend: PackBackend;
    let store: ContentStore;
    const open = (key = masterKey) => openContentStore({ db: database.db, backend, masterKey: key });

    beforeAll(async () => {
      database = await openTestDatabase('store');
      target = await start();
      backend = target.backend;
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await target?.dispose();
      await database?.dispose();
    });

    test('items of every size round-trip, small ones as a single blob', async () => {
      const items = [
        Buffer.alloc(0),
        Buffer.from('Subject: Riunione\r\n\r\nCiao a tutti, ci vediamo alle 10.\r\n'),
        Buffer.from(JSON.stringify({ subject: 'Evento', start: '2025-01-31T10:00:00Z' })),
        randomBytes(4 * MiB),
        randomBytes(4 * MiB + 1),
      ];
      const refs: ContentRef[] = [];
      for (const item of items) refs.push(await store.put('items', item, 'item'));
      await store.flush();

      expect(refs.map((ref) => ref.blobIds.length).slice(0, 4)).toEqual([0, 1, 1, 1]);
      expect(refs[4]!.blobIds.length).toBeGreaterThan(1);
      for (const [i, item] of items.entries()) {
        expect((await store.read('items', refs[i]!)).equals(item)).toBe(true);
        expect(refs[i]!.size).toBe(item.length);
        // One blob or several, held in memory or streamed: the reference names the SHA-256 of the whole content.
        const sha256 = createHash('sha256').update(item).digest('hex');
        expect(refs[i]!.sha256).toBe(sha256);
        expect((await store.putStream('items', Readable.from([item]), 'item')).sha256).toBe(sha256);
      }
    });

    test('a large file streams in and out, and compressible content takes less room', async () => {
      const seed = randomBytes(8 * MiB);
      const ref = await store.putStream('files', randomStream(40 * MiB, seed), 'file');
      const text = Buffer.from('Verbale della riunione del consiglio. '.repeat(300_000));
      const textRef = await store.put('text', text, 'file');
      await store.flush();

      expect(ref.size).toBe(40 * MiB);
      expect(ref.blobIds.length).toBeGreaterThanOrEqual(10);
      const expected = Buffer.concat(await Readable.from(randomStream(40 * MiB, seed)).toArray());
      const parts: Buffer[] = [];
      for await (const part of store.openStream('files', ref)) parts.push(part as Buffer);
      expect(parts.length).toBe(ref.blobIds.length);
      expect(Buffer.concat(parts).equals(expected)).toBe(true);

      expect((await store.read('text', textRef)).equals(text)).toBe(true);
      expect((await packsOf(backend, 'text')).bytes).toBeLessThan(text.length / 20);
    });

    test('the same 5 MB attachment put by 200 items is stored once', async () => {
      const attachment = randomBytes(5 * MiB);
      const refs: ContentRef[] = [];
      for (let i = 0; i < 200; i++) refs.push(await store.put('dedup', attachment, 'item'));
      await store.flush();

      const packs = await packsOf(backend, 'dedup');
      expect(packs.bytes).toBeGreaterThan(5 * MiB);
      expect(packs.bytes).toBeLessThan(5 * MiB + 64 * 1024);
      expect(new Set(refs.map((ref) => ref.blobIds.join())).size).toBe(1);
      expect((await store.read('dedup', refs[199]!)).equals(attachment)).toBe(true);
    });

    test('an edited large file stores only the chunks around the edit', async () => {
      const original = randomBytes(50 * MiB);
      const first = await store.put('edit', original, 'file');
      await store.flush();
      const before = await packsOf(backend, 'edit');

      const middle = original.length / 2;
      const edited = Buffer.concat([
        original.subarray(0, middle),
        Buffer.from('0123456789'),
        original.subarray(middle),
      ]);
      const second = await store.put('edit', edited, 'file');
      await store.flush();
      const after = await packsOf(backend, 'edit');

      const newBlobs = second.blobIds.filter((id) => !first.blobIds.includes(id));
      expect(newBlobs.length).toBeGreaterThanOrEqual(1);
      expect(newBlobs.length).toBeLessThanOrEqual(3);
      expect(after.bytes - before.bytes).toBeLessThan(9 * MiB);
      expect((await store.read('edit', second)).equals(edited)).toBe(true);
      expect((await store.read('edit', first)).equals(original)).toBe(true);
    });

    test('tenants are isolated: one cannot read the other, and shared content is stored once per tenant', async () => {
      const attachment = randomBytes(300 * 1024);
      const ofA = await store.put('tenant-a', attachment, 'item');
      await store.flush();

      expect(await store.has('tenant-a', ofA.blobIds[0]!)).toBe(true);
      expect(await store.has('tenant-b', ofA.blobIds[0]!)).toBe(false);
      await expect(store.read('tenant-b', ofA)).rejects.toMatchObject({ code: 'blob-not-found' });

      const ofB = await store.put('tenant-b', attachment, 'item');
      await store.flush();
      expect(ofB.blobIds).toEqual(ofA.blobIds);
      expect((await packsOf(backend, 'tenant-a')).count).toBe(1);
      expect((await packsOf(backend, 'tenant-b')).count).toBe(1);
      expect((await store.read('tenant-b', ofB)).equals(attachment)).toBe(true);
      expect((await store.read('tenant-a', ofA)).equals(attachment)).toBe(true);
    });

    test('a changed byte in a pack is caught on read and by verify with readData', async () => {
      const mail = Buffer.from(`From: anna@contoso.it\r\nSubject: Fattura\r\n\r\n${'Importo: 120 EUR. '.repeat(2000)}`);
      const ref = await store.put('tamper', mail, 'item');
      await store.flush();
      expect(
        (await verifyStore({ db: database.db, backend, masterKey, tenantId: 'tamper', readData: true })).problems,
      ).toEqual([]);

      const [path] = (await packsOf(backend, 'tamper')).paths;
      const size = (await backend.packSize(path!))!;
      const pack = await backend.readPackRange(path!, 0, size);
      pack[20]! ^= 0x01;
      await backend.writePack(path!, [pack]);

      const fresh = await open();
      await expect(fresh.read('tamper', ref)).rejects.toMatchObject({ code: 'corrupt-blob' });
      await expect(fresh.read('tamper', ref)).rejects.toThrow(/does not decrypt/);
      const report = await verifyStore({ db: database.db, backend, masterKey, tenantId: 'tamper', readData: true });
      expect(report.problems.map((problem) => problem.blobId)).toContain(ref.blobIds[0]);
      expect(report.problems.map((problem) => problem.text.en).join('\n')).toMatch(/altered after it was written/);
      expect(report.problems[0]!.text.it).toMatch(/danneggiato|alterato/);
    });

    test('verify finds a missing pack and a damaged header without reading data', async () => {
      const kept = await store.put('verify', randomBytes(1000), 'item');
      await store.flush();
      const lost = await store.put('verify', randomBytes(1000), 'item');
      await store.flush();
      expect((await verifyStore({ db: database.db, backend, masterKey, tenantId: 'verify' })).problems).toEqual([]);

      const paths = (await packsOf(backend, 'verify')).paths;
      const lostEntry = await storeBlobs.scoped(database.db).findOne('verify', { blobId: lost.blobIds[0]! });
      const lostPath = paths.find((path) => path.endsWith(lostEntry!.packId))!;
      await backend.deletePack(lostPath);
      const keptPath = paths.find((path) => path !== lostPath)!;
      const size = (await backend.packSize(keptPath))!;
      const pack = await backend.readPackRange(keptPath, 0, size);
      pack[size - 10]! ^= 0x01;
      await backend.writePack(keptPath, [pack]);

      const report = await verifyStore({ db: database.db, backend, masterKey, tenantId: 'verify' });
      const text = report.problems.map((problem) => problem.text.en).join('\n');
      expect(text).toMatch(/missing from the store/);
      expect(text).toMatch(/header of pack .* does not open/);
      await expect(store.read('verify', lost)).rejects.toMatchObject({ code: 'corrupt-pack' });
      expect(kept.size).toBe(1000);
    });

    test('content is not in the index until flush, and is durable after it', async () => {
      const writer = await open();
      const ref = await writer.put('durability', randomBytes(2000), 'item');
      const reader = await open();

      expect(await writer.has('durability', ref.blobIds[0]!)).toBe(true);
      expect(await reader.has('durability', ref.blobIds[0]!)).toBe(false);
      expect(await storeBlobs.scoped(database.db).countDocuments('durability')).toBe(0);
      expect((await packsOf(backend, 'durability')).count).toBe(0);
      await expect(reader.read('durability', ref)).rejects.toMatchObject({ code: 'blob-not-found' });

      await writer.flush();
      expect(await reader.has('durability', ref.blobIds[0]!)).toBe(true);
      expect((await reader.read('durability', ref)).length).toBe(2000);
      await Promise.all([writer.close(), reader.close()]);
    });

    test('a reopened store reads back everything, and a wrong master key is refused clearly', async () => {
      const first = await open();
      const contents = [randomBytes(10), randomBytes(700 * 1024), randomBytes(6 * MiB)];
      const refs = await Promise.all(contents.map((content) => first.put('reopen', content, 'file')));
      await first.close();

      const second = await open();
      for (const [i, content] of contents.entries()) {
        expect((await second.read('reopen', refs[i]!)).equals(content)).toBe(true);
      }
      await second.close();

      const attempt = open(randomBytes(32));
      await expect(attempt).rejects.toMatchObject({ code: 'wrong-master-key' });
      await expect(open(randomBytes(32))).rejects.toThrow(/written with master key [0-9a-f]{16}/);
      await expect(open(randomBytes(16))).rejects.toMatchObject({ code: 'invalid-master-key' });
    });

    test('two workers writing the same new content at once both succeed and nothing is damaged', async () => {
      const shared = randomBytes(3 * MiB);
      const [one, two] = await Promise.all([open(), open()]);
      const [refOne, refTwo] = await Promise.all([one.put('race', shared, 'file'), two.put('race', shared, 'file')]);
      await Promise.all([one.flush(), two.flush()]);

      expect(refOne).toEqual(refTwo);
      expect((await one.read('race', refTwo)).equals(shared)).toBe(true);
      const report = await verifyStore({ db: database.db, backend, masterKey, tenantId: 'race', readData: true });
      expect(report.problems).toEqual([]);
      await Promise.all([one.close(), two.close()]);
    });
  });
}
