import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { defineTenantCollection, ensureIndexes, TenantScopeError } from '../../src/db/index.js';

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
