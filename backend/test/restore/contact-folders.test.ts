import { PassThrough } from 'node:stream';
import type { TenantDefinition } from '@custodia/m365-simulator';
import { Catalog, type ProtectedResource } from '../../src/catalog/index.js';
import { resolveSelection, writeSelectionZip, type NewRestoreRequest } from '../../src/restore/index.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { currentVersions, restoreAndWait, startRestoreWorker, type RestoreWorker } from './restore-harness.js';
import { zipEntries } from './zip-entries.js';

const domain = 'rubrica.onmicrosoft.com';
const sara = `sara.conti@${domain}`;

/** Sara's default Contacts folder holds one contact; the folders below it are made through Graph before the backup. */
const tenant: TenantDefinition = {
  displayName: 'Rubrica Test S.r.l.',
  domain,
  users: [
    {
      userPrincipalName: sara,
      displayName: 'Sara Conti',
      preferredLanguage: 'it-IT',
      mailbox: { contacts: [{ givenName: 'Anna', surname: 'Rubini', email: 'anna.rubini@example.com' }] },
    },
  ],
};

/** Each contact by the folder path it is created in below the default Contacts folder. */
const nested: Array<{ path: string[]; givenName: string; surname: string; email: string }> = [
  { path: ['Fornitori'], givenName: 'Carla', surname: 'Fornaci', email: 'carla@fornaci.example' },
  { path: ['Fornitori', 'Italia'], givenName: 'Italo', surname: 'Bruni', email: 'italo@bruni.example' },
  { path: ['Fornitori', 'Italia', 'Nord'], givenName: 'Nora', surname: 'Alpi', email: 'nora@alpi.example' },
];

let harness: BackupHarness;
let worker: RestoreWorker;
let jobId: string;
let saraId: string;
let resourceId: string;

const resource = () => ({ resource: { kind: 'mailbox', userId: saraId } as const });

/** The simulator's folder at a display-name path from its default Contacts folder (the empty path). */
function folderAt(path: readonly string[]): string | undefined {
  const folders = harness.sim.control.listContactFolders(saraId);
  let id = folders.find((folder) => !folders.some((other) => other.id === folder.parentFolderId))?.id;
  for (const name of path) {
    id = folders.find((folder) => folder.parentFolderId === id && folder.displayName === name)?.id;
    if (!id) return undefined;
  }
  return id;
}

function namesIn(path: readonly string[]): string[] {
  const folderId = folderAt(path);
  return harness.sim.control
    .listContacts(saraId)
    .filter((contact) => contact.parentFolderId === folderId)
    .map((contact) => contact.displayName)
    .sort();
}

