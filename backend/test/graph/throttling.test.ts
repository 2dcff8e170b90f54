import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;

beforeAll(async () => {
  database = await openTestDatabase('graphthrottle');
  simulator = await startSimulator({
    generate: { users: 2, messagesPerUser: 40, filesPerUser: 2, seed: 5 },
    enforceLimits: true,
    timeScale: 60,
  });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

function messagesOf(userId: string): string[] {
  return simulator.control
    .listMailFolders(userId)
    .flatMap((folder) => simulator.control.listMessages(userId, folder.id).map((message) => message.id));
}

async function burst(gateway: GraphGateway, userId: string, ids: string[]) {
  const mailbox: ResourceKey = { kind: 'mailbox', userId };
  return Promise.all(
    ids.map((id) =>
      gateway.getJson<{ id: string }>(`/users/${userId}/messages/${id}?$select=id`, { resource: mailbox }),
    ),
  );
}

test('a burst of parallel requests to one mailbox runs 4 at a time and all succeed without a 429', async () => {
  const gateway = await GraphGateway.open({
    connection: connectionTo(simulator),
    db: database.db,
    limits: { timeScale: 60 },
  });
  const user = simulator.control.listUsers()[0]!;
  const ids = messagesOf(user.id).slice(0, 40);
  // Every request takes 100 ms at the server: 40 of them, 4 at a time, cannot finish in under 1 s.
  simulator.control.setFaults({ slowMs: 100, slowRate: 1 });
  simulator.control.resetCounters();
  const started = Date.now();

  const answers = await burst(gateway, user.id, ids);

  const elapsed = Date.now() - started;
  simulator.control.setFaults({});
  expect(answers.map((answer) => answer.id)).toEqual(ids);
  expect(elapsed).toBeGreaterThanOrEqual((ids.length / 4) * 100 - 50);
  expect(simulator.control.counters().byResource[`mailbox:${user.id}`]).toEqual({ requests: ids.length, throttled: 0 });
  expect(gateway.counters().total).toMatchObject({ requests: ids.length, throttled: 0, retries: 0 });
});

test('two gateways, as two workers, share one mailbox budget', async () => {
  // A deliberately small budget (60 per second) so that sharing, or not, shows within seconds.
  const limits = { mailboxRequestsPerWindow: 60, mailboxWindowMs: 1_000, reservationBlock: 5 };
  const workers = await Promise.all(
    [1, 2].map(() => GraphGateway.open({ connection: connectionTo(simulator), db: database.db, limits })),
  );
  const user = simulator.control.listUsers()[1]!;
  const id = messagesOf(user.id)[0]!;
  simulator.control.resetCounters();
  const deadline = Date.now() + 2_000;
  const sent = [0, 0];
  await Promise.all(
    workers.flatMap((worker, index) =>
      [1, 2, 3, 4].map(async () => {
        while (Date.now() < deadline) {
          await worker.getJson(`/users/${user.id}/messages/${id}?$select=id`, {
            resource: { kind: 'mailbox', userId: user.id },
          });
          sent[index] = (sent[index] ?? 0) + 1;
        }
      }),
    ),
  );
  const total = simulator.control.counters().byResource[`mailbox:${user.id}`]!.requests;
  // 57 per sliding second (95 %) over 2 s touches at most 3 windows, plus one block per worker.
  expect(total).toBeLessThanOrEqual(57 * 3 + 2 * 5 + 8);
  // Both workers progressed, and together they used the allowance rather than starving.
  expect(Math.min(...sent)).toBeGreaterThan(0);
  expect(total).toBeGreaterThanOrEqual(57);
});
