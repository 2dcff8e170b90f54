import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { openTestDatabase } from '../../../test-support/database.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { restoreAndWait, startRestoreWorker } from '../restore/restore-harness.js';
import { driveFile, smallTenant } from '../retention/small-tenant.js';
import { maintainTenant, runVerifyCommand } from '../../src/retention/index.js';
import {
  azureBlobBackend,
  filesystemBackend,
  locatedBackend,
  openContentStore,
  type PackBackend,
} from '../../src/store/index.js';
import { tenantDataLocations } from '../../src/tenants/tenant-location.js';
import { tenantRecords, type DataLocation } from '../../src/tenants/tenant-store.js';
import { startAzurite, type Azurite } from './azurite.js';

/**
 * Two data locations, each with its own store: Italy North on the filesystem, Western Europe in an Azurite container.
 * Two tenants, one in each, backed up by the real engine: each tenant's keys, packs and index files are in its own
 * store only, and its restores, garbage collection and `custodia verify` use that store.
 */
let azurite: Azurite;
let directory: string;
let fileStore: PackBackend;
let azureStore: PackBackend;
const masterKey = randomBytes(32);
const tenants: { location: DataLocation; harness: BackupHarness }[] = [];

const bothLocations = (db: Db) =>
  locatedBackend({
    stores: new Map([
      ['italy-north', fileStore],
      ['west-europe', azureStore],
    ]),
    locationOf: tenantDataLocations(db),
  });