async function containerIdOf(path: string): Promise<string> {
  const folders = await new Catalog(harness.database.db, harness.tenantId).listFolders(resourceId);
  const folder = folders.find((candidate) => candidate.folderId.startsWith('contacts:') && candidate.path === path);
  if (!folder) throw new Error(`no contact folder ${path} in the catalog`);
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
  saraId = harness.sim.control.listUsers().find((user) => user.userPrincipalName === sara)!.id;
  resourceId = `mailbox:${saraId}`;
  // Folders as Outlook makes them: inside the default Contacts folder, one inside the other. The default folder is
  // reached by the paths v1.0 documents for it (https://learn.microsoft.com/graph/api/user-post-contactfolders,
  // /graph/api/user-post-contacts), it has no well-known name there.
  const user = `/users/${saraId}`;
  const ids = new Map<string, string>();
  const inFolder = (key: string, collection: 'childFolders' | 'contacts') =>
    ids.has(key)
      ? `${user}/contactFolders/${encodeURIComponent(ids.get(key)!)}/${collection}`
      : `${user}/${collection === 'childFolders' ? 'contactFolders' : 'contacts'}`;
  for (const contact of nested) {
    for (let depth = 1; depth <= contact.path.length; depth++) {
      const key = contact.path.slice(0, depth).join('\n');
      if (ids.has(key)) continue;
      const created = await harness.gateway.sendJson<{ id: string }>(
        'POST',
        inFolder(contact.path.slice(0, depth - 1).join('\n'), 'childFolders'),
        { displayName: contact.path[depth - 1] },
        resource(),
      );
      ids.set(key, created.id);
    }
    const { path, ...fields } = contact;
    await harness.gateway.sendJson(
      'POST',
      inFolder(path.join('\n'), 'contacts'),
      {
        givenName: fields.givenName,
        surname: fields.surname,
        emailAddresses: [{ address: fields.email, name: `${fields.givenName} ${fields.surname}` }],
      },
      resource(),
    );
  }
  const { jobId: created, run } = await harness.runJob({
    name: 'Rubrica',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(run.status).toBe('succeeded');
  jobId = created;
  worker = await startRestoreWorker(harness, 'contact-folders-worker');
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

test('the default Contacts folder and its folders nested at any depth are backed up, each contact once, with its path', async () => {
  const contacts = (await currentVersions(harness, resourceId)).filter((version) => version.kind === 'contact');
  expect(contacts.map((version) => `${version.containerPath}: ${version.name}`).sort()).toEqual([
    'Contatti/Fornitori/Italia/Nord: Nora Alpi',
    'Contatti/Fornitori/Italia: Italo Bruni',
    'Contatti/Fornitori: Carla Fornaci',
    'Contatti: Anna Rubini',
  ]);
  expect(contacts).toHaveLength(harness.sim.control.listContacts(saraId).length);

  const folders = (await new Catalog(harness.database.db, harness.tenantId).listFolders(resourceId))
    .filter((folder) => folder.folderId.startsWith('contacts:'))
    .sort((a, b) => a.path.localeCompare(b.path));
  expect(folders.map((folder) => folder.path)).toEqual([
    'Contatti',
    'Contatti/Fornitori',
    'Contatti/Fornitori/Italia',
    'Contatti/Fornitori/Italia/Nord',
  ]);
  expect(folders.map((folder) => folder.parentId)).toEqual([null, ...folders.slice(0, -1).map((f) => f.folderId)]);

  // A second run finds nothing new: no folder is read twice under two names.
  const again = await harness.runAgain(jobId);
  expect(again.status).toBe('succeeded');
  expect(again.progress.items).toBe(0);
  expect((await currentVersions(harness, resourceId)).filter((version) => version.kind === 'contact')).toHaveLength(4);
}, 90_000);

test('a folder nested in a contact folder can be selected, and its deleted contacts return into it', async () => {
  const italia = await containerIdOf('Contatti/Fornitori/Italia');
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const selection = { type: 'folder', resourceId, containerId: italia, includeSubfolders: true } as const;
  expect(
    (await resolveSelection(harness.database.db, catalog, selection)).map((version) => version.name).sort(),
  ).toEqual(['Italo Bruni', 'Nora Alpi']);

  for (const contact of harness.sim.control.listContacts(saraId))
    if (['Italo', 'Nora'].includes(contact.givenName)) harness.sim.control.deleteContact(saraId, contact.id);
  const done = await restore({ selection });
  expect(done.progress).toMatchObject({ total: 2, restored: 2, verified: 2, mismatched: 0 });
  expect(namesIn(['Fornitori', 'Italia'])).toEqual(['Italo Bruni']);
  expect(namesIn(['Fornitori', 'Italia', 'Nord'])).toEqual(['Nora Alpi']);
  expect(harness.sim.control.listContacts(saraId)).toHaveLength(4);
}, 60_000);

test('into a new folder: the restore folder inside the default folder, the nested folders recreated beneath it', async () => {
  const selection = {
    type: 'folder',
    resourceId,
    containerId: await containerIdOf('Contatti'),
    includeSubfolders: true,
  } as const;
  const done = await restore({ selection, target: { type: 'newFolder' }, conflictPolicy: 'keepBoth' });
  expect(done.progress).toMatchObject({ total: 4, restored: 4, verified: 4, mismatched: 0 });
  const name = done.restoreFolderName;
  expect(namesIn([name])).toEqual(['Anna Rubini']);
  expect(namesIn([name, 'Fornitori'])).toEqual(['Carla Fornaci']);
  expect(namesIn([name, 'Fornitori', 'Italia'])).toEqual(['Italo Bruni']);
  expect(namesIn([name, 'Fornitori', 'Italia', 'Nord'])).toEqual(['Nora Alpi']);
  // The originals are untouched.
  expect(namesIn([])).toEqual(['Anna Rubini']);
  expect(namesIn(['Fornitori'])).toEqual(['Carla Fornaci']);

  // The next backup sees the restored folders where Outlook shows them.
  expect((await harness.runAgain(jobId)).status).toBe('succeeded');
  const paths = (await new Catalog(harness.database.db, harness.tenantId).listFolders(resourceId))
    .filter((folder) => folder.folderId.startsWith('contacts:'))
    .map((folder) => folder.path);
  expect(paths).toContain(`Contatti/${name}/Fornitori/Italia/Nord`);
}, 90_000);

test('the ZIP export keeps each contact under its folder path', async () => {
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const resources = new Map<string, ProtectedResource>([[resourceId, (await catalog.resource(resourceId))!]]);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const versions = (await currentVersions(harness, resourceId)).filter(
    (version) => version.kind === 'contact' && !version.containerPath.includes('Ripristino'),
  );
  await writeSelectionZip({ tenantId: harness.tenantId, store: harness.store, versions, resources }, output);
  expect([...zipEntries(Buffer.concat(chunks)).keys()].sort()).toEqual([
    'Sara Conti/Contatti/Anna Rubini.vcf',
    'Sara Conti/Contatti/Fornitori/Carla Fornaci.vcf',
    'Sara Conti/Contatti/Fornitori/Italia/Italo Bruni.vcf',
    'Sara Conti/Contatti/Fornitori/Italia/Nord/Nora Alpi.vcf',
  ]);
}, 60_000);
