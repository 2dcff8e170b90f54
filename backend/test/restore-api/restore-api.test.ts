import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreApiOn } from '../api/support/api-on-backup.js';
import { writeSettings } from '../../src/settings/settings-store.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import {
  person,
  seedPortalUser,
  seedTenant,
  startHarness,
  type Harness,
  type TestPerson,
} from '../api/support/harness.js';
import { giulia, marco, restoreTenant, subjects } from '../restore/fixture.js';
import { startRestoreWorker, type RestoreWorker } from '../restore/restore-harness.js';
import { zipEntries } from '../restore/zip-entries.js';

/**
 * The restore API end to end: the real backup engine backs up the fixture tenant from the simulator, the real
 * restore worker writes back into it, and every call goes over HTTP with signed tokens, as the portal and the
 * personal tab make them.
 */
let backup: BackupHarness;
let worker: RestoreWorker;
let api: Harness;
let jobId: string;
let firstRunId: string;
let admin: TestPerson;
let giuliaPerson: TestPerson;
let marcoPerson: TestPerson;
let giuliaId: string;
let giuliaDrive: string;
let marcoId: string;
const exportsDir = mkdtempSync(join(tmpdir(), 'custodia-exports-'));

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface VersionView {
  id: string;
  name: string;
  resourceId: string;
  containerId: string;
}
interface RestoreView {
  id: string;
  status: string;
  progress: { total: number; restored: number; verified: number; skipped: number; failed: number; mismatched: number };
  approval: { decision: string } | null;
}

beforeAll(async () => {
  backup = await startBackupHarness({ tenant: restoreTenant, timeScale: 60, enforceLimits: true });
  const first = await backup.runJob({
    name: 'API fixture',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  if (first.run.status !== 'succeeded') throw new Error(`fixture backup ended ${first.run.status}`);
  jobId = first.jobId;
  firstRunId = first.run.runId;
  worker = await startRestoreWorker(backup, 'restore-api');
  api = await startHarness({
    database: backup.database,
    restore: restoreApiOn(backup, worker, exportsDir),
  });
  await seedTenant(api.services, backup.tenantId);
  admin = person(backup.tenantId, 'anna');
  await seedPortalUser(api.services, admin, 'restore_operator');
  const users = backup.sim.control.listUsers();
  const g = users.find((user) => user.userPrincipalName === giulia)!;
  giuliaId = g.id;
  giuliaDrive = g.driveId;
  marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
  giuliaPerson = { tenantId: backup.tenantId, oid: giuliaId, email: giulia, name: 'Giulia Rossi' };
  marcoPerson = { tenantId: backup.tenantId, oid: marcoId, email: marco, name: 'Marco Bianchi' };
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await backup?.stop();
  rmSync(exportsDir, { recursive: true, force: true });
});

async function call<T>(who: TestPerson, method: string, path: string, body?: unknown) {
  const answer = await api.call(method, path, { token: await api.token(who), body });
  return { ...answer, body: answer.body as T };
}

async function finished(who: TestPerson, path: string): Promise<RestoreView> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { body } = await call<RestoreView>(who, 'GET', path);
    if (body.status === 'completed' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${path} did not finish within 60 s`);
}

const inboxSubjects = () =>
  backup.sim.control
    .listMessages(giuliaId, 'inbox')
    .map((message) => message.subject)
    .sort();

test('a message deleted after a backup is found as of the earlier run and restored to its folder, verified', async () => {
  const inbox = backup.sim.control.listMessages(giuliaId, 'inbox');
  backup.sim.control.deleteMessage(giuliaId, inbox.find((message) => message.subject === subjects.plain)!.id);
  const second = await backup.runAgain(jobId);
  expect(second.status).toBe('succeeded');

  const mailbox = `mailbox:${giuliaId}`;
  const folders = await call<{ items: { id: string; path: string }[] }>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/folders`,
  );
  const inboxFolder = folders.body.items.find(
    (folder) => folder.path === 'Inbox' || folder.path === 'Posta in arrivo',
  )!;
  const now = await call<Page<VersionView>>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/items?containerId=${encodeURIComponent(inboxFolder.id)}`,
  );
  expect(now.body.items.map((item) => item.name)).not.toContain(subjects.plain);

  const points = await call<{ items: { runId: string; finishedAt: string }[] }>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/points`,
  );
  expect(points.body.items.map((point) => point.runId)).toEqual([second.runId, firstRunId]);
  const before = await call<Page<VersionView>>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/items?containerId=${encodeURIComponent(inboxFolder.id)}&at=${points.body.items[1]!.finishedAt}&limit=1`,
  );
  expect(before.body.nextCursor).not.toBeNull();
  const rest = await call<Page<VersionView>>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/items?containerId=${encodeURIComponent(inboxFolder.id)}&at=${points.body.items[1]!.finishedAt}&cursor=${before.body.nextCursor}`,
  );
  expect([...before.body.items, ...rest.body.items].map((item) => item.name)).toContain(subjects.plain);

  const requested = await call<RestoreView>(admin, 'POST', '/restores', {
    selection: { type: 'folder', resourceId: mailbox, containerId: inboxFolder.id, asOfRun: firstRunId },
    target: { type: 'original' },
    conflictPolicy: 'skip',
  });
  expect(requested.status).toBe(202);
  const done = await finished(admin, `/restores/${requested.body.id}`);
  expect(done.progress).toMatchObject({ restored: 1, verified: 1, failed: 0, mismatched: 0 });
  expect(inboxSubjects()).toContain(subjects.plain);
  const items = await call<Page<{ state: string; verified: boolean | null; name: string }>>(
    admin,
    'GET',
    `/restores/${requested.body.id}/items?state=restored`,
  );
  expect(items.body.items).toEqual([expect.objectContaining({ name: subjects.plain, verified: true })]);
}, 120_000);

