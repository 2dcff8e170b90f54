import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectId } from 'mongodb';
import { pino } from 'pino';
import { itemVersionsCollection, type ItemVersion } from '../../src/catalog/index.js';
import { failuresEntryName } from '../../src/restore/export-zip.js';
import { restoreApiOn } from '../api/support/api-on-backup.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import {
  person,
  seedPortalUser,
  seedTenant,
  startHarness,
  type Harness,
  type TestPerson,
} from '../api/support/harness.js';
import { giulia, restoreTenant } from '../restore/fixture.js';
import { currentVersions, startRestoreWorker, type RestoreWorker } from '../restore/restore-harness.js';
import { zipEntries } from '../restore/zip-entries.js';

/**
 * Issue 19: anyone who can send a meeting invitation to a protected mailbox chooses an event's subject, and an
 * export turns that subject into a ZIP entry's name. Hostile names must come out as harmless entries, through the
 * real API, and the server must go on answering afterwards.
 */
const hostileSubjects = [
  '../../../../tmp/x',
  '..',
  '/abs',
  'C:\\x',
  'bell\u0007and\u001btab\tnewline\n',
  'CON',
  'NUL',
  'x'.repeat(300),
  '. . .',
  'Riunione però',
  'Riunione però',
];

let backup: BackupHarness;
let worker: RestoreWorker;
let api: Harness;
let admin: TestPerson;
let giuliaId: string;
/** What the API logged, one parsed JSON line each, as an operator's log collector would read it. */
const logLines: Array<Record<string, unknown>> = [];
const exportsDir = mkdtempSync(join(tmpdir(), 'custodia-hostile-exports-'));

beforeAll(async () => {
  backup = await startBackupHarness({ tenant: restoreTenant, timeScale: 60 });
  giuliaId = backup.sim.control.listUsers().find((user) => user.userPrincipalName === giulia)!.id;
  for (const [index, subject] of hostileSubjects.entries()) {
    const day = String(index + 1).padStart(2, '0');
    backup.sim.control.addEvent(giuliaId, {
      subject,
      start: `2026-03-${day}T09:00:00Z`,
      end: `2026-03-${day}T10:00:00Z`,
    });
  }
  backup.sim.control.addContact(giuliaId, { givenName: '../../etc', surname: 'passwd' });
  backup.sim.control.addContact(giuliaId, { givenName: 'C:\\Windows', surname: 'CON' });
  const first = await backup.runJob({
    name: 'Hostile names',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  // 'warning': the fixture tenant grants no mailbox import/export consent (tasks and notes), irrelevant here.
  if (first.run.status === 'failed') throw new Error(`fixture backup ended ${first.run.status}`);
  worker = await startRestoreWorker(backup, 'hostile-names');
  api = await startHarness({
    database: backup.database,
    restore: restoreApiOn(backup, worker, exportsDir),
    logger: pino(
      { level: 'warn' },
      { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
    ),
  });
  await seedTenant(api.services, backup.tenantId);
  admin = person(backup.tenantId, 'anna');
  await seedPortalUser(api.services, admin, 'restore_operator');
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await api?.close();
  await backup?.stop();
  rmSync(exportsDir, { recursive: true, force: true });
});

async function zipOf(selection: unknown): Promise<{ status: number; entries: Map<string, Buffer> }> {
  const answer = await fetch(`${api.url}/api/v1/exports/zip`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await api.token(admin)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ selection }),
  });
  return { status: answer.status, entries: zipEntries(Buffer.from(await answer.arrayBuffer())) };
}

