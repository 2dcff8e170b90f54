import type { Document } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { wholeReads } from '../../../test-support/plan-scans.js';

// FerretDB hands PostgreSQL a lookup by `_id` as `_jsonb -> '_id' @> value`, a find and the read before an update or an
// upsert alike (PostgreSQL's pg_stat_statements shows the same statement for both; FerretDB's explain of an update
// shows no filter at all, so only the find is asked here); devdb indexes `_id` for it (src/pushdown-indexes.ts).
// Without that index every such lookup read the whole table, so writing N records one by one cost N² rows. When
// MONGODB_URI names a MongoDB server, the lookup must not scan the collection either.
let database: TestDatabase;
const records = 3_000;

beforeAll(async () => {
  database = await openTestDatabase('devdb_ids');
  const folders = database.db.collection<{ _id: string; name: string }>('folders');
  await folders.insertMany(
    Array.from({ length: records }, (_, index) => ({ _id: `folder-${index}`, name: `n${index}` })),
  );
}, 60_000);
afterAll(() => database.dispose());

async function scansOf(command: Document): Promise<string[]> {
  const plan = await database.db.command({ explain: command, verbosity: 'queryPlanner' });
  return wholeReads(plan.queryPlanner ?? plan);
}

test('a find by _id reads no whole table', async () => {
  expect(await scansOf({ find: 'folders', filter: { _id: 'folder-1234' } })).toEqual([]);
});

test('the check sees a scan where there is one: a filter on a field no index holds', async () => {
  expect(await scansOf({ find: 'folders', filter: { name: 'n1234' } })).not.toEqual([]);
});
