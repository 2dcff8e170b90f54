import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes, runUpgrades } from '../../src/db/index.js';
import { Catalog, itemVersionsCollection, searchTermsOf, type NewItemVersion } from '../../src/catalog/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('search_buckets');
  await ensureIndexes(database.db);
});
afterAll(() => database.dispose());

const vocabulary = [
  'fattura',
  'preventivo',
  'cantiere',
  'riunione',
  'contratto',
  'ordine',
  'verbale',
  'offerta',
  'bilancio',
  'ferie',
  'acquisti',
  'rossi',
  'bianchi',
  'milano',
  'torino',
  'gennaio',
  'marzo',
  '2026',
  'urgente',
  'firmato',
];

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

function subjects(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 2 + Math.floor(random() * 6) },
      () => vocabulary[Math.floor(random() * vocabulary.length)],
    ).join(' '),
  );
}

function mail(resourceId: string, index: number, subject: string): NewItemVersion {
  return {
    resourceId,
    kind: 'message',
    graphId: `m${index}`,
    versionKey: 'k1',
    containerId: 'mail:inbox',
    containerPath: 'Posta in arrivo',
    name: subject,
    size: 100,
    itemDate: new Date(Date.UTC(2026, 0, 1) + index * 60_000),
    properties: {},
    searchTerms: searchTermsOf(subject),
  };
}

test('a search finds exactly the versions holding every word, for any number of words', async () => {
  const random = sequence(42);
  const catalog = new Catalog(database.db, 'tenant-words');
  const texts = subjects(300, random);
  await catalog.recordVersions(
    texts.map((subject, index) => mail('mailbox:anna', index, subject)),
    'run-1',
    new Date('2026-02-01T00:00:00Z'),
  );
  for (let query = 0; query < 40; query++) {
    const words = Array.from({ length: 1 + (query % 10) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    const expected = texts
      .map((subject, index) => ({ terms: new Set(subject.split(' ')), graphId: `m${index}` }))
      .filter(({ terms }) => words.every((word) => terms.has(word)))
      .map(({ graphId }) => graphId)
      .sort();
    const found = await catalog.search({ words, limit: 1_000 });
    expect({ words, found: found.map((version) => version.graphId).sort() }).toEqual({ words, found: expected });
  }
});

test('versions recorded before search used buckets are found once the database is upgraded', async () => {
  const versions = itemVersionsCollection.raw(database.db);
  const subject = 'Verbale cantiere Torino';
  await versions.insertOne({
    ...mail('mailbox:bruno', 1, subject),
    tenantId: 'tenant-old',
    firstRunId: 'run-0',
    lastRunId: 'run-0',
    lastSeenAt: new Date('2025-01-01T00:00:00Z'),
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validTo: null,
    deletedAt: null,
  });
  await versions.createIndex({ tenantId: 1, searchTerms: 1 }, { name: 'search_terms' });
  const catalog = new Catalog(database.db, 'tenant-old');
  expect(await catalog.search({ words: ['cantiere', 'torino'] })).toEqual([]);

  await runUpgrades(database.db);

  expect((await catalog.search({ words: ['cantiere', 'torino'] })).map((version) => version.name)).toEqual([subject]);
  expect((await versions.indexes()).map((index) => index.name)).not.toContain('search_terms');
});
