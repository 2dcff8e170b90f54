import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

/**
 * What an incremental run of an unchanged mailbox costs at Graph, counted by the simulator: one delta poll per folder
 * holding mail (Graph's message delta is per folder), the mail folder listing and one child-folder listing per folder
 * with children, and the mailbox's folder list; nothing an earlier run learnt (the Inbox's id, the mailbox id) is read
 * again, and an empty calendar and contacts are not read. A remembered fact that no longer holds is read again, and no
 * change is lost.
 */
let harness: BackupHarness;
let catalog: Catalog;
let jobId: string;
let userId: string;
beforeAll(async () => {
  harness = await startBackupHarness({ generate: { users: 1, messagesPerUser: 30, filesPerUser: 0, seed: 5 } });
  catalog = new Catalog(harness.database.db, harness.tenantId);
  jobId = await harness.backUpMailboxes('Caselle');
  userId = harness.sim.control.listUsers()[0]!.id;
}, 600_000);
afterAll(() => harness?.stop());

const batch = 'POST /$batch';
const settings = 'GET /users/:userId/settings/exchange';
const folderById = 'GET /users/:userId/mailFolders/:folderId';

/** Graph operations per endpoint since the counters were reset, each `$batch` sub-request counted, the `$batch` not. */
function operations(): Record<string, number> {
  const counted = Object.entries(harness.sim.control.counters().byEndpoint).filter(([endpoint]) => endpoint !== batch);
  return Object.fromEntries(counted.map(([endpoint, count]) => [endpoint, count.requests]));
}

function mime(subject: string): string {
  return `From: fornitore@example.it\r\nTo: anna@example.it\r\nSubject: ${subject}\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\n${subject}.\r\n`;
}

async function currentIds(kind: string): Promise<Set<string>> {
  const current = await catalog.currentItems(`mailbox:${userId}`);
  return new Set(current.filter((version) => version.kind === kind).map((version) => version.graphId));
}

test('an incremental run of an unchanged mailbox costs one poll per folder holding mail, its folder listings and the mailbox folder list', async () => {
  const control = harness.sim.control;
  const folders = control.listMailFolders(userId);
  const holdingMail = folders.filter((folder) => folder.messageCount > 0).length;
  const withChildren = folders.filter((folder) => folders.some((child) => child.parentFolderId === folder.id)).length;

  control.resetCounters();
  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');

  expect(operations()).toEqual({
    // The directory read that finds the people in scope.
    'GET /users': 1,
    'GET /users/:userId/mailFolders': 1,
    ...(withChildren > 0 && { 'GET /users/:userId/mailFolders/:folderId/childFolders': withChildren }),
    'GET /admin/exchange/mailboxes/:mailboxId/folders/delta': 1,
    'GET /users/:userId/mailFolders/:folderId/messages/delta': holdingMail,
  });
  expect(holdingMail).toBeGreaterThan(1);
}, 600_000);

test('a contact, an event, a task and a message added to the quiet mailbox are all backed up in full fidelity', async () => {
  const control = harness.sim.control;
  const inbox = control.listMailFolders(userId).find((folder) => folder.wellKnownName === 'inbox')!;
  const message = control.addMessage(userId, inbox.id, mime('Ordine di dicembre'));
  const contact = control.addContact(userId, { givenName: 'Ettore', surname: 'Fieramosca' });
  const event = control.addEvent(userId, {
    subject: 'Riunione fornitori',
    start: '2026-12-09T09:00:00Z',
    end: '2026-12-09T10:00:00Z',
  });
  const task = control.addTask(userId, { subject: 'Rinnovare il contratto' });

  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  expect((await currentIds('message')).has(message)).toBe(true);
  expect((await currentIds('contact')).has(contact)).toBe(true);
  expect((await currentIds('event')).has(event)).toBe(true);
  expect((await currentIds('task')).has(task)).toBe(true);
  const stored = (await catalog.currentItems(`mailbox:${userId}`)).find((version) => version.graphId === message);
  expect(stored?.fullFidelity).toBeDefined();
}, 600_000);

test('a remembered mailbox id Graph no longer knows is read again, and the run backs up with the new one', async () => {
  const control = harness.sim.control;
  const resourceId = `mailbox:${userId}`;
  expect((await catalog.resource(resourceId))?.mailboxId).toBe(control.mailboxId(userId));
  // As if the mailbox had been recreated since the last run: the id remembered is no mailbox's now.
  await catalog.rememberMailboxId(resourceId, `MBX:00000000-0000-0000-0000-000000000000@${harness.tenantId}`);
  const inbox = control.listMailFolders(userId).find((folder) => folder.wellKnownName === 'inbox')!;
  const message = control.addMessage(userId, inbox.id, mime('Dopo la nuova casella'));
  const task = control.addTask(userId, { subject: 'Controllare la nuova casella' });

  control.resetCounters();
  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  expect(operations()[settings]).toBe(1);
  expect((await catalog.resource(resourceId))?.mailboxId).toBe(control.mailboxId(userId));
  expect((await currentIds('task')).has(task)).toBe(true);
  const stored = (await catalog.currentItems(resourceId)).find((version) => version.graphId === message);
  expect(stored?.fullFidelity).toBeDefined();

  // Remembered again: the next run does not ask.
  control.resetCounters();
  expect((await harness.runAgain(jobId)).status).toBe('succeeded');
  expect(operations()[settings]).toBeUndefined();
}, 600_000);

test('a remembered Inbox id the mailbox no longer lists is read again by its well-known name', async () => {
  const control = harness.sim.control;
  const resourceId = `mailbox:${userId}`;
  const inbox = control.listMailFolders(userId).find((folder) => folder.wellKnownName === 'inbox')!;
  // As if the mailbox's folders had been recreated: the catalog's Inbox is a folder Graph no longer lists.
  await harness.database.db
    .collection('catalogFolders')
    .updateOne(
      { tenantId: harness.tenantId, resourceId, folderId: `mail:${inbox.id}` },
      { $unset: { wellKnownName: '' } },
    );
  await catalog.upsertFolder({
    resourceId,
    folderId: 'mail:INBOX-BEFORE-RECREATION',
    parentId: null,
    displayName: 'Posta in arrivo',
    path: 'Posta in arrivo (prima)',
    wellKnownName: 'inbox',
    deletedAt: null,
    lastRunId: 'earlier',
  });

  control.resetCounters();
  expect((await harness.runAgain(jobId)).status).toBe('succeeded');
  expect(operations()[folderById]).toBe(1);
  const marked = (await catalog.listFolders(resourceId)).filter(
    (folder) => folder.wellKnownName === 'inbox' && folder.deletedAt === null,
  );
  expect(marked.map((folder) => folder.folderId)).toEqual([`mail:${inbox.id}`]);
}, 600_000);
