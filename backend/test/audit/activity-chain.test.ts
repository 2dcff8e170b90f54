import type { ActivityLog } from '../../src/api/index.js';
import { randomBytes } from 'node:crypto';
import { genesisHash, sealEntry, unkeyedHash } from '../../src/audit/activity-seal.js';
import { activityEntries, activityHeads, type Actor } from '../../src/audit/activity-store.js';
import { startSeededHarness, tenantA, tenantB, type Harness, type TestPerson } from '../api/support/harness.js';

let api: Harness;
let admin: TestPerson;
const actor: Actor = { kind: 'person', id: 'oid-1', name: 'Anna', email: 'anna@1111.example', role: 'tenant_admin' };

beforeAll(async () => {
  ({ api, admin } = await startSeededHarness('activity'));
});
afterAll(() => api.close());

async function freshLog(tenantId: string, rows: number): Promise<ActivityLog> {
  const log = api.services.activity;
  for (let i = 0; i < rows; i += 1) {
    await log.append(tenantId, actor, { action: 'test.step', details: { step: i } });
  }
  return log;
}

test('concurrent appends form one unbroken chain, numbered without gaps', async () => {
  const log = api.services.activity;
  const tenant = 'concurrent-tenant';
  await Promise.all(
    Array.from({ length: 25 }, (_, i) => log.append(tenant, actor, { action: 'test.parallel', details: { i } })),
  );
  const rows = await activityEntries
    .scoped(api.database.db)
    .find(tenant, {}, { sort: { seq: 1 } })
    .toArray();
  expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  expect(await api.services.activity.verify(tenant)).toEqual({
    intact: true,
    entriesChecked: 25,
    lastSeq: 25,
    problems: [],
  });
});

test('an edited row is detected', async () => {
  const tenant = 'edited-tenant';
  await freshLog(tenant, 5);
  await activityEntries
    .scoped(api.database.db)
    .updateOne(tenant, { seq: 3 }, { $set: { 'actor.email': 'someone-else@x.example' } });
  expect(await api.services.activity.verify(tenant)).toMatchObject({
    intact: false,
    problems: [{ kind: 'edited', seq: 3 }],
  });
});

test('a row deleted from the middle is detected', async () => {
  const tenant = 'deleted-tenant';
  await freshLog(tenant, 5);
  await activityEntries.scoped(api.database.db).deleteOne(tenant, { seq: 2 });
  const result = await api.services.activity.verify(tenant);
  expect(result.intact).toBe(false);
  expect(result.problems).toEqual(
    expect.arrayContaining([
      { kind: 'missing', seq: 2 },
      { kind: 'relinked', seq: 3 },
    ]),
  );
});

test('deleting the newest rows is detected through the head', async () => {
  const tenant = 'truncated-tenant';
  await freshLog(tenant, 4);
  await activityEntries.scoped(api.database.db).deleteMany(tenant, { seq: { $gte: 3 } });
  expect(await api.services.activity.verify(tenant)).toMatchObject({
    intact: false,
    problems: [{ kind: 'truncated', seq: 3 }],
  });
});

test('an edited row re-sealed without the chain key is detected, as plain or keyed with a guessed key', async () => {
  const tenant = 'rehashed-tenant';
  await freshLog(tenant, 4);
  const scoped = activityEntries.scoped(api.database.db);
  const row = await scoped.findOne(tenant, { seq: 2 }, { projection: { _id: 0 } });
  if (!row) throw new Error('row 2 missing');
  const { hash: _old, seal: _seal, ...rest } = row;
  const edited = { ...rest, action: 'test.innocent' };
  await scoped.updateOne(
    tenant,
    { seq: 2 },
    { $set: { action: 'test.innocent', hash: unkeyedHash(edited) }, $unset: { seal: '' } },
  );
  expect(await api.services.activity.verify(tenant)).toMatchObject({
    intact: false,
    problems: [
      { kind: 'edited', seq: 2 },
      { kind: 'relinked', seq: 3 },
    ],
  });
  await scoped.updateOne(
    tenant,
    { seq: 2 },
    { $set: { hash: sealEntry(edited, randomBytes(32)), seal: 'hmac-sha256' } },
  );
  expect((await api.services.activity.verify(tenant)).problems).toContainEqual({ kind: 'edited', seq: 2 });
});

