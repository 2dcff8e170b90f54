import { createHash } from 'node:crypto';
import { open, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { itemVersionsCollection } from '../../src/catalog/index.js';
import { activityEntries } from '../../src/audit/activity-store.js';
import {
  maintainTenant,
  referencedBlobIds,
  runRebuildIndexCommand,
  runVerifyCommand,
  sweepExpiredVersions,
  type MaintenanceOptions,
} from '../../src/retention/index.js';
import { storeBlobs } from '../../src/store/index.js';
import { backUpTwiceWithChanges, FILE_BYTES, smallTenant, versionsNamed } from './small-tenant.js';

let harness: BackupHarness;
let originalSha: Map<string, string>;
const YEAR = 365.25 * 24 * 60 * 60 * 1000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const yearsFromNow = (years: number) => new Date(Date.now() + years * YEAR);

beforeAll(async () => {
  harness = await startBackupHarness({ tenant: smallTenant });
  ({ originalSha } = await backUpTwiceWithChanges(harness));
}, 120_000);
afterAll(() => harness?.stop());

const maintenance = (years: number): MaintenanceOptions => ({
  db: harness.database.db,
  backend: harness.storeBackend,
  masterKey: harness.masterKey,
  workerName: 'retention-test',
  graceMs: 60 * 60 * 1000,
  now: () => yearsFromNow(years),
});

async function closedAndCurrent() {
  const versions = await itemVersionsCollection.scoped(harness.database.db).find(harness.tenantId).toArray();
  const names = (closed: boolean) =>
    versions
      .filter((version) => (version.validTo !== null) === closed)
      .map((version) => version.name)
      .sort();
  return { closed: names(true), current: names(false) };
}

async function runCommand(
  command: typeof runVerifyCommand,
  args: readonly string[],
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await command(
    {
      db: harness.database.db,
      backend: harness.storeBackend,
      masterKey: harness.masterKey,
      print: (line) => lines.push(line),
    },
    args,
  );
  return { code, output: lines.join('\n') };
}

const verify = () => runCommand(runVerifyCommand, ['--tenant', harness.tenantId, '--read-data']);

test('the second backup closed the replaced and deleted versions', async () => {
  expect(await closedAndCurrent()).toEqual({
    closed: ['a1.bin', 'a2.bin', 'b1.bin', 'b2.bin'],
    current: ['a1.bin', 'a3.bin', 'b1.bin', 'b3.bin'],
  });
});

test('after two years, versions kept one year expire; a resource two jobs cover keeps the longer (five years)', async () => {
  expect(await sweepExpiredVersions(harness.database.db, harness.tenantId, yearsFromNow(0.5))).toMatchObject({
    expired: 0,
  });
  const report = await sweepExpiredVersions(harness.database.db, harness.tenantId, yearsFromNow(2));
  expect(report).toMatchObject({ expired: 2, expiredByYears: { 1: 2 } });
  expect(await closedAndCurrent()).toEqual({
    closed: ['a1.bin', 'a2.bin'],
    current: ['a1.bin', 'a3.bin', 'b1.bin', 'b3.bin'],
  });
  // Safe to repeat: nothing more to expire at the same instant.
  expect((await sweepExpiredVersions(harness.database.db, harness.tenantId, yearsFromNow(2))).expired).toBe(0);

  const [kept] = await versionsNamed(harness, 'a1.bin');
  expect(kept?.validTo).not.toBeNull();
  const restored = await harness.store.read(harness.tenantId, kept!.content!);
  expect(sha256(restored)).toBe(originalSha.get('a1.bin'));
});

test('garbage collection removes exactly the blobs no version refers to, and what is kept still reads back', async () => {
  const db = harness.database.db;
  const condemning = await maintainTenant(maintenance(2), harness.tenantId);
  expect(condemning?.garbage).toMatchObject({ blobsCondemned: 2, packsDeleted: 0, packsRewritten: 0 });
  const sweeping = await maintainTenant(maintenance(2.001), harness.tenantId);
  const garbage = sweeping!.garbage;
  expect(garbage.blobsDeleted).toBe(2);
  expect(garbage.packsDeleted + garbage.packsRewritten).toBeGreaterThan(0);
  expect(garbage.bytesBefore - garbage.bytesAfter).toBeGreaterThan(2 * FILE_BYTES);

  const indexed = new Set(
    (await storeBlobs.scoped(db).find(harness.tenantId).toArray()).map((location) => location.blobId),
  );
  expect([...indexed].sort()).toEqual([...(await referencedBlobIds(db, harness.tenantId))].sort());
  for (const version of await itemVersionsCollection.scoped(db).find(harness.tenantId).toArray()) {
    expect(sha256(await harness.store.read(harness.tenantId, version.content!))).toBe(version.content!.sha256);
  }
  const [entry] = await activityEntries
    .scoped(db)
    .find(harness.tenantId, { action: 'retention.swept' }, { sort: { seq: -1 }, limit: 1 })
    .toArray();
  expect(entry?.details).toMatchObject({ versionsExpired: 0, bytesFreed: garbage.bytesBefore - garbage.bytesAfter });
  expect(await verify()).toMatchObject({ code: 0 });
});

test('after six years the five-year versions expire too; current versions never do', async () => {
  const report = await sweepExpiredVersions(harness.database.db, harness.tenantId, yearsFromNow(6));
  expect(report).toMatchObject({ expired: 2, expiredByYears: { 5: 2 } });
  expect(await sweepExpiredVersions(harness.database.db, harness.tenantId, yearsFromNow(60))).toMatchObject({
    expired: 0,
  });
  expect(await closedAndCurrent()).toEqual({ closed: [], current: ['a1.bin', 'a3.bin', 'b1.bin', 'b3.bin'] });
});

test('verify reports lost index files; rebuild-index restores them from the pack headers', async () => {
  const indexDirectory = join(harness.storeBackend.location, 'index', harness.tenantId);
  for (const indexId of await readdir(indexDirectory)) await unlink(join(indexDirectory, indexId));
  const lost = await verify();
  expect(lost.code).toBe(1);
  expect(lost.output).toMatch(/has blobs recorded in the database but no index file lists it/);

  const rebuilt = await runCommand(runRebuildIndexCommand, ['--tenant', harness.tenantId]);
  expect(rebuilt.code).toBe(0);
  expect(rebuilt.output).toMatch(/0 pack\(s\) whose header does not open/);
  expect(await readdir(indexDirectory)).toHaveLength(1);
  expect(await verify()).toMatchObject({ code: 0 });
});

test('verify passes on a healthy store, then reports a flipped byte and a missing pack, with a non-zero exit', async () => {
  const healthy = await verify();
  expect(healthy.code).toBe(0);
  expect(healthy.output).toContain('the store is intact');

  const [b3] = await versionsNamed(harness, 'b3.bin');
  const [a3] = await versionsNamed(harness, 'a3.bin');
  const locations = await storeBlobs
    .scoped(harness.database.db)
    .find(harness.tenantId, { blobId: { $in: [b3!.content!.blobIds[0]!, a3!.content!.blobIds[0]!] } })
    .toArray();
  const packOf = (blobId: string) => locations.find((location) => location.blobId === blobId)!;
  const damaged = packOf(b3!.content!.blobIds[0]!);
  const missing = packOf(a3!.content!.blobIds[0]!);
  expect(damaged.packId).not.toBe(missing.packId);
  const packFile = (packId: string) =>
    join(harness.storeBackend.location, 'packs', harness.tenantId, packId.slice(0, 2), packId);

  const handle = await open(packFile(damaged.packId), 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, damaged.offset + 100);
  await handle.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, damaged.offset + 100);
  await handle.close();
  await unlink(packFile(missing.packId));

  const broken = await verify();
  expect(broken.code).toBe(1);
  expect(broken.output).toContain(`the content of pack ${damaged.packId} does not hash to its name`);
  expect(broken.output).toContain(`blob ${b3!.content!.blobIds[0]} in pack ${damaged.packId}`);
  expect(broken.output).toMatch(
    new RegExp(`blob ${a3!.content!.blobIds[0]} is referred to by the catalog but is not in the store.*a3\\.bin`),
  );
});
