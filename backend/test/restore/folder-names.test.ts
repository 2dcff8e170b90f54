import { PassThrough } from 'node:stream';
import type { TenantDefinition } from '@custodia/m365-simulator';
import { Catalog, type ProtectedResource } from '../../src/catalog/index.js';
import { writeSelectionZip, type NewRestoreRequest } from '../../src/restore/index.js';
import { folderView, versionView } from '../../src/restore-api/views.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { message } from './fixture.js';
import { currentVersions, restoreAndWait, startRestoreWorker, type RestoreWorker } from './restore-harness.js';
import { zipEntries } from './zip-entries.js';

const domain = 'cartelle.onmicrosoft.com';
const paola = `paola.greco@${domain}`;

/** Folder names that hold the path separator, and its escape character. */
const fatture = 'Amministrazione / Fatture';
const esteri = 'Fornitori / Esteri';
const trimestre = 'Q1 \\ 2026';
const vip = 'Clienti / VIP';

const mail = (subject: string, day: number) => ({
  mime: message(subject, `2026-02-${String(day).padStart(2, '0')}T09:00:00Z`, `<p>${subject}</p>`),
  isRead: true,
});

/**
 * A mailbox where one folder's name looks like a path, nested folders below it, and two folders that only escaping
 * tells apart: one named `Clienti/Fornitori`, and `Fornitori` inside `Clienti`.
 */
const tenant: TenantDefinition = {
  displayName: 'Cartelle Test S.r.l.',
  domain,
  users: [
    {
      userPrincipalName: paola,
      displayName: 'Paola Greco',
      preferredLanguage: 'it-IT',
      mailbox: {
        folders: [
          { displayName: 'Posta in arrivo', wellKnownName: 'inbox', messages: [mail('Benvenuta', 1)] },
          {
            displayName: fatture,
            messages: [mail('Fattura 12', 2)],
            childFolders: [
              {
                displayName: esteri,
                messages: [mail('Fattura estera 7', 3)],
                childFolders: [{ displayName: trimestre, messages: [mail('Scadenza primo trimestre', 4)] }],
              },
            ],
          },
          { displayName: 'Clienti/Fornitori', messages: [mail('Nome con barra', 5)] },
          {
            displayName: 'Clienti',
            childFolders: [{ displayName: 'Fornitori', messages: [mail('Cartella annidata', 6)] }],
          },
        ],
        contacts: [{ givenName: 'Anna', surname: 'Rubini', email: 'anna.rubini@example.com' }],
      },
    },
  ],
};

let harness: BackupHarness;
let worker: RestoreWorker;
let paolaId: string;
let resourceId: string;

const mailbox = () => ({ resource: { kind: 'mailbox', userId: paolaId } as const });

/** The simulator's mail folder at a path of whole names from the top of the mailbox. */
function mailFolderAt(path: readonly string[]): string | undefined {
  const folders = harness.sim.control.listMailFolders(paolaId);
  let id: string | undefined = folders.find((folder) => folder.wellKnownName === 'inbox')!.parentFolderId;
  for (const name of path) {
    id = folders.find((folder) => folder.parentFolderId === id && folder.displayName === name)?.id;
    if (!id) return undefined;
  }
  return id;
}

function subjectsIn(path: readonly string[]): string[] {
  const folderId = mailFolderAt(path);
  if (!folderId) throw new Error(`no mail folder ${path.join(' > ')}`);
  return harness.sim.control
    .listMessages(paolaId, folderId)
    .map((item) => item.subject)
    .sort();
}

async function catalogFolder(path: string): Promise<string> {
  const folders = await new Catalog(harness.database.db, harness.tenantId).listFolders(resourceId);
  const folder = folders.find((candidate) => candidate.path === path);
  if (!folder) throw new Error(`no folder ${path} in the catalog`);
  return folder.folderId;
}

