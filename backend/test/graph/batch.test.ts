import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, type BatchRequest, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  database = await openTestDatabase('graphbatch');
  simulator = await startSimulator({
    generate: { users: 1, messagesPerUser: 30, filesPerUser: 1, seed: 8 },
    strict: true,
  });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

test('30 message reads go as two batches, each sub-request answered in request order', async () => {
  const user = simulator.control.listUsers()[0]!;
  const mailbox: ResourceKey = { kind: 'mailbox', userId: user.id };
  const ids = simulator.control
    .listMailFolders(user.id)
    .flatMap((folder) => simulator.control.listMessages(user.id, folder.id).map((message) => message.id))
    .slice(0, 30);
  const requests: BatchRequest[] = ids.map((id, index) => ({
    id: `r${index}`,
    method: 'GET',
    url: `/users/${user.id}/messages/${id}?$select=id,subject`,
  }));
  requests.push({ id: 'missing', method: 'GET', url: `/users/${user.id}/messages/AAMkNOPE` });
  simulator.control.resetCounters();

  const responses = await gateway.batch(requests, { resource: mailbox });

  expect(responses.map((response) => response.id)).toEqual(requests.map((request) => request.id));
  expect(responses.slice(0, 30).map((response) => (response.body as { id: string }).id)).toEqual(ids);
  expect(responses.slice(0, 30).every((response) => response.status === 200)).toBe(true);
  // A sub-request that fails for good keeps its own answer; it does not fail the others.
  expect(responses[30]!.status).toBe(404);
  const seen = simulator.control.counters();
  expect(seen.byEndpoint['POST /$batch']?.requests).toBe(2);
  expect(seen.byResource[`mailbox:${user.id}`]?.requests).toBe(31);
  expect(gateway.counters().byResource[`mailbox:${user.id}`]?.requests).toBe(2);
});

test('a batch request that meets 503s is sent again and every sub-request still answers', async () => {
  const user = simulator.control.listUsers()[0]!;
  const mailbox: ResourceKey = { kind: 'mailbox', userId: user.id };
  const ids = simulator.control
    .listMailFolders(user.id)
    .flatMap((folder) => simulator.control.listMessages(user.id, folder.id).map((message) => message.id))
    .slice(0, 20);
  // The simulator's faults hit whole HTTP requests, here the batch itself.
  simulator.control.setFaults({ seed: 12, rate503: 0.3 });
  const responses = await gateway
    .batch(
      ids.map((id, index) => ({
        id: String(index),
        method: 'GET',
        url: `/users/${user.id}/messages/${id}?$select=id`,
      })),
      { resource: mailbox },
    )
    .finally(() => simulator.control.setFaults({}));
  expect(responses.every((response) => response.status === 200)).toBe(true);
  expect(responses.map((response) => (response.body as { id: string }).id)).toEqual(ids);
  expect(gateway.counters().total.retries).toBeGreaterThan(0);
});