test('events and contacts with hostile names export as harmless, distinct entries, and the server keeps serving', async () => {
  const mailbox = { type: 'resource', resourceId: `mailbox:${giuliaId}` };
  const { status, entries } = await zipOf(mailbox);
  expect(status).toBe(200);
  const names = [...entries.keys()];
  for (const name of names) {
    expect(name).not.toMatch(/^[/\\]|^[A-Za-z]:/);
    for (const segment of name.split('/')) {
      expect(segment).not.toMatch(/^\.*$|[\\:*?"<>|\p{Cc}]|^\s|[\s.]$/u);
      expect(segment.split('.')[0]!.trim().toUpperCase()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/);
      expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(255);
    }
  }
  const icsNames = names.filter((name) => name.endsWith('.ics')).map((name) => name.split('/').pop()!);
  expect(icsNames.filter((name) => name.startsWith('Riunione però'))).toHaveLength(2);
  expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  expect(icsNames.length).toBeGreaterThanOrEqual(hostileSubjects.length);
  expect(names.filter((name) => name.endsWith('.vcf')).length).toBeGreaterThanOrEqual(2);

  // The same server still answers, and a second export of the same selection still works.
  const again = await zipOf(mailbox);
  expect(again.status).toBe(200);
  expect([...again.entries.keys()].sort()).toEqual(names.sort());
}, 90_000);

/** A copy of `version` in the catalog whose content the store cannot give back whole, as a damaged pack would. */
async function damagedCopy(version: ItemVersion, name: string, blobIds: string[]): Promise<string> {
  const id = new ObjectId();
  const copy: ItemVersion & { _id: ObjectId } = {
    ...version,
    _id: id,
    graphId: `${version.graphId}-${name}`,
    name,
    content: { ...version.content!, blobIds },
  };
  await itemVersionsCollection.scoped(backup.database.db).insertOne(backup.tenantId, copy);
  return id.toHexString();
}

test('an item the store cannot read is left out and listed; one that breaks halfway ends only its download, and a background export records it and finishes the rest', async () => {
  const versions = await currentVersions(backup, `mailbox:${giuliaId}`);
  const event = versions.find((version) => version.kind === 'event' && version.name === 'Riunione però')!;
  const message = versions.find((version) => version.kind === 'message')!;
  const missingBlob = '0'.repeat(64);
  const unreadable = await damagedCopy(event, 'Evento illeggibile', [missingBlob]);
  const halfway = await damagedCopy(message, 'Messaggio interrotto', [...message.content!.blobIds, missingBlob]);
  const healthy = versions.map((version) => (version as ItemVersion & { _id: ObjectId })._id.toHexString());
  const unexpected: unknown[] = [];
  const collect = (error: unknown): void => void unexpected.push(error);
  process.on('unhandledRejection', collect);
  process.on('uncaughtException', collect);
  try {
    const withUnreadable = await zipOf({ type: 'versions', versionIds: [unreadable, ...healthy] });
    expect(withUnreadable.status).toBe(200);
    expect(withUnreadable.entries.size).toBe(healthy.length + 1);
    const listed = withUnreadable.entries.get(failuresEntryName)!.toString('utf8');
    expect(listed).toContain('Evento illeggibile');
    expect(listed).toContain('Questi elementi non sono stati esportati');

    // Half an entry is already on the wire: the download can only be cut, and the server must not go down with it.
    const cut = await fetch(`${api.url}/api/v1/exports/zip`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await api.token(admin)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ selection: { type: 'versions', versionIds: [halfway, ...healthy] } }),
    });
    await expect(cut.arrayBuffer().then((body) => zipEntries(Buffer.from(body)))).rejects.toThrow();

    const again = await zipOf({ type: 'versions', versionIds: healthy });
    expect(again.entries.size).toBe(healthy.length);

    const queued = await api.call('POST', '/exports', {
      token: await api.token(admin),
      body: { selection: { type: 'versions', versionIds: [halfway, unreadable, ...healthy] } },
    });
    expect(queued.status).toBe(202);
    const id = (queued.body as { id: string }).id;
    let view = { status: 'queued', downloadPath: null as string | null, failures: [] as Array<{ name: string }> };
    for (let attempt = 0; attempt < 300 && (view.status === 'queued' || view.status === 'running'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await api.call('GET', `/exports/${id}`, { token: await api.token(admin) })).body as typeof view;
    }
    expect(view.status).toBe('ready');
    expect(view.failures.map((failure) => failure.name).sort()).toEqual(['Evento illeggibile', 'Messaggio interrotto']);
    const download = zipEntries(
      Buffer.from(await (await fetch(`${api.url}/api/v1${view.downloadPath}`)).arrayBuffer()),
    );
    expect(download.size).toBe(healthy.length + 1);
    // Each failed download left a line for the operator, saying which route and which items.
    expect(logLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          msg: 'ZIP export sent without the items that could not be read',
          route: 'exports.zip',
        }),
        expect.objectContaining({ msg: 'streamed response failed', route: 'exports.zip' }),
      ]),
    );
  } finally {
    process.off('unhandledRejection', collect);
    process.off('uncaughtException', collect);
  }
  expect(unexpected).toEqual([]);
}, 90_000);
