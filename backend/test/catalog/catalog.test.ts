import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes } from '../../src/db/index.js';
import { Catalog, searchTermsOf, type NewItemVersion } from '../../src/catalog/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('catalog');
  await ensureIndexes(database.db);
});
afterAll(() => database.dispose());

function message(graphId: string, versionKey: string, subject: string, containerId = 'mail:inbox'): NewItemVersion {
  return {
    resourceId: 'mailbox:anna',
    kind: 'message',
    graphId,
    versionKey,
    containerId,
    containerPath: 'Posta in arrivo',
    name: subject,
    from: 'bruno@contoso.it',
    to: ['anna@contoso.it'],
    size: 100,
    itemDate: new Date('2026-03-01T10:00:00Z'),
    properties: {},
    content: { blobIds: ['b1'], size: 100, sha256: 'h1' },
    searchTerms: searchTermsOf(subject, 'bruno@contoso.it'),
  };
}

test('a replayed page records no duplicate, and a change closes the previous version', async () => {
  const catalog = new Catalog(database.db, 'tenant-a');
  const t1 = new Date('2026-01-01T00:00:00Z');
  const t2 = new Date('2026-01-02T00:00:00Z');
  await catalog.recordVersions([message('m1', 'ck1', 'Fattura gennaio')], 'run1', t1);
  await catalog.recordVersions([message('m1', 'ck1', 'Fattura gennaio')], 'run1', t1);
  await catalog.recordVersions([message('m1', 'ck2', 'Fattura gennaio (rettifica)')], 'run2', t2);

  const history = await catalog.history('mailbox:anna', 'm1');
  expect(history.map((v) => [v.versionKey, v.validTo?.toISOString() ?? null])).toEqual([
    ['ck2', null],
    ['ck1', t2.toISOString()],
  ]);
});

test('browsing a folder at a point in time shows what was there then, deletions included', async () => {
  const catalog = new Catalog(database.db, 'tenant-b');
  const before = new Date('2026-02-01T00:00:00Z');
  const deletedAt = new Date('2026-02-10T00:00:00Z');
  await catalog.recordVersions([message('m1', 'k', 'Preventivo'), message('m2', 'k', 'Ordine')], 'run1', before);
  await catalog.recordDeletions('mailbox:anna', ['m2'], 'run2', deletedAt);

  const then = await catalog.browse('mailbox:anna', 'mail:inbox', new Date('2026-02-05T00:00:00Z'));
  const now = await catalog.browse('mailbox:anna', 'mail:inbox');
  expect(then.map((v) => v.graphId).sort()).toEqual(['m1', 'm2']);
  expect(now.map((v) => v.graphId)).toEqual(['m1']);
});

test('a full round closes the items it did not see since it began', async () => {
  const catalog = new Catalog(database.db, 'tenant-c');
  await catalog.recordVersions(
    [message('m1', 'k', 'uno'), message('m2', 'k', 'due'), message('m3', 'k', 'tre', 'mail:other')],
    'run1',
    new Date('2026-03-01T00:00:00Z'),
  );
  const roundStart = new Date('2026-03-02T00:00:00Z');
  await catalog.touchVersions('mailbox:anna', ['m1'], 'run2', new Date('2026-03-02T01:00:00Z'));
  const closed = await catalog.closeUnseen('mailbox:anna', { containerId: 'mail:inbox' }, roundStart, 'run2');

  expect(closed).toBe(1);
  const current = (await catalog.currentItems('mailbox:anna')).map((v) => v.graphId).sort();
  expect(current).toEqual(['m1', 'm3']);
});

test('search finds items by every word of subject and sender, within one tenant only', async () => {
  const mine = new Catalog(database.db, 'tenant-d');
  const theirs = new Catalog(database.db, 'tenant-e');
  await mine.recordVersions([message('m1', 'k', 'Contratto fornitura Milano')], 'run1', new Date());
  await theirs.recordVersions([message('m1', 'k', 'Contratto fornitura Roma')], 'run1', new Date());

  expect((await mine.search({ words: ['contratto', 'MILANO'] })).map((v) => v.name)).toEqual([
    'Contratto fornitura Milano',
  ]);
  expect(await mine.search({ words: ['roma'] })).toEqual([]);
  expect((await mine.search({ words: ['bruno'] })).length).toBe(1);
});

test('delta cursors survive and move only when saved', async () => {
  const catalog = new Catalog(database.db, 'tenant-f');
  expect(await catalog.deltaCursor('mailbox:anna', 'mail:inbox')).toBeNull();
  await catalog.saveDeltaCursor('mailbox:anna', 'mail:inbox', {
    link: 'https://graph/next?$skiptoken=1',
    roundComplete: false,
    fullRoundStartedAt: new Date('2026-01-01T00:00:00Z'),
  });
  const cursor = await catalog.deltaCursor('mailbox:anna', 'mail:inbox');
  expect(cursor?.link).toContain('skiptoken');
  expect(cursor?.roundComplete).toBe(false);
});
