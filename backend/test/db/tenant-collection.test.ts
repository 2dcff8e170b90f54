import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { defineTenantCollection, ensureIndexes, isDuplicateKeyError, TenantScopeError } from '../../src/db/index.js';

interface Mailbox {
  tenantId: string;
  userPrincipalName: string;
  sizeBytes: number;
}

const mailboxes = defineTenantCollection<Mailbox>('test_mailboxes', [
  { key: { tenantId: 1, userPrincipalName: 1 }, unique: true, name: 'tenant_upn' },
]);

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('tenantcol');
  await ensureIndexes(database.db);
});
afterAll(() => database.dispose());

test('inserts, finds, updates and deletes within one tenant over the wire', async () => {
  const scoped = mailboxes.scoped(database.db);
  await scoped.insertMany('contoso', [
    { tenantId: 'contoso', userPrincipalName: 'anna@contoso.it', sizeBytes: 10 },
    { tenantId: 'contoso', userPrincipalName: 'bruno@contoso.it', sizeBytes: 20 },
  ]);
  await scoped.insertOne('fabrikam', { tenantId: 'fabrikam', userPrincipalName: 'anna@contoso.it', sizeBytes: 99 });

  const found = await scoped.findOne('contoso', { userPrincipalName: 'anna@contoso.it' });
  expect(found?.sizeBytes).toBe(10);

  await scoped.updateOne('contoso', { userPrincipalName: 'bruno@contoso.it' }, { $set: { sizeBytes: 21 } });
  expect((await scoped.findOne('contoso', { userPrincipalName: 'bruno@contoso.it' }))?.sizeBytes).toBe(21);

  await scoped.deleteOne('contoso', { userPrincipalName: 'anna@contoso.it' });
  expect(await scoped.countDocuments('contoso')).toBe(1);
  expect(await scoped.countDocuments('fabrikam')).toBe(1);
});

test('the unique index rejects a duplicate within a tenant but not across tenants', async () => {
  const scoped = mailboxes.scoped(database.db);
  await scoped.insertOne('t1', { tenantId: 't1', userPrincipalName: 'dup@x.it', sizeBytes: 1 });
  await expect(scoped.insertOne('t1', { tenantId: 't1', userPrincipalName: 'dup@x.it', sizeBytes: 2 })).rejects.toThrow(
    /duplicate key/i,
  );
  await expect(
    scoped.insertOne('t2', { tenantId: 't2', userPrincipalName: 'dup@x.it', sizeBytes: 3 }),
  ).resolves.toBeUndefined();
});

test('refuses any query or write that does not name its tenant, or names another one', async () => {
  const scoped = mailboxes.scoped(database.db);
  expect(() => scoped.find('', {})).toThrow(TenantScopeError);
  expect(() => scoped.find(undefined as unknown as string)).toThrow(TenantScopeError);
  expect(() => scoped.find('contoso', { tenantId: 'fabrikam' })).toThrow(/different tenant/);
  await expect(scoped.countDocuments('  ')).rejects.toThrow(TenantScopeError);
  await expect(
    scoped.insertOne('contoso', { tenantId: 'fabrikam', userPrincipalName: 'x@y.it', sizeBytes: 1 }),
  ).rejects.toThrow(TenantScopeError);
  await expect(scoped.updateMany('contoso', {}, { $set: { tenantId: 'fabrikam' } })).rejects.toThrow(/another tenant/);
  await expect(scoped.deleteMany('', {})).rejects.toThrow(TenantScopeError);
  expect(await scoped.countDocuments('fabrikam', { userPrincipalName: 'x@y.it' })).toBe(0);
});

test('a tenant collection cannot be declared with an index that does not lead with tenantId', () => {
  expect(() => defineTenantCollection('test_bad', [{ key: { createdAt: 1 }, name: 'bad' }])).toThrow(
    /lead with tenantId/,
  );
});

test('point reads and writes by composite id stay inside the tenant the id names', async () => {
  const scoped = mailboxes.scoped(database.db);
  await scoped.upsertById('t9', 't9|anna', { userPrincipalName: 'anna@t9.it', sizeBytes: 5 });
  await scoped.upsertById('t9', 't9|anna', { sizeBytes: 6 });
  expect(await scoped.findById('t9', 't9|anna')).toMatchObject({ tenantId: 't9', sizeBytes: 6 });
  await expect(scoped.findById('t8', 't9|anna')).rejects.toThrow(/does not belong/);
  await expect(scoped.upsertById('t8', 't9|anna', { sizeBytes: 7 })).rejects.toThrow(TenantScopeError);
  await expect(scoped.updateById('t9', 't9|anna', { $set: { tenantId: 't8' } })).rejects.toThrow(/another tenant/);
  expect((await scoped.findById('t9', 't9|anna'))?.sizeBytes).toBe(6);
});

test('upsertMany writes a whole plan in one round trip, inside its tenant only', async () => {
  const scoped = mailboxes.scoped(database.db);
  await scoped.insertOne('plan-b', { tenantId: 'plan-b', userPrincipalName: 'anna@x.it', sizeBytes: 7 });
  await scoped.insertOne('plan-a', { tenantId: 'plan-a', userPrincipalName: 'anna@x.it', sizeBytes: 1 });
  const plan = (sizeBytes: number) =>
    ['anna@x.it', 'bruno@x.it', 'carla@x.it'].map((userPrincipalName) => ({
      filter: { userPrincipalName },
      update: { $set: { sizeBytes, tenantId: 'plan-a' } },
    }));
  await scoped.upsertMany('plan-a', plan(2));
  await scoped.upsertMany('plan-a', plan(3));

  const written = await scoped.find('plan-a', {}, { projection: { _id: 0 } }).toArray();
  expect(written.map(({ userPrincipalName, sizeBytes }) => [userPrincipalName, sizeBytes]).sort()).toEqual([
    ['anna@x.it', 3],
    ['bruno@x.it', 3],
    ['carla@x.it', 3],
  ]);
  expect((await scoped.findOne('plan-b', { userPrincipalName: 'anna@x.it' }))?.sizeBytes).toBe(7);
  await expect(
    scoped.upsertMany('plan-a', [{ filter: { tenantId: 'plan-b', userPrincipalName: 'x' }, update: { $set: {} } }]),
  ).rejects.toThrow(/different tenant/);
  await expect(
    scoped.upsertMany('plan-a', [{ filter: { userPrincipalName: 'x' }, update: { $set: { tenantId: 'plan-b' } } }]),
  ).rejects.toThrow(/another tenant/);
});

test('an unordered insertMany that meets records already there inserts the rest and says only "duplicate"', async () => {
  const scoped = mailboxes.scoped(database.db);
  const record = (userPrincipalName: string) => ({ tenantId: 'replan', userPrincipalName, sizeBytes: 0 });
  await scoped.insertMany('replan', [record('anna@x.it'), record('bruno@x.it')]);
  const again = scoped.insertMany('replan', [record('anna@x.it'), record('carla@x.it'), record('bruno@x.it')]);
  const error = await again.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isDuplicateKeyError(error)).toBe(true);
  const names = (await scoped.find('replan', {}).toArray()).map((found) => found.userPrincipalName).sort();
  expect(names).toEqual(['anna@x.it', 'bruno@x.it', 'carla@x.it']);
});
