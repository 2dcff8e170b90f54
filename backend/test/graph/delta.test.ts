import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { GraphGateway, GraphResyncRequired, type DeltaPage, type ResourceKey } from '../../src/graph/index.js';
import { connectionTo } from './simulated-tenant.js';

let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  database = await openTestDatabase('graphdelta');
  simulator = await startSimulator({ generate: { users: 2, messagesPerUser: 60, filesPerUser: 8, seed: 11 } });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

interface Entry {
  id: string;
}

async function collect(link: string, resource: ResourceKey, maxPageSize = 7): Promise<DeltaPage<Entry>[]> {
  const pages: DeltaPage<Entry>[] = [];
  for await (const page of gateway.deltaPages<Entry>(link, { resource, maxPageSize })) pages.push(page);
  return pages;
}

function busiestFolder(user: string) {
  const folders = simulator.control.listMailFolders(user);
  return folders.reduce((best, folder) => (folder.messageCount > best.messageCount ? folder : best));
}

test('a mail delta round pages to a deltaLink, resumes from a saved nextLink, then reports only changes', async () => {
  const user = simulator.control.listUsers()[0]!;
  const mailbox: ResourceKey = { kind: 'mailbox', userId: user.id };
  const folder = busiestFolder(user.id);
  expect(folder.messageCount).toBeGreaterThan(14);
  const start = `/users/${user.id}/mailFolders/${folder.id}/messages/delta?$select=id,subject`;

  // A worker makes the first page durable, saves its nextLink, and dies.
  const firstPage = (
    await gateway.deltaPages<Entry>(start, { resource: mailbox, maxPageSize: 7 })[Symbol.asyncIterator]().next()
  ).value as DeltaPage<Entry>;
  expect(firstPage.nextLink).toBeDefined();
  expect(firstPage.deltaLink).toBeUndefined();

  // The next worker resumes from the saved link and finishes the round.
  const rest = await collect(firstPage.nextLink!, mailbox);
  const round = [firstPage, ...rest];
  expect(round.slice(0, -1).every((page) => page.nextLink && !page.deltaLink)).toBe(true);
  const last = round.at(-1)!;
  expect(last.deltaLink).toBeDefined();
  expect(last.nextLink).toBeUndefined();
  const seen = new Set(round.flatMap((page) => page.items.map((item) => item.id)));
  const expected = simulator.control.listMessages(user.id, folder.id).map((message) => message.id);
  expect([...seen].sort()).toEqual([...expected].sort());

  // Between runs: one message deleted, one arrives.
  const deleted = expected[3]!;
  simulator.control.deleteMessage(user.id, deleted);
  const arrived = simulator.control.addMessage(
    user.id,
    folder.id,
    'From: a@example.com\r\nTo: b@example.com\r\nSubject: Nuovo / New\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nCiao\r\n',
  );
  const changes = await collect(last.deltaLink!, mailbox);
  expect(changes.at(-1)!.deltaLink).toBeDefined();
  expect(changes.flatMap((page) => page.removed.map((entry) => entry.id))).toEqual([deleted]);
  const changedIds = changes.flatMap((page) =>
    page.items.filter((item) => !page.removed.some((r) => r.id === item.id)),
  );
  expect(changedIds.map((item) => item.id)).toEqual([arrived]);
});

test('an expired mail delta token is signalled as a resync, not silently restarted', async () => {
  const user = simulator.control.listUsers()[1]!;
  const mailbox: ResourceKey = { kind: 'mailbox', userId: user.id };
  const folder = busiestFolder(user.id);
  const round = await collect(`/users/${user.id}/mailFolders/${folder.id}/messages/delta?$select=id`, mailbox, 50);
  simulator.control.invalidateDeltaTokens();
  const failure = await collect(round.at(-1)!.deltaLink!, mailbox).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(GraphResyncRequired);
  expect((failure as GraphResyncRequired).tenantId).toBe(simulator.tenantId);
});

test('a drive delta reports deletions by the deleted facet and a stale token as a resync with Location', async () => {
  const user = simulator.control.listUsers()[0]!;
  const drive: ResourceKey = { kind: 'drive', driveId: user.driveId };
  const round = await collect(`/drives/${user.driveId}/root/delta`, drive, 5);
  const files = round.flatMap((page) => page.items).filter((item) => (item as { file?: unknown }).file);
  expect(files.length).toBeGreaterThanOrEqual(8);
  const victim = files[0]!.id;
  simulator.control.deleteDriveItem(user.driveId, victim);
  const changes = await collect(round.at(-1)!.deltaLink!, drive);
  expect(changes.flatMap((page) => page.removed.map((entry) => entry.id))).toContain(victim);

  simulator.control.invalidateDeltaTokens();
  const failure = await collect(changes.at(-1)!.deltaLink!, drive).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(GraphResyncRequired);
  const location = (failure as GraphResyncRequired).location;
  expect(location).toBeDefined();
  // The Location starts a full enumeration that the gateway can follow like any link.
  const fresh = await collect(location!, drive, 50);
  expect(fresh.at(-1)!.deltaLink).toBeDefined();
  expect(fresh.flatMap((page) => page.items).some((item) => item.id === victim)).toBe(false);
});
