import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, type BatchRequest, type GraphLimits, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

/** SharePoint's 1,250 resource units per minute become 1,250 per 3 s: reachable in a test. */
const timeScale = 20;

let database: TestDatabase;
let simulator: RunningSimulator;

beforeAll(async () => {
  database = await openTestDatabase('graphsharepoint');
  simulator = await startSimulator({
    generate: { users: 1, messagesPerUser: 1, filesPerUser: 4, seed: 9 },
    enforceLimits: true,
    timeScale,
  });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

/** `loops` workers each reading one drive item (1 resource unit) `perLoop` times. */
async function hammer(limits: Partial<GraphLimits>, loops: number, perLoop: number, target = simulator) {
  const gateway = await GraphGateway.open({ connection: connectionTo(target), db: database.db, limits });
  const user = target.control.listUsers()[0]!;
  const drive: ResourceKey = { kind: 'drive', driveId: user.driveId };
  const root = await gateway.getJson<{ id: string }>(`/drives/${user.driveId}/root`, { resource: drive });
  target.control.resetCounters();
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: loops }, async () => {
      for (let read = 0; read < perLoop; read += 1) {
        ids.push(
          (await gateway.getJson<{ id: string }>(`/drives/${user.driveId}/items/${root.id}`, { resource: drive })).id,
        );
      }
    }),
  );
  return { gateway, ids, rootId: root.id, seen: target.control.counters().total };
}

test('reads paced by the shared resource-unit budget draw no 429 from SharePoint', async () => {
  const { gateway, ids, rootId, seen } = await hammer({ timeScale }, 8, 200);
  expect(ids).toHaveLength(1_600);
  expect(ids.every((id) => id === rootId)).toBe(true);
  expect(seen.throttled).toBe(0);
  expect(gateway.counters().total.throttled).toBe(0);
});

test('a worker that ignores the budget is throttled, waits as told, and still completes every read', async () => {
  // SharePoint's own 60 s window (time scale 1) holds 1,250 units and is fixed: 1,600 reads exceed it as long as the
  // first 1,250 come within the minute, at 21 reads a second or more. A 15 s window (time scale 4) needed 83 a second,
  // more than a two-core machine running the whole suite gave (about 40): the reads spread over two windows, no 429.
  const slowWindow = await startSimulator({
    generate: { users: 1, messagesPerUser: 1, filesPerUser: 4, seed: 9 },
    enforceLimits: true,
    timeScale: 1,
  });
  try {
    const { gateway, ids, seen } = await hammer(
      { timeScale: 1, sharePointUnitsPerMinute: 1_000_000 },
      16,
      100,
      slowWindow,
    );
    expect(ids).toHaveLength(1_600);
    expect(seen.throttled).toBeGreaterThan(0);
    const counted = gateway.counters().total;
    expect(counted.throttled).toBe(seen.throttled);
    expect(counted.retries).toBeGreaterThanOrEqual(seen.throttled);
  } finally {
    await slowWindow.stop();
  }
}, 180_000);

test('throttled sub-requests of batches are repeated on their own until all succeed', async () => {
  const careless = await GraphGateway.open({
    connection: connectionTo(simulator),
    db: database.db,
    limits: { timeScale, sharePointUnitsPerMinute: 1_000_000 },
  });
  const user = simulator.control.listUsers()[0]!;
  const drive: ResourceKey = { kind: 'drive', driveId: user.driveId };
  const root = await careless.getJson<{ id: string }>(`/drives/${user.driveId}/root`, { resource: drive });
  const requests: BatchRequest[] = Array.from({ length: 1_400 }, (_, index) => ({
    id: `r${index}`,
    method: 'GET',
    url: `/drives/${user.driveId}/items/${root.id}?$select=id`,
  }));
  simulator.control.resetCounters();

  const responses = await careless.batch(requests, { resource: drive });

  expect(responses.every((response) => response.status === 200)).toBe(true);
  const seen = simulator.control.counters().total;
  expect(seen.throttled).toBeGreaterThan(0);
  expect(careless.counters().total.throttled).toBe(seen.throttled);
});
