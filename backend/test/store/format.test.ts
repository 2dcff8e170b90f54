import { createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { filesystemBackend, openContentStore } from '../../src/store/index.js';

/**
 * Reads a store written by Custodia using nothing but FORMAT.md and node:crypto/zlib, so the document stays true.
 * Nothing here imports the store's internals.
 */
function openBox(key: Buffer, aad: Buffer, box: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, 12));
  decipher.setAAD(aad);
  decipher.setAuthTag(box.subarray(box.length - 16));
  return Buffer.concat([decipher.update(box.subarray(12, box.length - 16)), decipher.final()]);
}

interface HeaderEntry {
  id: string;
  offset: number;
  length: number;
  rawLength: number;
  compression: string;
}

let database: TestDatabase;
let root: string;
beforeAll(async () => {
  database = await openTestDatabase('storeformat');
  root = await mkdtemp(join(tmpdir(), 'custodia-format-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await database.dispose();
});

test('a store can be read by following FORMAT.md alone', async () => {
  const masterKey = randomBytes(32);
  const store = await openContentStore({ db: database.db, backend: filesystemBackend(root), masterKey });
  const mail = Buffer.from(`Subject: Offerta\r\n\r\n${'Gentile cliente, '.repeat(5000)}`);
  const file = randomBytes(3 * 1024 * 1024 + 12345);
  const refs = [await store.put('contoso', mail, 'item'), await store.put('contoso', file, 'file')];
  await store.close();

  const master = JSON.parse(await readFile(join(root, 'keys/master.json'), 'utf8'));
  const expectedId = createHmac('sha256', masterKey).update('custodia-master-key-id-v1').digest('hex').slice(0, 16);
  expect(master).toEqual({ format: 'custodia-master', version: 1, masterKeyId: expectedId });

  const keyFile = JSON.parse(await readFile(join(root, 'keys/tenants/contoso.json'), 'utf8'));
  expect(keyFile).toMatchObject({
    format: 'custodia-tenant-key',
    version: 1,
    tenantId: 'contoso',
    masterKeyId: expectedId,
  });
  const dataKey = openBox(
    masterKey,
    Buffer.from('custodia-tenant-key-v1:contoso'),
    Buffer.from(keyFile.wrappedKey, 'base64'),
  );
  expect(dataKey.length).toBe(32);

  const blobs = new Map<string, Buffer>();
  const headers = new Map<string, HeaderEntry[]>();
  for (const fanOut of await readdir(join(root, 'packs/contoso'))) {
    for (const packId of await readdir(join(root, 'packs/contoso', fanOut))) {
      const pack = await readFile(join(root, 'packs/contoso', fanOut, packId));
      expect(fanOut).toBe(packId.slice(0, 2));
      expect(createHash('sha256').update(pack).digest('hex')).toBe(packId);
      const headerLength = pack.readUInt32LE(pack.length - 4);
      const sealedHeader = pack.subarray(pack.length - 4 - headerLength, pack.length - 4);
      const header = JSON.parse(
        openBox(dataKey, Buffer.from('custodia-pack-header-v1:contoso'), sealedHeader).toString('utf8'),
      ) as { format: string; version: number; tenantId: string; blobs: HeaderEntry[] };
      expect(header).toMatchObject({ format: 'custodia-pack', version: 1, tenantId: 'contoso' });
      headers.set(packId, header.blobs);
      for (const entry of header.blobs) {
        const box = pack.subarray(entry.offset, entry.offset + entry.length);
        const opened = openBox(dataKey, Buffer.from(entry.id, 'hex'), box);
        const plaintext = entry.compression === 'zstd' ? zstdDecompressSync(opened) : opened;
        expect(plaintext.length).toBe(entry.rawLength);
        expect(createHash('sha256').update(plaintext).digest('hex')).toBe(entry.id);
        blobs.set(entry.id, plaintext);
      }
    }
  }

  const indexed = new Map<string, HeaderEntry[]>();
  for (const indexId of await readdir(join(root, 'index/contoso'))) {
    const indexFile = await readFile(join(root, 'index/contoso', indexId));
    expect(createHash('sha256').update(indexFile).digest('hex')).toBe(indexId);
    const index = JSON.parse(
      openBox(dataKey, Buffer.from('custodia-index-v1:contoso'), indexFile).toString('utf8'),
    ) as {
      format: string;
      version: number;
      tenantId: string;
      supersedes: string[];
      packs: { id: string; blobs: HeaderEntry[] }[];
    };
    expect(index).toMatchObject({ format: 'custodia-index', version: 1, tenantId: 'contoso', supersedes: [] });
    for (const pack of index.packs) indexed.set(pack.id, pack.blobs);
  }
  expect(indexed).toEqual(headers);

  const [mailRef, fileRef] = refs;
  const rebuilt = (ids: string[]) => Buffer.concat(ids.map((id) => blobs.get(id)!));
  expect(rebuilt(mailRef!.blobIds).equals(mail)).toBe(true);
  expect(rebuilt(fileRef!.blobIds).equals(file)).toBe(true);
  expect(createHash('sha256').update(file).digest('hex')).toBe(fileRef!.sha256);
  expect(fileRef!.blobIds.length).toBeGreaterThan(1);
});