test('rows written before sealing still verify, and an unsealed row after a sealed one is an edit', async () => {
  const tenant = 'legacy-tenant';
  const scoped = activityEntries.scoped(api.database.db);
  let prevHash = genesisHash;
  for (const seq of [1, 2]) {
    const unsealed = {
      tenantId: tenant,
      seq,
      at: new Date(),
      actor,
      action: 'test.legacy',
      category: 'test',
      prevHash,
    };
    prevHash = unkeyedHash(unsealed);
    await scoped.insertOne(tenant, { ...unsealed, hash: prevHash });
  }
  await api.services.activity.append(tenant, actor, { action: 'test.sealed' });
  expect(await api.services.activity.verify(tenant)).toMatchObject({ intact: true, entriesChecked: 3 });
  const sealed = (await scoped.findOne(tenant, { seq: 3 }, { projection: { _id: 0 } }))!;
  const { hash: _h, seal: _s, ...content } = sealed;
  const downgraded = { ...content, seq: 4, prevHash: sealed.hash, action: 'test.forged' };
  await scoped.insertOne(tenant, { ...downgraded, hash: unkeyedHash(downgraded) });
  expect((await api.services.activity.verify(tenant)).problems).toContainEqual({ kind: 'edited', seq: 4 });
});

test('the verification endpoint reports tampering to the tenant admin, and one tenant does not see another', async () => {
  const token = await api.token(admin);
  await api.call('POST', '/me/sign-in', { token });
  await api.call('POST', '/me/sign-in', { token });
  expect(await api.call('GET', '/activity/verification', { token })).toMatchObject({
    status: 200,
    body: { intact: true },
  });
  await activityEntries.scoped(api.database.db).updateOne(tenantA, { seq: 1 }, { $set: { action: 'session.nothing' } });
  expect(await api.call('GET', '/activity/verification', { token })).toMatchObject({
    status: 200,
    body: { intact: false, problems: [{ kind: 'edited', seq: 1 }] },
  });
  expect((await api.call('GET', '/activity', { token })).text).not.toContain(tenantB);
  expect(await activityHeads.scoped(api.database.db).countDocuments(tenantB)).toBe(0);
});

test('lists filter by type, person and date, page with a cursor, and export as CSV', async () => {
  const tenant = tenantA;
  const log = api.services.activity;
  const other: Actor = { ...actor, email: 'bruno@1111.example', name: '=HYPERLINK("x")' };
  for (let i = 0; i < 7; i += 1)
    await log.append(tenant, i % 2 ? other : actor, { action: i % 2 ? 'portal_user.invited' : 'settings.changed' });
  const token = await api.token(admin);
  const byPerson = await api.call('GET', '/activity?person=BRUNO@1111.example&limit=2', { token });
  const first = byPerson.body as { items: { seq: number; actor: { email: string } }[]; nextCursor: string };
  expect(first.items).toHaveLength(2);
  expect(first.items.every((e) => e.actor.email === 'bruno@1111.example')).toBe(true);
  const second = await api.call('GET', `/activity?person=bruno@1111.example&limit=2&cursor=${first.nextCursor}`, {
    token,
  });
  const secondItems = (second.body as { items: { seq: number }[]; nextCursor: string | null }).items;
  expect(secondItems).toHaveLength(1);
  expect(secondItems[0]!.seq).toBeLessThan(first.items[1]!.seq);
  expect((second.body as { nextCursor: string | null }).nextCursor).toBeNull();

  const byCategory = await api.call('GET', '/activity?category=settings', { token });
  expect((byCategory.body as { items: unknown[] }).items).toHaveLength(4);
  // A category the log never records is a mistaken filter, refused with the field named, not an empty page.
  const unknownCategory = await api.call('GET', '/activity?category=settingz', { token });
  expect(unknownCategory.status).toBe(400);
  expect(JSON.stringify(unknownCategory.body)).toContain('category');
  const future = await api.call(
    'GET',
    `/activity?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    { token },
  );
  expect((future.body as { items: unknown[] }).items).toHaveLength(0);
  const badCursor = await api.call('GET', '/activity?cursor=bm9wZQ', { token });
  expect(badCursor.status).toBe(400);

  const csv = await api.call('GET', '/activity/export.csv?category=portal_user', { token });
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe(
    'seq,at,actor_name,actor_email,actor_role,action,target_type,target_id,target_label,details,hash',
  );
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain('"\'=HYPERLINK(""x"")"');
});
