import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { AppTokenProvider, GraphGateway, GraphRequestError } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  database = await openTestDatabase('graphtokens');
  simulator = await startSimulator({ generate: { users: 12, messagesPerUser: 30, filesPerUser: 3, seed: 4 } });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

const directory = { kind: 'directory' } as const;

test('many parallel calls share one app-only token', async () => {
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => gateway.getJson<{ value: unknown[] }>('/users?$top=1', { resource: directory })),
  );
  expect(answers.every((answer) => answer.value.length === 1)).toBe(true);
  expect(gateway.counters().tokenRequests).toBe(1);
});

test('the token is renewed shortly before it expires, not before', async () => {
  let now = Date.now();
  const tokens = new AppTokenProvider(connectionTo(simulator), () => now);
  const first = await tokens.accessToken();
  // The strict simulator's tokens live 300 s, shorter than the five-minute margin: renewed at 80 % of their life.
  now += 200_000;
  expect(await tokens.accessToken()).toBe(first);
  expect(tokens.tokenRequests).toBe(1);
  now += 45_000;
  const renewed = await tokens.accessToken();
  expect(tokens.tokenRequests).toBe(2);
  expect(renewed).not.toBe(first);
});

test('a token the authority has revoked is replaced and the call still succeeds', async () => {
  await gateway.getJson('/users?$top=1', { resource: directory });
  const before = gateway.counters().tokenRequests;
  simulator.control.expireTokens();
  const users = await gateway.getJson<{ value: unknown[] }>('/users?$top=1', { resource: directory });
  expect(users.value).toHaveLength(1);
  expect(gateway.counters().tokenRequests).toBe(before + 1);
});

test('pages follow @odata.nextLink to the last user', async () => {
  const pages: string[][] = [];
  for await (const page of gateway.pages<{ id: string }>('/users?$select=id', {
    resource: directory,
    maxPageSize: 5,
  })) {
    pages.push(page.map((user) => user.id));
  }
  expect(pages.length).toBeGreaterThan(1);
  const expected = simulator.control.listUsers().map((user) => user.id);
  expect(pages.flat().sort()).toEqual([...expected].sort());
});

test('a missing item fails at once with tenant, resource, status, code and Graph request id', async () => {
  const user = simulator.control.listUsers()[0]!;
  const mailbox = { kind: 'mailbox', userId: user.id } as const;
  const failure = await gateway.getJson(`/users/${user.id}/messages/AAMkNOPE`, { resource: mailbox }).catch((e) => e);
  expect(failure).toBeInstanceOf(GraphRequestError);
  expect(failure).toMatchObject({
    status: 404,
    tenantId: simulator.tenantId,
    resource: `mailbox:${user.id}`,
    attempts: 1,
  });
  expect(failure.code).not.toBe('');
  expect(failure.requestId).toMatch(/\S/);
  expect(failure.messages.it).toContain('non riuscita');
});