test("browse and search list each message's attachment names, read from its MIME at backup time, and find it by them", async () => {
  const mailbox = `mailbox:${giuliaId}`;
  type Listed = VersionView & { attachmentNames: string[] };
  const found = await call<Page<Listed>>(admin, 'GET', '/backups/search?q=nota');
  expect(found.body.items.map((item) => [item.name, item.attachmentNames])).toEqual([
    [subjects.large, ['capitolato.bin', 'nota.txt']],
  ]);

  const inbox = found.body.items[0]!.containerId;
  const listed = await call<Page<Listed>>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/items?containerId=${encodeURIComponent(inbox)}`,
  );
  const namesOf = (subject: string) => listed.body.items.find((item) => item.name === subject)?.attachmentNames;
  expect(namesOf(subjects.large)).toEqual(['capitolato.bin', 'nota.txt']);
  // The picture the body shows by cid: is no attachment in Outlook's eyes.
  expect(namesOf(subjects.inline)).toEqual([]);
});

test('the messages of one conversation are found by its id, whichever base64 alphabet Outlook spells it in', async () => {
  const mailbox = `mailbox:${giuliaId}`;
  const large = await backup.database.db
    .collection('itemVersions')
    .findOne({ tenantId: backup.tenantId, resourceId: mailbox, name: subjects.large });
  const conversationId = (large?.['properties'] as { conversationId: string }).conversationId;
  // Graph's ids may hold either alphabet's characters; Office.js may spell them with the other one.
  const spellings = new Set([
    conversationId,
    conversationId.replace(/\+/g, '-').replace(/\//g, '_'),
    conversationId.replace(/-/g, '+').replace(/_/g, '/'),
  ]);
  // (The person's own route, /me/backups/…/conversation, is the Outlook pane's: its end-to-end test covers it.)
  for (const spelling of spellings) {
    const found = await call<Page<VersionView>>(
      admin,
      'GET',
      `/backups/resources/${mailbox}/conversation?conversationId=${encodeURIComponent(spelling)}`,
    );
    expect(found.body.items.map((item) => item.name)).toEqual([subjects.large]);
  }
  const none = await call<Page<VersionView>>(
    admin,
    'GET',
    `/backups/resources/${mailbox}/conversation?conversationId=AAQk-none`,
  );
  expect(none.body.items).toEqual([]);
});

test('search results, deleted ones included, download as a ZIP streamed now, and as a background export behind an expiring link', async () => {
  const found = await call<Page<VersionView>>(admin, 'GET', '/backups/search?q=preventivo');
  expect(found.body.items.map((item) => item.name)).toContain(subjects.plain);

  const zip = await fetch(`${api.url}/api/v1/exports/zip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await api.token(admin)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ selection: { type: 'versions', versionIds: found.body.items.map((item) => item.id) } }),
  });
  expect({ status: zip.status, type: zip.headers.get('content-type') }).toEqual({
    status: 200,
    type: 'application/zip',
  });
  const entries = zipEntries(Buffer.from(await zip.arrayBuffer()));
  const eml = [...entries.entries()].find(([name]) => name.endsWith('.eml'));
  expect(eml?.[1].toString('utf8')).toContain('Message-ID: <');

  const queued = await call<{ id: string }>(admin, 'POST', '/exports', {
    selection: { type: 'resource', resourceId: `onedrive:${giuliaDrive}` },
  });
  expect(queued.status).toBe(202);
  let ready: { status: string; downloadPath: string | null } = { status: 'queued', downloadPath: null };
  for (let attempt = 0; attempt < 200 && ready.status !== 'ready'; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ready = (await call<typeof ready>(admin, 'GET', `/exports/${queued.body.id}`)).body;
  }
  expect(ready.downloadPath).toMatch(/^\/downloads\//);
  const download = await fetch(`${api.url}/api/v1${ready.downloadPath}`);
  expect(download.status).toBe(200);
  expect(
    [...zipEntries(Buffer.from(await download.arrayBuffer())).keys()].some((name) => name.endsWith('Note.txt')),
  ).toBe(true);
  const forged = await fetch(`${api.url}/api/v1${ready.downloadPath!.slice(0, -4)}AAAA`);
  expect(forged.status).toBe(404);
}, 90_000);

