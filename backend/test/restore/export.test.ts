import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BackupHarness } from '../backup/harness.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { ExportService } from '../../src/restore/index.js';
import { giulia, subjects } from './fixture.js';
import { startBackedUpTenant, currentVersions } from './restore-harness.js';
import { zipEntries } from './zip-entries.js';

let harness: BackupHarness;
let scheduler: Scheduler;
let exports: ExportService;
let giuliaId: string;
let giuliaDrive: string;

beforeAll(async () => {
  harness = await startBackedUpTenant();
  await harness.runJob({
    name: 'Teams',
    scope: { type: 'organisation' },
    workloads: ['teams'],
    dailyTime: '23:00',
    retentionYears: 1,
  });
  scheduler = new Scheduler({ db: harness.database.db, workerName: 'export-worker', pollIntervalMs: 100 });
  exports = new ExportService({
    db: harness.database.db,
    scheduler,
    store: harness.store,
    directory: mkdtempSync(join(tmpdir(), 'custodia-exports-')),
    linkLifetimeMs: 1_500,
  });
  await scheduler.start();
  const user = harness.sim.control.listUsers().find((candidate) => candidate.userPrincipalName === giulia)!;
  giuliaId = user.id;
  giuliaDrive = user.driveId;
}, 60_000);
afterAll(async () => {
  await scheduler?.drain(10_000);
  await harness?.stop();
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function collect(write: (output: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(output);
  return Buffer.concat(chunks);
}

test('a mailbox and a drive export as a ZIP of the exact MIME (EML) and the files themselves', async () => {
  const zip = await collect((output) =>
    exports.streamZip(harness.tenantId, { type: 'resource', resourceId: `mailbox:${giuliaId}` }, output),
  );
  const entries = zipEntries(zip);
  const emls = [...entries.keys()].filter((name) => name.endsWith('.eml'));
  expect(emls).toHaveLength(4);
  expect(emls.some((name) => name.includes('/Progetti/Città 2026/'))).toBe(true);
  for (const version of await currentVersions(harness, `mailbox:${giuliaId}`)) {
    const entry = [...entries].find(([name]) => name.includes(`/${version.name} (`));
    expect(entry).toBeDefined();
    expect(sha256(entry![1])).toBe(sha256(harness.sim.control.messageMime(giuliaId, version.graphId)));
  }
  const large = [...entries].find(([name]) => name.includes(subjects.large))![1].toString('latin1');
  expect(large).toContain('capitolato.bin');

  const files = zipEntries(
    await collect((output) =>
      exports.streamZip(harness.tenantId, { type: 'resource', resourceId: `onedrive:${giuliaDrive}` }, output),
    ),
  );
  const names = [...files.keys()].map((name) => name.split('/').slice(1).join('/')).sort();
  expect(names).toEqual(['Archivio/grande.bin', 'Documenti/Note.txt', 'Documenti/vuoto.txt']);
  const grande = [...files].find(([name]) => name.endsWith('grande.bin'))![1];
  expect(grande.length).toBe(1_500_000);
}, 60_000);

test('Teams threads export as readable HTML (scripts removed) and JSON; a background export downloads by token until it expires', async () => {
  const team = harness.sim.control.listTeams()[0]!;
  const record = await exports.requestExport(harness.tenantId, 'admin@test', {
    type: 'resource',
    resourceId: `team:${team.id}`,
  });
  let ready = await exports.get(harness.tenantId, record.exportId);
  while (ready?.status === 'queued' || ready?.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    ready = await exports.get(harness.tenantId, record.exportId);
  }
  expect(ready).toMatchObject({ status: 'ready', items: 1 });
  const download = await exports.openDownload(harness.tenantId, record.token);
  expect(download).not.toBeNull();
  const chunks: Buffer[] = [];
  for await (const chunk of download!.stream) chunks.push(chunk as Buffer);
  const entries = zipEntries(Buffer.concat(chunks));
  const html = [...entries].find(([name]) => name.endsWith('.html'))![1].toString('utf8');
  expect(html).toContain('Sopralluogo domani');
  expect(html).toContain('Ci sarò');
  expect(html).not.toContain('<script>');
  const json = JSON.parse([...entries].find(([name]) => name.endsWith('.json'))![1].toString('utf8')) as {
    replies: unknown[];
  };
  expect(json.replies).toHaveLength(1);

  expect(await exports.openDownload(harness.tenantId, 'not-a-token')).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 1_600));
  expect(await exports.openDownload(harness.tenantId, record.token)).toBeNull();
}, 60_000);

test('channel messages whose text is a hostile path export under harmless, distinct names', async () => {
  const team = harness.sim.control.listTeams()[0]!;
  const channel = team.channels[0]!;
  for (const text of ['../../../../tmp/x', '..', 'CON', 'C:\\x', 'Riunione però', 'Riunione però']) {
    harness.sim.control.addChannelMessage(team.id, channel.id, giulia, text);
  }
  await harness.runJob({
    name: 'Teams again',
    scope: { type: 'organisation' },
    workloads: ['teams'],
    dailyTime: '23:30',
    retentionYears: 1,
  });
  const entries = zipEntries(
    await collect((output) =>
      exports.streamZip(harness.tenantId, { type: 'resource', resourceId: `team:${team.id}` }, output),
    ),
  );
  const names = [...entries.keys()];
  expect(names.filter((name) => name.endsWith('.html'))).toHaveLength(7);
  expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  for (const segment of names.flatMap((name) => name.split('/'))) {
    expect(segment).not.toMatch(/^\.*$|[\\:*?"<>|\p{Cc}]|^\s|[\s.]$/u);
    expect(segment.split('.')[0]!.trim()).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)$/i);
  }
  expect(names.filter((name) => name.includes('/Riunione però ('))).toHaveLength(4);
}, 60_000);
