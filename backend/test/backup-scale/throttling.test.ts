import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { PlainGraph } from './plain-graph.js';
import { catalogDifferences, removeLargeGeneratedFile, simulatorInventory } from './inventory.js';

/**
 * The simulator counts a mailbox's requests in fixed windows (10 minutes, 60 s at this scale). The run must reach the
 * exhausted mailbox inside the window the exhaustion filled: at a scale of 30 (20 s windows) the exhaustion plus the
 * run's first units sometimes outlasted the window, and the run then met no 429 at all.
 */
const timeScale = 10;
let harness: BackupHarness;
beforeAll(async () => {
  harness = await startBackupHarness({
    generate: { users: 2, messagesPerUser: 60, filesPerUser: 3, seed: 31 },
    enforceLimits: true,
    timeScale,
  });
  removeLargeGeneratedFile(harness.sim.control);
});
afterAll(() => harness?.stop());

/** Spends a mailbox's whole Outlook budget (10,000 requests per window) with the same app, as another process might. */
async function exhaustMailboxBudget(graph: PlainGraph, userId: string): Promise<void> {
  let sent = 0;
  const lane = async (): Promise<void> => {
    while (sent++ < 10_000) {
      await graph.status(`/users/${encodeURIComponent(userId)}/mailFolders/inbox`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
}

test('Graph throttling (429 with Retry-After, limits enforced on a time scale) slows a run but does not fail it', async () => {
  const { sim } = harness;
  const graph = await PlainGraph.connect(sim);
  const throttledUser = sim.control.listUsers()[0]!.id;
  await exhaustMailboxBudget(graph, throttledUser);
  sim.control.resetCounters();

  const { run } = await harness.runJob({
    name: 'Sotto limite',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive', 'sharepoint'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(run.status).toBe('succeeded');
  expect(sim.control.counters().byResource[`mailbox:${throttledUser}`]?.throttled).toBeGreaterThan(0);
  expect(harness.gateway.counters().total.throttled).toBeGreaterThan(0);

  const expected = await simulatorInventory(sim.control, graph);
  const difference = await catalogDifferences(harness.database.db, harness.tenantId, expected);
  expect(difference).toEqual({ current: expected.length, missing: [], unexpected: [], duplicated: [] });
}, 180_000);
