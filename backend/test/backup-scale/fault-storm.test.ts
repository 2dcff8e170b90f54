import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { PlainGraph } from './plain-graph.js';
import { catalogDifferences, removeLargeGeneratedFile, simulatorInventory } from './inventory.js';
import { itemsWithWrongContent } from './catalog-content.js';

let harness: BackupHarness;
beforeAll(async () => {
  harness = await startBackupHarness({
    generate: { users: 3, messagesPerUser: 60, filesPerUser: 4, seed: 21 },
    faults: { seed: 21, rate503: 0.1, resetRate: 0.1 },
  });
  removeLargeGeneratedFile(harness.sim.control);
});
afterAll(() => harness?.stop());

test('a storm of 10% 503s and 10% connection resets slows a run but it ends without failure and misses nothing', async () => {
  const { run } = await harness.runJob({
    name: 'Tempesta',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive', 'sharepoint'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(['succeeded', 'warning']).toContain(run.status);
  expect(run.progress.resourcesFailed).toBe(0);
  expect(harness.gateway.counters().total.retries).toBeGreaterThan(0);

  const { control } = harness.sim;
  const expected = await simulatorInventory(control, await PlainGraph.connect(harness.sim));
  const difference = await catalogDifferences(harness.database.db, harness.tenantId, expected);
  expect(difference).toEqual({ current: expected.length, missing: [], unexpected: [], duplicated: [] });
  expect(await itemsWithWrongContent(harness.database.db, harness.tenantId, control, expected)).toEqual([]);
}, 180_000);
