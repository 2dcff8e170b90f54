import { MongoClient, type AnyBulkWriteOperation } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';

// FerretDB 1.24 holds a PostgreSQL connection per update statement until its command ends and needs another to
// write; with its default pool of 50 both of these waited for ever. devdb gives it a larger pool (src/postgres.ts).
let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('devdb_concurrency');
});
afterAll(() => database.dispose());

test('150 updates sent at once on as many connections all land', async () => {
  // Warm connections, so that the updates really run at once; each filter matches several records (the read stays
  // open after the first), as `updateOne` on a tenant and a resource does.
  const client = await MongoClient.connect(database.uri, { maxPoolSize: 150, minPoolSize: 150, maxConnecting: 150 });
  try {
    const counters = client.db(database.name).collection<{ _id: string; group: number; count: number }>('counters');
    await counters.insertMany(
      Array.from({ length: 600 }, (_, index) => ({ _id: `c${index}`, group: index % 150, count: 0 })),
    );
    await Promise.all(Array.from({ length: 150 }, (_, group) => counters.updateOne({ group }, { $inc: { count: 1 } })));
    expect(await counters.countDocuments({ count: 1 })).toBe(150);
  } finally {
    await client.close();
  }
});

test('one bulk write of 80 updates lands', async () => {
  const notes = database.db.collection<{ _id: string; seen: boolean }>('notes');
  await notes.insertMany(Array.from({ length: 80 }, (_, index) => ({ _id: `n${index}`, seen: false })));
  const updates: AnyBulkWriteOperation<{ _id: string; seen: boolean }>[] = Array.from({ length: 80 }, (_, index) => ({
    updateOne: { filter: { _id: `n${index}` }, update: { $set: { seen: true } } },
  }));
  const result = await notes.bulkWrite(updates, { ordered: false });
  expect(result.modifiedCount).toBe(80);
});
