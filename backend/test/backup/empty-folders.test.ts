import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';
import { exportItems } from '../../src/graph/index.js';

/**
 * A folder that Graph counts empty and that the catalog holds nothing of is not polled (its delta could report
 * nothing); every change still arrives: mail delivered or moved into such a folder, a folder emptied between runs.
 * A mailbox's export requests carry 20 ids across its folders, and each version keeps its own item's stream.
 */
let harness: BackupHarness;
let catalog: Catalog;
let jobId: string;
let fullRunExports = 0;
const messageDelta = 'GET /users/:userId/mailFolders/:folderId/messages/delta';
const exportEndpoint = 'POST /admin/exchange/mailboxes/:mailboxId/exportItems';
const itemDelta = 'GET /admin/exchange/mailboxes/:mailboxId/folders/:folderId/items/delta';

beforeAll(async () => {
  harness = await startBackupHarness({ generate: { users: 1, messagesPerUser: 90, filesPerUser: 0, seed: 23 } });
  catalog = new Catalog(harness.database.db, harness.tenantId);
  // Folders of small messages without attachments, listed after the generated ones: what fills export requests.
  const control = harness.sim.control;
  const owner = control.listUsers()[0]!.id;
  for (const name of ['Circolari', 'Avvisi', 'Turni']) {
    const folder = control.addMailFolder(owner, name);
    for (let index = 0; index < 4; index++) control.addMessage(owner, folder, mime(`${name} ${index}`));
  }
  control.resetCounters();
  jobId = await harness.backUpMailboxes('Cartelle vuote');
  fullRunExports = harness.sim.control.counters().byEndpoint[exportEndpoint]?.requests ?? 0;
}, 600_000);
afterAll(() => harness?.stop());

function mime(subject: string): string {
  return `From: fornitore@example.it\r\nTo: anna@example.it\r\nSubject: ${subject}\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\n${subject}.\r\n`;
}

function user(): string {
  return harness.sim.control.listUsers()[0]!.id;
}

/** The catalog's open message versions of the mailbox, as id → folder. */
async function catalogMessages(): Promise<Map<string, string>> {
  const current = await catalog.currentItems(`mailbox:${user()}`);
  return new Map(
    current.filter((version) => version.kind === 'message').map((version) => [version.graphId, version.containerId]),
  );
}

/** The simulator's messages, as id → the catalog's name of their folder. */
function simulatorMessages(): Map<string, string> {
  const control = harness.sim.control;
  return new Map(
    control
      .listMailFolders(user())
      .flatMap((folder) => control.listMessages(user(), folder.id).map((m) => [m.id, `mail:${folder.id}`] as const)),
  );
}

test("a full run fills export requests with the next folders' messages, and each version keeps its own stream", async () => {
  const control = harness.sim.control;
  const perFolder = control
    .listMailFolders(user())
    .filter((folder) => folder.messageCount > 0)
    .map((folder) => folder.messageCount);
  const messages = perFolder.reduce((sum, count) => sum + count, 0);
  expect(perFolder.length).toBeGreaterThan(1);
  // Requests cut per folder would number the sum of each folder's ceil(count / 20); the small folders ride along.
  const perFolderRequests = perFolder.reduce((sum, count) => sum + Math.ceil(count / 20), 0);
  expect(fullRunExports).toBeLessThan(perFolderRequests);
  expect(fullRunExports).toBeGreaterThanOrEqual(Math.ceil(messages / 20));

  const versions = (await catalog.currentItems(`mailbox:${user()}`)).filter((version) => version.kind === 'message');
  expect(versions).toHaveLength(messages);
  const mailbox = { mailboxId: control.mailboxId(user()), userId: user() };
  for (let offset = 0; offset < versions.length; offset += 20) {
    const batch = versions.slice(offset, offset + 20);
    const fresh = await exportItems(
      harness.gateway,
      mailbox,
      batch.map((version) => version.graphId),
    );
    for (const version of batch) {
      const exported = fresh.find((item) => item.itemId === version.graphId);
      expect(exported && 'data' in exported).toBe(true);
      expect(version.fullFidelity).toBeDefined();
      const stored = await harness.store.read(harness.tenantId, version.fullFidelity!);
      expect(stored.equals((exported as { data: Buffer }).data)).toBe(true);
    }
  }
}, 600_000);

test('folders empty at Graph and in the catalog are not polled; mail delivered or moved into one is backed up', async () => {
  const control = harness.sim.control;
  const folders = control.listMailFolders(user());
  const empty = folders.filter((folder) => folder.messageCount === 0);
  const holding = folders.filter((folder) => folder.messageCount > 0);
  expect(empty.length).toBeGreaterThan(1);

  control.resetCounters();
  const quiet = await harness.runAgain(jobId);
  expect(quiet.status).toBe('succeeded');
  expect(control.counters().byEndpoint[messageDelta]?.requests).toBe(holding.length);
  // The default Tasks and Notes folders are empty too.
  expect(control.counters().byEndpoint[itemDelta]?.requests ?? 0).toBe(0);

  const [delivered, movedInto] = empty;
  const added = control.addMessage(user(), delivered!.id, mime('Consegnato in una cartella vuota'));
  const [toMove] = control.listMessages(user(), holding[0]!.id);
  const moved = control.moveMessage(user(), toMove!.id, movedInto!.id);
  const task = control.addTask(user(), { subject: 'Rinnovare il contratto' });

  control.resetCounters();
  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  // The two messages, in two folders polled in one batch, share one export request; the task has its own.
  expect(control.counters().byEndpoint[exportEndpoint]?.requests).toBe(2);
  const messages = await catalogMessages();
  expect(messages.get(added)).toBe(`mail:${delivered!.id}`);
  expect(messages.get(moved)).toBe(`mail:${movedInto!.id}`);
  expect(messages.has(toMove!.id)).toBe(false);
  expect(messages).toEqual(simulatorMessages());
  const tasks = (await catalog.currentItems(`mailbox:${user()}`)).filter((version) => version.kind === 'task');
  expect(tasks.map((version) => version.graphId)).toEqual([task]);
}, 600_000);

test('a folder emptied between runs is polled, and its messages are closed', async () => {
  const control = harness.sim.control;
  const folder = control
    .listMailFolders(user())
    .find((candidate) => candidate.messageCount > 0 && candidate.wellKnownName !== 'deleteditems')!;
  const gone = control.listMessages(user(), folder.id).map((message) => message.id);
  for (const id of gone) control.deleteMessage(user(), id);
  expect(control.listMailFolders(user()).find((candidate) => candidate.id === folder.id)?.messageCount).toBe(0);

  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  const messages = await catalogMessages();
  for (const id of gone) expect(messages.has(id)).toBe(false);
  expect([...messages.values()]).not.toContain(`mail:${folder.id}`);
  expect(messages).toEqual(simulatorMessages());

  // Now empty at Graph and in the catalog: the next run leaves it alone, and the catalog still matches.
  control.resetCounters();
  const quiet = await harness.runAgain(jobId);
  expect(quiet.status).toBe('succeeded');
  const holding = control.listMailFolders(user()).filter((candidate) => candidate.messageCount > 0);
  expect(control.counters().byEndpoint[messageDelta]?.requests).toBe(holding.length);
  expect(await catalogMessages()).toEqual(simulatorMessages());
}, 600_000);
