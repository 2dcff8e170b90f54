import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { defineUpgrade, runUpgrades } from '../../src/db/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('upgrades');
});
afterAll(() => database.dispose());

test('processes starting together each apply the pending upgrades and start; the upgrade is recorded once', async () => {
  let applied = 0;
  defineUpgrade('test-started-together', async (db) => {
    applied += 1;
    await db.collection('test_upgraded').updateOne({ _id: 'marker' as never }, { $set: { v: 2 } }, { upsert: true });
  });

  // Six processes' start-ups: all see the upgrade pending, all apply it (upgrades are idempotent), all record it.
  await expect(Promise.all(Array.from({ length: 6 }, () => runUpgrades(database.db)))).resolves.toHaveLength(6);

  expect(applied).toBeGreaterThanOrEqual(1);
  const records = await database.db
    .collection('schemaUpgrades')
    .find({ _id: 'test-started-together' as never })
    .toArray();
  expect(records).toHaveLength(1);
  const before = applied;
  await runUpgrades(database.db);
  expect(applied).toBe(before);
});
