import { createHash } from 'node:crypto';
import { startBackupHarness, type BackupHarness } from './harness.js';
import { Catalog } from '../../src/catalog/index.js';

let harness: BackupHarness;
let catalog: Catalog;
let jobId: string;
beforeAll(async () => {
  harness = await startBackupHarness({ tenant: 'demo' });
  catalog = new Catalog(harness.database.db, harness.tenantId);
});
afterAll(() => harness?.stop());

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The catalog's open versions of one resource, keyed by Graph id; fails if an item has two. */
async function currentById(resourceId: string) {
  const current = await catalog.currentItems(resourceId);
  const byId = new Map(current.map((version) => [version.graphId, version]));
  expect(byId.size).toBe(current.length);
  return byId;
}

test('a full backup of the demo tenant holds every message, file, channel post, contact and event as the simulator serves them', async () => {
  const control = harness.sim.control;
  const result = await harness.runJob({
    name: 'Nightly',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive', 'sharepoint', 'teams'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  jobId = result.jobId;
  const { run } = result;
  expect({ status: run.status, error: run.error }).toEqual({ status: 'succeeded', error: null });
  expect(run.progress.resourcesDone).toBe(run.progress.resourcesTotal);

  let messages = 0;
  for (const user of control.listUsers()) {
    const byId = await currentById(`mailbox:${user.id}`);
    for (const [id, version] of byId) if (version.kind !== 'message') byId.delete(id);
    for (const folder of control.listMailFolders(user.id)) {
      for (const message of control.listMessages(user.id, folder.id)) {
        const version = byId.get(message.id);
        expect(version?.content?.sha256).toBe(sha256(control.messageMime(user.id, message.id)));
        expect(version?.containerId).toBe(`mail:${folder.id}`);
        byId.delete(message.id);
        messages += 1;
      }
    }
    expect([...byId.keys()]).toEqual([]);
  }

  let files = 0;
  for (const drive of control.listDrives()) {
    const kind = drive.driveType === 'business' ? 'onedrive' : 'sharepoint';
    const byId = await currentById(`${kind}:${drive.id}`);
    for (const file of control.listDriveFiles(drive.id)) {
      const version = byId.get(file.id);
      expect(version?.content?.sha256).toBe(await control.fileSha256(drive.id, file.id));
      expect([version?.containerPath, version?.name].filter(Boolean).join('/')).toBe(file.path);
      byId.delete(file.id);
      files += 1;
    }
    expect([...byId.keys()]).toEqual([]);
  }

  const teams = control.listTeams();
  let posts = 0;
  for (const team of teams) posts += (await catalog.currentItems(`team:${team.id}`)).length;
  expect(posts).toBeGreaterThan(0);

  let contacts = 0;
  let events = 0;
  for (const user of control.listUsers()) {
    const items = await catalog.currentItems(`mailbox:${user.id}`);
    contacts += items.filter((item) => item.kind === 'contact').length;
    events += items.filter((item) => item.kind === 'event').length;
  }
  expect(contacts).toBeGreaterThan(0);
  expect(events).toBeGreaterThan(0);
  expect(messages + files + posts + contacts + events).toBe(run.progress.items);
}, 600_000);

test('an incremental run records exactly the adds, edits, moves and deletions made since', async () => {
  const control = harness.sim.control;
  const [anna] = control.listUsers();
  const inbox = control.listMailFolders(anna!.id).find((folder) => folder.wellKnownName === 'inbox')!;
  const archive =
    control.listMailFolders(anna!.id).find((folder) => folder.id !== inbox.id && folder.messageCount === 0) ??
    control.listMailFolders(anna!.id).find((folder) => folder.wellKnownName === 'deleteditems')!;
  const [first, second] = control.listMessages(anna!.id, inbox.id);
  const added = control.addMessage(
    anna!.id,
    inbox.id,
    'From: fornitore@example.it\r\nTo: anna@example.it\r\nSubject: Offerta aggiornata\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\nMessage-ID: <offerta-1@example.it>\r\n\r\nIn allegato la nuova offerta.\r\n',
  );
  control.deleteMessage(anna!.id, first!.id);
  const movedId = control.moveMessage(anna!.id, second!.id, archive.id);

  const drives = control
    .listDrives()
    .sort((a, b) => control.listDriveFiles(b.id).length - control.listDriveFiles(a.id).length);
  const [drive, other] = drives as [(typeof drives)[number], (typeof drives)[number]];
  const driveResource = `${drive.driveType === 'business' ? 'onedrive' : 'sharepoint'}:${drive.id}`;
  const [edit, remove] = control.listDriveFiles(drive.id);
  const [keep] = control.listDriveFiles(other.id);
  const otherResource = `${other.driveType === 'business' ? 'onedrive' : 'sharepoint'}:${other.id}`;
  const newFile = control.addFile(
    drive.id,
    '',
    'verbale-riunione.txt',
    Buffer.from('Verbale della riunione del 21 novembre'),
  );
  control.updateFile(drive.id, edit!.id, Buffer.from('nuovo contenuto del documento'));
  control.deleteDriveItem(drive.id, remove!.id);

  const contactId = control.addContact(anna!.id, {
    givenName: 'Ettore',
    surname: 'Fieramosca',
    email: 'ettore@example.it',
  });

  const run = await harness.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  // New message, moved message (a new id in its new folder), new file, edited file, new contact.
  expect(run.progress.items).toBe(5);
  expect(run.progress.deletions).toBe(3);

  const mail = await currentById(`mailbox:${anna!.id}`);
  expect(mail.get(added)?.content?.sha256).toBe(sha256(control.messageMime(anna!.id, added)));
  expect(mail.has(first!.id)).toBe(false);
  expect(mail.has(second!.id)).toBe(false);
  expect(mail.get(movedId)?.containerId).toBe(`mail:${archive.id}`);
  expect(mail.get(contactId)?.name).toBe('Ettore Fieramosca');
  const deleted = await catalog.history(`mailbox:${anna!.id}`, first!.id);
  expect(deleted[0]?.deletedAt).toBeInstanceOf(Date);

  const files = await currentById(driveResource);
  expect(files.get(newFile)?.name).toBe('verbale-riunione.txt');
  expect(files.get(edit!.id)?.content?.sha256).toBe(sha256(Buffer.from('nuovo contenuto del documento')));
  expect((await catalog.history(driveResource, edit!.id)).length).toBe(2);
  expect(files.has(remove!.id)).toBe(false);
  expect((await currentById(otherResource)).get(keep!.id)?.lastRunId).not.toBe(run.runId);
}, 600_000);
