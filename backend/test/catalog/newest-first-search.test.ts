import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes, runUpgrades } from '../../src/db/index.js';
import {
  Catalog,
  dateBucketsCollection,
  itemVersionsCollection,
  searchTermsOf,
  type ItemVersion,
  type NewItemVersion,
} from '../../src/catalog/index.js';
import { crowdedMonth } from '../../src/catalog/newest-first-search.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('newest_first');
  await ensureIndexes(database.db);
});
afterAll(() => database.dispose());

const words = ['fattura', 'preventivo', 'cantiere', 'verbale'];
const day = 86_400_000;

interface Sample {
  resourceId: string;
  graphId: string;
  itemDate?: Date;
  terms: string[];
}

/**
 * Two mailboxes over three years: most months sparse, one month crowded past the day-at-a-time threshold (400
 * messages in March 2026 that all hold `marzo`, several on the same instant so the Graph id decides), and a few
 * versions with no date.
 */
function samples(): Sample[] {
  const list: Sample[] = [];
  const add = (resourceId: string, index: number, itemDate: Date | undefined, extra: string[] = []) =>
    list.push({
      resourceId,
      graphId: `m${String(index).padStart(4, '0')}`,
      ...(itemDate && { itemDate }),
      terms: [
        words[index % words.length]!,
        words[(index * 3 + 1) % words.length]!,
        ...(index % 5 === 0 ? ['raro'] : []),
        ...extra,
      ],
    });
  let index = 0;
  for (let month = 0; month < 36; month++) {
    for (let n = 0; n < 6; n++) {
      add(index % 2 === 0 ? 'mailbox:anna' : 'mailbox:bruno', index, new Date(Date.UTC(2024, month, 1 + n * 4, n)));
      index++;
    }
  }
  for (let n = 0; n < 400; n++) {
    add('mailbox:anna', index++, new Date(Date.UTC(2026, 2, 1) + Math.floor(n / 3) * (day / 5)), ['marzo']);
  }
  for (let n = 0; n < 5; n++) add('mailbox:bruno', index++, undefined);
  return list;
}

function version(sample: Sample): NewItemVersion {
  return {
    resourceId: sample.resourceId,
    kind: 'message',
    graphId: sample.graphId,
    versionKey: 'k1',
    containerId: 'mail:inbox',
    containerPath: 'Posta in arrivo',
    name: sample.terms.join(' '),
    size: 100,
    ...(sample.itemDate && { itemDate: sample.itemDate }),
    properties: {},
    searchTerms: searchTermsOf(sample.terms.join(' ')),
  };
}

/** What one query sorted by date (newest first, then Graph id, undated last) over every match returns. */
function reference(
  all: readonly Sample[],
  query: { words: string[]; resourceIds?: string[]; from?: Date; to?: Date; skip: number; limit: number },
): string[] {
  return all
    .filter((sample) => query.words.every((word) => sample.terms.includes(word)))
    .filter((sample) => !query.resourceIds || query.resourceIds.includes(sample.resourceId))
    .filter((sample) => !query.from || (sample.itemDate !== undefined && sample.itemDate >= query.from))
    .filter((sample) => !query.to || (sample.itemDate !== undefined && sample.itemDate < query.to))
    .sort((a, b) => {
      const at = a.itemDate?.getTime() ?? -Infinity;
      const bt = b.itemDate?.getTime() ?? -Infinity;
      return at !== bt ? bt - at : a.graphId < b.graphId ? -1 : 1;
    })
    .slice(query.skip, query.skip + query.limit)
    .map((sample) => sample.graphId);
}

async function recordAll(catalog: Catalog, all: readonly Sample[]): Promise<void> {
  for (let start = 0; start < all.length; start += 100) {
    await catalog.recordVersions(all.slice(start, start + 100).map(version), 'run-1', new Date());
  }
}