async function restore(input: Partial<NewRestoreRequest> & Pick<NewRestoreRequest, 'selection'>) {
  const done = await restoreAndWait(worker, harness.tenantId, {
    target: { type: 'original' },
    conflictPolicy: 'skip',
    language: 'it',
    ...input,
  });
  expect(done.status).toBe('completed');
  const items = await worker.service.itemResults(harness.tenantId, done.restoreId);
  for (const item of items.filter((candidate) => candidate.state === 'restored'))
    expect({ name: item.name, differences: item.differences }).toEqual({ name: item.name, differences: [] });
  return done;
}

beforeAll(async () => {
  harness = await startBackupHarness({ tenant, timeScale: 60, enforceLimits: true });
  paolaId = harness.sim.control.listUsers().find((user) => user.userPrincipalName === paola)!.id;
  resourceId = `mailbox:${paolaId}`;
  const folder = await harness.gateway.sendJson<{ id: string }>(
    'POST',
    // A folder inside the default Contacts folder (https://learn.microsoft.com/graph/api/user-post-contactfolders).
    `/users/${paolaId}/contactFolders`,
    { displayName: vip },
    mailbox(),
  );
  await harness.gateway.sendJson(
    'POST',
    `/users/${paolaId}/contactFolders/${encodeURIComponent(folder.id)}/contacts`,
    { givenName: 'Vittoria', surname: 'Ipsen', emailAddresses: [{ address: 'vittoria@ipsen.example' }] },
    mailbox(),
  );
  const { run } = await harness.runJob({
    name: 'Cartelle',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(run.status).toBe('succeeded');
  worker = await startRestoreWorker(harness, 'folder-names-worker');
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

test('the catalog keeps a folder name holding "/" whole, and tells it from a folder nested under a folder of the first part', async () => {
  const versions = await currentVersions(harness, resourceId);
  const pathOf = (name: string) => versions.find((version) => version.name === name)!.containerPath;
  expect(pathOf('Fattura 12')).toBe('Amministrazione \\/ Fatture');
  expect(pathOf('Fattura estera 7')).toBe('Amministrazione \\/ Fatture/Fornitori \\/ Esteri');
  expect(pathOf('Scadenza primo trimestre')).toBe('Amministrazione \\/ Fatture/Fornitori \\/ Esteri/Q1 \\\\ 2026');
  expect(pathOf('Nome con barra')).toBe('Clienti\\/Fornitori');
  expect(pathOf('Cartella annidata')).toBe('Clienti/Fornitori');
  expect(pathOf('Vittoria Ipsen')).toBe('Contatti/Clienti \\/ VIP');

  // People read the names as they are: the API shows them unescaped.
  const folders = await new Catalog(harness.database.db, harness.tenantId).listFolders(resourceId);
  const shown = folders.map((folder) => folderView(folder).path);
  expect(shown).toEqual(
    expect.arrayContaining([
      'Amministrazione / Fatture/Fornitori / Esteri/Q1 \\ 2026',
      'Clienti/Fornitori',
      'Contatti/Clienti / VIP',
    ]),
  );
  const shownItem = versionView(versions.find((version) => version.name === 'Fattura estera 7')! as never);
  expect(shownItem.containerPath).toBe('Amministrazione / Fatture/Fornitori / Esteri');
}, 30_000);

test('deleted messages return in place into the folders with whole names; no folder is made from a part of a name', async () => {
  const foldersBefore = harness.sim.control.listMailFolders(paolaId).length;
  const gone = ['Fattura 12', 'Fattura estera 7', 'Scadenza primo trimestre', 'Nome con barra', 'Cartella annidata'];
  for (const folder of harness.sim.control.listMailFolders(paolaId))
    for (const item of harness.sim.control.listMessages(paolaId, folder.id))
      if (gone.includes(item.subject)) harness.sim.control.deleteMessage(paolaId, item.id);

  const done = await restore({ selection: { type: 'resource', resourceId } });
  expect(done.progress).toMatchObject({ restored: 5, failed: 0, verified: 5, mismatched: 0 });
  expect(harness.sim.control.listMailFolders(paolaId)).toHaveLength(foldersBefore);
  expect(subjectsIn([fatture])).toEqual(['Fattura 12']);
  expect(subjectsIn([fatture, esteri])).toEqual(['Fattura estera 7']);
  expect(subjectsIn([fatture, esteri, trimestre])).toEqual(['Scadenza primo trimestre']);
  expect(subjectsIn(['Clienti/Fornitori'])).toEqual(['Nome con barra']);
  expect(subjectsIn(['Clienti', 'Fornitori'])).toEqual(['Cartella annidata']);
}, 60_000);

test('into a new folder: the folders are recreated under the restore folder with their whole names', async () => {
  const done = await restore({
    selection: {
      type: 'folder',
      resourceId,
      containerId: await catalogFolder('Amministrazione \\/ Fatture'),
      includeSubfolders: true,
    },
    target: { type: 'newFolder' },
  });
  expect(done.progress).toMatchObject({ total: 3, restored: 3, verified: 3, mismatched: 0 });
  const root = done.restoreFolderName;
  expect(subjectsIn([root, fatture])).toEqual(['Fattura 12']);
  expect(subjectsIn([root, fatture, esteri])).toEqual(['Fattura estera 7']);
  expect(subjectsIn([root, fatture, esteri, trimestre])).toEqual(['Scadenza primo trimestre']);
  const names = harness.sim.control.listMailFolders(paolaId).map((folder) => folder.displayName);
  expect(names.filter((name) => ['Amministrazione ', ' Fatture', 'Amministrazione', 'Fatture'].includes(name))).toEqual(
    [],
  );

  const contacts = await restore({
    selection: { type: 'folder', resourceId, containerId: await catalogFolder('Contatti/Clienti \\/ VIP') },
    target: { type: 'newFolder' },
  });
  expect(contacts.progress).toMatchObject({ total: 1, restored: 1, verified: 1 });
  const folders = harness.sim.control.listContactFolders(paolaId);
  const restoreFolder = folders.find((folder) => folder.displayName === contacts.restoreFolderName)!;
  const restoredVip = folders.find((folder) => folder.parentFolderId === restoreFolder.id)!;
  expect(restoredVip.displayName).toBe(vip);
  expect(
    harness.sim.control
      .listContacts(paolaId)
      .filter((contact) => contact.parentFolderId === restoredVip.id)
      .map((contact) => contact.displayName),
  ).toEqual(['Vittoria Ipsen']);
}, 60_000);

test('the ZIP export writes each folder name as one folder, its "/" replaced', async () => {
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const resources = new Map<string, ProtectedResource>([[resourceId, (await catalog.resource(resourceId))!]]);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const versions = (await currentVersions(harness, resourceId)).sort((a, b) => a.name.localeCompare(b.name));
  await writeSelectionZip({ tenantId: harness.tenantId, store: harness.store, versions, resources }, output);
  const folders = [...zipEntries(Buffer.concat(chunks)).keys()].map((entry) => entry.slice(0, entry.lastIndexOf('/')));
  expect(folders).toEqual(
    expect.arrayContaining([
      'Paola Greco/Amministrazione _ Fatture',
      'Paola Greco/Amministrazione _ Fatture/Fornitori _ Esteri',
      'Paola Greco/Amministrazione _ Fatture/Fornitori _ Esteri/Q1 _ 2026',
      'Paola Greco/Clienti_Fornitori',
      'Paola Greco/Clienti/Fornitori',
      'Paola Greco/Contatti/Clienti _ VIP',
    ]),
  );
  expect(
    folders.filter((folder) => folder.includes('Fatture')).every((folder) => !folder.includes('Amministrazione /')),
  ).toBe(true);
}, 60_000);
