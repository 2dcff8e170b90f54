import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

/**
 * An incremental run sends the delta polls of a mailbox's folders 20 to a JSON batch: every folder holding mail is
 * still polled on every run, and no change of any kind is lost, whether a batched poll is answered or refused.
 */
let harness: BackupHarness;
let catalog: Catalog;
let jobId: string;
beforeAll(async () => {
  // Small mailboxes: the runs are about which folders are polled, not about how much they hold.
  harness = await startBackupHarness({ generate: { users: 2, messagesPerUser: 40, filesPerUser: 0, seed: 11 } });
  catalog = new Catalog(harness.database.db, harness.tenantId);
  jobId = await harness.backUpMailboxes('Mailboxes');
}, 600_000);
afterAll(() => harness?.stop());

const messageDelta = 'GET /users/:userId/mailFolders/:folderId/messages/delta';

function mime(subject: string): string {
  return `From: fornitore@example.it\r\nTo: anna@example.it\r\nSubject: ${subject}\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\n${subject}.\r\n`;
}

/** The ids of the catalog's open versions of one kind in one mailbox. */
async function currentIds(userId: string, kind: string): Promise<Set<string>> {
  const current = await catalog.currentItems(`mailbox:${userId}`);
  return new Set(current.filter((version) => version.kind === kind).map((version) => version.graphId));
}

/** Every message the simulator holds for the user, whatever the folder. */
function simulatorMessageIds(userId: string): Set<string> {
  const control = harness.sim.control;
  return new Set(
    control.listMailFolders(userId).flatMap((folder) => control.listMessages(userId, folder.id).map((m) => m.id)),
  );
}

test('a change in one folder still leaves every other folder polled, and changes of every kind are kept', async () => {
  const control = harness.sim.control;
  const [anna, other] = control.listUsers();
  const folders = control.listMailFolders(anna!.id);
  const inbox = folders.find((folder) => folder.wellKnownName === 'inbox')!;
  const quiet = folders.find((folder) => folder.id !== inbox.id && folder.messageCount > 0) ?? inbox;
  const inInbox = control.addMessage(anna!.id, inbox.id, mime('Ordine in arrivo'));
  const elsewhere = control.addMessage(anna!.id, quiet.id, mime('Ordine archiviato'));
  const newFolder = control.addMailFolder(anna!.id, 'Fornitori 2027');
  const inNewFolder = control.addMessage(anna!.id, newFolder, mime('Listino 2027'));
  const otherFolders = control.listMailFolders(other!.id);
  const [otherMessage] = control.listMessages(other!.id, otherFolders.find((folder) => folder.messageCount > 0)!.id);
  control.deleteMessage(other!.id, otherMessage!.id);
  const contact = control.addContact(anna!.id, { givenName: 'Ettore', surname: 'Fieramosca' });
  const task = control.addTask(anna!.id, { subject: 'Rinnovare il contratto' });

  control.resetCounters();
  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');

  const messages = await currentIds(anna!.id, 'message');
  for (const id of [inInbox, elsewhere, inNewFolder]) expect(messages.has(id)).toBe(true);
  expect(await currentIds(other!.id, 'message')).toEqual(simulatorMessageIds(other!.id));
  expect((await currentIds(anna!.id, 'contact')).has(contact)).toBe(true);
  expect((await currentIds(anna!.id, 'task')).has(task)).toBe(true);

  // Every folder holding mail is polled (one empty at Graph and in the catalog has nothing to report: empty-folders).
  const counters = control.counters();
  const mailFolders = control
    .listUsers()
    .reduce(
      (sum, user) => sum + control.listMailFolders(user.id).filter((folder) => folder.messageCount > 0).length,
      0,
    );
  expect(counters.byEndpoint[messageDelta]?.requests).toBeGreaterThanOrEqual(mailFolders);
  expect(counters.batchedRequests).toBeGreaterThanOrEqual(mailFolders - control.listUsers().length);
}, 600_000);

test('when Graph refuses every delta token, each folder resyncs on its own and the catalog matches the mailbox', async () => {
  const control = harness.sim.control;
  const [anna] = control.listUsers();
  const folders = control.listMailFolders(anna!.id).filter((folder) => folder.messageCount > 0);
  const [first, second] = folders;
  const [removed] = control.listMessages(anna!.id, first!.id);
  control.deleteMessage(anna!.id, removed!.id);
  const added = control.addMessage(anna!.id, (second ?? first)!.id, mime('Dopo la risincronizzazione'));
  control.invalidateDeltaTokens();

  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  const messages = await currentIds(anna!.id, 'message');
  expect(messages.has(added)).toBe(true);
  expect(messages.has(removed!.id)).toBe(false);
  expect(messages).toEqual(simulatorMessageIds(anna!.id));
}, 600_000);