test('search pages newest first exactly as one sorted query over every match, in a mailbox, several, or the tenant', async () => {
  const all = samples();
  const catalog = new Catalog(database.db, 'tenant-order');
  await recordAll(catalog, all);
  const queries = [
    { words: ['fattura'], resourceIds: ['mailbox:anna'], skip: 0, limit: 100 },
    { words: ['fattura'], resourceIds: ['mailbox:anna'], skip: 100, limit: 100 },
    { words: ['preventivo'], resourceIds: ['mailbox:anna'], skip: 0, limit: 500 },
    { words: ['raro'], resourceIds: ['mailbox:bruno'], skip: 0, limit: 10 },
    { words: ['cantiere'], resourceIds: ['mailbox:anna', 'mailbox:bruno'], skip: 30, limit: 40 },
    { words: ['verbale'], skip: 0, limit: 1_000 },
    { words: ['fattura', 'raro'], skip: 5, limit: 20 },
    {
      words: ['fattura'],
      resourceIds: ['mailbox:anna'],
      from: new Date('2025-02-10T00:00:00Z'),
      to: new Date('2026-03-20T00:00:00Z'),
      skip: 0,
      limit: 60,
    },
    { words: ['preventivo'], resourceIds: ['mailbox:bruno'], skip: 100, limit: 100 },
    { words: ['assente'], skip: 0, limit: 100 },
    // More matches in one month than a month read takes: that month is read a day at a time.
    { words: ['marzo'], resourceIds: ['mailbox:anna'], skip: 0, limit: 50 },
    { words: ['marzo'], skip: 120, limit: 100 },
    { words: ['marzo', 'fattura'], resourceIds: ['mailbox:anna'], skip: 10, limit: 30 },
  ];
  for (const query of queries) {
    const found = await catalog.search(query);
    expect({ query, found: found.map((row) => row.graphId) }).toEqual({ query, found: reference(all, query) });
  }
});

test('each month is counted in its resource and in the tenant, a crowded one past the day-at-a-time threshold', async () => {
  const all = samples();
  const catalog = new Catalog(database.db, 'tenant-counts');
  await recordAll(catalog, all);
  const buckets = await dateBucketsCollection.scoped(database.db).find('tenant-counts', { month: '2026-03' }).toArray();
  const inMarch = all.filter((sample) => sample.itemDate?.toISOString().startsWith('2026-03'));
  const count = (resourceId: string) => inMarch.filter((sample) => sample.resourceId === resourceId).length;
  expect(Object.fromEntries(buckets.map((bucket) => [bucket.scope, bucket.versions]))).toEqual({
    'mailbox:anna': count('mailbox:anna'),
    'mailbox:bruno': count('mailbox:bruno'),
    '*': inMarch.length,
  });
  expect(count('mailbox:anna')).toBeGreaterThan(crowdedMonth);
});

test('two workers recording the first versions of the same month both land in it', async () => {
  const catalog = new Catalog(database.db, 'tenant-race');
  const sample = (resourceId: string, index: number): Sample => ({
    resourceId,
    graphId: `r${index}`,
    itemDate: new Date(Date.UTC(2026, 6, 1 + index)),
    terms: ['gara'],
  });
  await Promise.all(
    Array.from({ length: 6 }, (_, index) =>
      new Catalog(database.db, 'tenant-race').recordVersions(
        [version(sample(`mailbox:u${index}`, index))],
        `run-${index}`,
        new Date(),
      ),
    ),
  );
  expect((await catalog.search({ words: ['gara'] })).map((row) => row.graphId)).toEqual([
    'r5',
    'r4',
    'r3',
    'r2',
    'r1',
    'r0',
  ]);
});

test('versions recorded before search walked months are found once the database is upgraded', async () => {
  const versions = itemVersionsCollection.raw(database.db);
  const old: ItemVersion[] = [0, 1].map((index) => ({
    ...version({
      resourceId: 'mailbox:carla',
      graphId: `old${index}`,
      itemDate: new Date(Date.UTC(2023, index * 6, 3)),
      terms: ['archivio'],
    }),
    // As recorded before: no month, no day, no count.
    tenantId: 'tenant-upgrade',
    firstRunId: 'run-0',
    lastRunId: 'run-0',
    lastSeenAt: new Date('2024-01-01T00:00:00Z'),
    validFrom: new Date('2024-01-01T00:00:00Z'),
    validTo: null,
    deletedAt: null,
  })) as ItemVersion[];
  await versions.insertMany(old);
  const catalog = new Catalog(database.db, 'tenant-upgrade');
  expect(await catalog.search({ words: ['archivio'] })).toEqual([]);

  await runUpgrades(database.db);

  expect((await catalog.search({ words: ['archivio'] })).map((row) => row.graphId)).toEqual(['old1', 'old0']);
  expect(
    (await catalog.search({ words: ['archivio'], resourceIds: ['mailbox:carla'] })).map((row) => row.itemMonth),
  ).toEqual(['2023-07', '2023-01']);
});