async function setUpIn(location: DataLocation, harness: BackupHarness): Promise<void> {
  await tenantRecords.raw(harness.database.db).insertOne({
    tenantId: harness.tenantId,
    name: `Piccola ${location}`,
    onboardedAt: new Date(),
    onboardedBy: 'provider@test',
    itManager: { name: 'Ida', email: 'ida@piccola.example' },
    setup: {
      dataLocation: location,
      workloads: ['sharepoint-onedrive'],
      adminConsent: { grantedAt: new Date(), checkedBy: 'ida@piccola.example' },
      confirmation: { at: new Date(), by: 'ida@piccola.example' },
    },
  });
  const { run } = await harness.runJob({
    name: 'Tutto',
    scope: { type: 'organisation' },
    workloads: ['onedrive'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  if (run.status !== 'succeeded') throw new Error(`the backup in ${location} ended ${run.status}`);
}

async function pathsIn(store: PackBackend, prefix: string): Promise<string[]> {
  const paths: string[] = [];
  for await (const object of store.listPacks(prefix)) paths.push(object.path);
  return paths;
}

const tenantsOf = (paths: readonly string[]) => [...new Set(paths.map((path) => path.split('/')[1]))].sort();

beforeAll(async () => {
  azurite = await startAzurite();
  directory = mkdtempSync(join(tmpdir(), 'custodia-located-'));
  fileStore = filesystemBackend(directory);
  azureStore = azureBlobBackend({ connectionString: azurite.connectionString, container: 'custodia-west-europe' });
  const options = { storeBackend: bothLocations, masterKey };
  const milan = await startBackupHarness({ tenant: smallTenant }, {}, options);
  tenants.push({ location: 'italy-north', harness: milan });
  const netherlands = await startBackupHarness(
    { tenant: { ...smallTenant, tenantId: '7e57da7a-0000-4000-8000-00000000e0e0' } },
    {},
    options,
  );
  tenants.push({ location: 'west-europe', harness: netherlands });
  for (const { location, harness } of tenants) await setUpIn(location, harness);
}, 180_000);

afterAll(async () => {
  for (const { harness } of tenants) await harness.stop();
  await azurite?.stop();
  rmSync(directory, { recursive: true, force: true });
});

test("each tenant's key, packs and index files are in its own location's store and nowhere else", async () => {
  const [milan, netherlands] = tenants.map(({ harness }) => harness.tenantId);
  for (const prefix of ['packs/', 'index/']) {
    expect(tenantsOf(await pathsIn(fileStore, prefix))).toEqual([milan]);
    expect(tenantsOf(await pathsIn(azureStore, prefix))).toEqual([netherlands]);
  }
  expect(await fileStore.readKeyFile(`keys/tenants/${milan}.json`)).toBeDefined();
  expect(await fileStore.readKeyFile(`keys/tenants/${netherlands}.json`)).toBeUndefined();
  expect(await azureStore.readKeyFile(`keys/tenants/${netherlands}.json`)).toBeDefined();
  expect(await azureStore.readKeyFile(`keys/tenants/${milan}.json`)).toBeUndefined();
  // Both stores record the same master key, so either one alone is refused to a process with another key.
  const master = await fileStore.readKeyFile('keys/master.json');
  expect(master).toEqual(await azureStore.readKeyFile('keys/master.json'));
});

test.each([0, 1])(
  'tenant %i restores a deleted file from its own store, collects garbage there and verifies intact',
  async (index) => {
    const { harness } = tenants[index]!;
    const own = index === 0 ? fileStore : azureStore;
    const other = index === 0 ? azureStore : fileStore;
    const tenantPrefix = `packs/${harness.tenantId}/`;
    const otherPacks = await pathsIn(other, 'packs/');

    // Unreferenced content in a pack of its own: garbage collection of this tenant deletes it from this store.
    await harness.store.put(harness.tenantId, randomBytes(4096), 'file');
    await harness.store.flush();
    const before = await pathsIn(own, tenantPrefix);
    const maintenance = { db: harness.database.db, backend: harness.storeBackend, masterKey, workerName: 'gc' };
    const condemning = await maintainTenant({ ...maintenance, graceMs: 0 }, harness.tenantId);
    expect(condemning?.garbage).toMatchObject({ blobsCondemned: 1, packsDeleted: 0 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const sweeping = await maintainTenant({ ...maintenance, graceMs: 0 }, harness.tenantId);
    expect(sweeping?.garbage.packsDeleted).toBe(1);
    expect(await pathsIn(own, tenantPrefix)).toHaveLength(before.length - 1);
    expect((await pathsIn(other, 'packs/')).sort()).toEqual(otherPacks.sort());

    const lines: string[] = [];
    const verified = await runVerifyCommand(
      { db: harness.database.db, backend: harness.storeBackend, masterKey, print: (line) => lines.push(line) },
      ['--tenant', harness.tenantId, '--read-data'],
    );
    expect({ verified, lines }).toMatchObject({ verified: 0 });

    const { driveId, itemId } = driveFile(harness, 'anna', 'a1.bin');
    const original = await harness.sim.control.fileSha256(driveId, itemId);
    harness.sim.control.deleteDriveItem(driveId, itemId);
    const worker = await startRestoreWorker(harness, `located-restore-${index}`);
    try {
      const restored = await restoreAndWait(worker, harness.tenantId, {
        selection: { type: 'resource', resourceId: `onedrive:${driveId}` },
        target: { type: 'original' },
        conflictPolicy: 'skip',
        language: 'it',
      });
      expect(restored.status).toBe('completed');
      expect(restored.progress).toMatchObject({ restored: 1, mismatched: 0 });
    } finally {
      await worker.stop();
    }
    const back = harness.sim.control.findDriveItem(driveId, 'a1.bin')!;
    expect(await harness.sim.control.fileSha256(driveId, back)).toBe(original);
  },
  120_000,
);

test('a tenant whose location has no store configured cannot store anything; stores with different master keys are refused', async () => {
  const database = await openTestDatabase('located');
  try {
    await tenantRecords.raw(database.db).insertOne({
      tenantId: 'tenant-west',
      name: 'Ovest',
      onboardedAt: new Date(),
      onboardedBy: 'provider@test',
      itManager: { name: 'Ida', email: 'ida@ovest.example' },
      setup: { dataLocation: 'west-europe', confirmation: { at: new Date(), by: 'ida@ovest.example' } },
    });
    const onlyMilan = locatedBackend({
      stores: new Map([['italy-north', fileStore]]),
      locationOf: tenantDataLocations(database.db),
    });
    const store = await openContentStore({ db: database.db, backend: onlyMilan, masterKey });
    await expect(store.put('tenant-west', Buffer.from('dati'), 'file')).rejects.toMatchObject({
      code: 'location-not-configured',
      localized: {
        en: expect.stringContaining('tenant tenant-west keeps its data in west-europe, which has no content store'),
        it: expect.stringContaining('il tenant tenant-west conserva i dati in west-europe'),
      },
    });
    expect(await pathsIn(fileStore, 'packs/tenant-west/')).toEqual([]);

    const elsewhere = filesystemBackend(mkdtempSync(join(tmpdir(), 'custodia-other-key-')));
    await openContentStore({ db: database.db, backend: elsewhere, masterKey: randomBytes(32) });
    const mixed = locatedBackend({
      stores: new Map([
        ['italy-north', fileStore],
        ['west-europe', elsewhere],
      ]),
      locationOf: tenantDataLocations(database.db),
    });
    await expect(openContentStore({ db: database.db, backend: mixed, masterKey })).rejects.toMatchObject({
      code: 'wrong-master-key',
    });
    rmSync(elsewhere.location, { recursive: true, force: true });
  } finally {
    await database.dispose();
  }
});