test('My backups: off until the tenant allows it, then each person sees, restores and exports only their own data', async () => {
  const off = await call<{ error: { code: string } }>(giuliaPerson, 'GET', '/me/backups/resources');
  expect({ status: off.status, code: off.body.error.code }).toEqual({ status: 403, code: 'self_service_disabled' });
  await writeSettings(
    backup.database.db,
    backup.tenantId,
    { selfServiceRestore: true, oneDriveSelfServiceNeedsApproval: true },
    new Date(),
  );

  const own = await call<{ items: { id: string }[] }>(giuliaPerson, 'GET', '/me/backups/resources');
  expect(own.body.items.map((resource) => resource.id).sort()).toEqual(
    [`mailbox:${giuliaId}`, `onedrive:${giuliaDrive}`].sort(),
  );
  const marcos = await call<Page<VersionView>>(admin, 'GET', '/backups/search?q=segreto');
  const secret = marcos.body.items[0]!;
  expect(secret.resourceId).toBe(`onedrive:${await marcoDrive()}`);

  const probes = [
    call(giuliaPerson, 'GET', `/me/backups/resources/${secret.resourceId}/folders`),
    call(
      giuliaPerson,
      'GET',
      `/me/backups/resources/${secret.resourceId}/items?containerId=${encodeURIComponent(secret.containerId)}`,
    ),
    call(giuliaPerson, 'POST', '/me/restores', {
      selection: { type: 'versions', versionIds: [secret.id] },
      target: { type: 'original' },
      conflictPolicy: 'skip',
    }),
    call(giuliaPerson, 'POST', '/me/exports/zip', { selection: { type: 'versions', versionIds: [secret.id] } }),
    call(giuliaPerson, 'POST', '/me/restores', {
      selection: { type: 'search', words: ['segreto'], resourceIds: [secret.resourceId] },
      target: { type: 'original' },
      conflictPolicy: 'skip',
    }),
  ];
  expect((await Promise.all(probes)).map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
  expect((await call<Page<VersionView>>(giuliaPerson, 'GET', '/me/backups/search?q=segreto')).body.items).toEqual([]);

  const waiting = await call<RestoreView>(giuliaPerson, 'POST', '/me/restores', {
    selection: { type: 'resource', resourceId: `onedrive:${giuliaDrive}` },
    target: { type: 'newFolder' },
    conflictPolicy: 'keepBoth',
  });
  expect(waiting.body).toMatchObject({ status: 'awaitingApproval', approval: { decision: 'pending' } });
  const queue = await call<Page<RestoreView>>(admin, 'GET', '/approvals');
  expect(queue.body.items.map((restore) => restore.id)).toEqual([waiting.body.id]);
  const approved = await call<RestoreView>(admin, 'POST', `/approvals/${waiting.body.id}`, { approve: true });
  expect(approved.body.status).toBe('queued');
  const again = await call<{ error: { code: string } }>(admin, 'POST', `/approvals/${waiting.body.id}`, {
    approve: false,
  });
  expect(again.body.error.code).toBe('restore_not_awaiting_approval');

  const done = await finished(giuliaPerson, `/me/restores/${waiting.body.id}`);
  expect(done.status).toBe('completed');
  expect(done.progress.verified).toBe(done.progress.restored);
  expect(done.progress.restored).toBeGreaterThan(0);
  expect((await call<Page<RestoreView>>(giuliaPerson, 'GET', '/me/restores')).body.items.map((r) => r.id)).toContain(
    waiting.body.id,
  );
  expect((await call<Page<RestoreView>>(marcoPerson, 'GET', '/me/restores')).body.items).toEqual([]);
  expect((await call(marcoPerson, 'GET', `/me/restores/${waiting.body.id}`)).status).toBe(404);
}, 120_000);

async function marcoDrive(): Promise<string> {
  return backup.sim.control.listUsers().find((user) => user.userPrincipalName === marco)!.driveId;
}
