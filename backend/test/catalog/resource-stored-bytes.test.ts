import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes, runUpgrades } from '../../src/db/index.js';
import { Catalog, resourcesCollection, type NewItemVersion } from '../../src/catalog/index.js';
import { storedBytesOfTenant } from '../../src/licences/stored-bytes.js';

/**
 * The Items list and the licence read each account's stored bytes from its resource, counted when its backup
 * completes, so that no request sums every version of the tenant (the security probe's finding 9: over 100 s under
 * load). What they read must still be what the current versions hold.
 */
let database: TestDatabase;
const tenantId = 'tenant-bytes';
const at = new Date('2026-03-01T00:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase('stored_bytes');
  await ensureIndexes(database.db);
});
afterAll(() => database.dispose());

function message(resourceId: string, graphId: string, size: number, versionKey = 'v1'): NewItemVersion {
  return {
    resourceId,
    kind: 'message',
    graphId,
    versionKey,
    containerId: 'inbox',
    containerPath: 'Posta in arrivo',
    name: graphId,
    size,
    itemDate: at,
    properties: {},
    searchTerms: [graphId],
  };
}

async function storedBytesOf(resourceId: string): Promise<number | undefined> {
  return (await resourcesCollection.scoped(database.db).findOne(tenantId, { resourceId }))?.storedBytes;
}

test('a completed backup counts the bytes of the current versions only, and the tenant sums its accounts', async () => {
  const catalog = new Catalog(database.db, tenantId);
  for (const resourceId of ['mailbox:anna', 'mailbox:bruno']) {
    await catalog.upsertResources([{ resourceId, kind: 'mailbox', graphId: resourceId, displayName: resourceId }]);
  }
  await catalog.recordVersions([message('mailbox:anna', 'a1', 1_000), message('mailbox:anna', 'a2', 300)], 'r1', at);
  await catalog.markResourceBackedUp('mailbox:anna', 'r1', at);
  expect(await storedBytesOf('mailbox:anna')).toBe(1_300);

  // a1 replaced by a larger version, a2 deleted: the old versions stay in the catalog but hold no current bytes.
  const later = new Date(at.getTime() + 3_600_000);
  await catalog.recordVersions([message('mailbox:anna', 'a1', 5_000, 'v2')], 'r2', later);
  await catalog.recordDeletions('mailbox:anna', ['a2'], 'r2', later);
  await catalog.recordVersions([message('mailbox:bruno', 'b1', 700)], 'r2', later);
  expect(await storedBytesOf('mailbox:anna')).toBe(1_300);
  await catalog.markResourceBackedUp('mailbox:anna', 'r2', later);
  await catalog.markResourceBackedUp('mailbox:bruno', 'r2', later);
  expect(await storedBytesOf('mailbox:anna')).toBe(5_000);
  expect(await storedBytesOf('mailbox:bruno')).toBe(700);
  expect(await storedBytesOfTenant(database.db, tenantId)).toBe(5_700);
});

test('accounts backed up before the bytes were kept get them counted once at start-up', async () => {
  const catalog = new Catalog(database.db, 'tenant-older');
  await catalog.upsertResources([{ resourceId: 'mailbox:carla', kind: 'mailbox', graphId: 'c', displayName: 'Carla' }]);
  await catalog.recordVersions([message('mailbox:carla', 'c1', 2_000), message('mailbox:carla', 'c2', 48)], 'r1', at);
  await database.db.collection('schemaUpgrades').deleteOne({ _id: 'resource-stored-bytes' as never });
  expect(await storedBytesOfTenant(database.db, 'tenant-older')).toBe(0);

  await runUpgrades(database.db);

  expect((await resourcesCollection.scoped(database.db).findOne('tenant-older', {}))?.storedBytes).toBe(2_048);
  expect(await storedBytesOfTenant(database.db, 'tenant-older')).toBe(2_048);
  // The first tenant's figures, already kept, are left as they were.
  expect(await storedBytesOf('mailbox:bruno')).toBe(700);
});
