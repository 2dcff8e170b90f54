import { createHash } from 'node:crypto';
import type { TenantDefinition } from '@custodia/m365-simulator';
import { Catalog } from '../../src/catalog/index.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { attachment, message } from './fixture.js';
import { startRestoreWorker, waitForRestore, type RestoreWorker } from './restore-harness.js';

/**
 * The sizes the issue names (a 30 MB attachment, a 300 MB file, an empty file) and items moved between two runs,
 * backed up and restored through the real engine and simulator.
 */
const sara = 'sara.neri@grandi.onmicrosoft.com';
const tavole = Buffer.alloc(30_000_000).map((_, index) => (index * 7919) % 253);
const subjects = { big: 'Progetto esecutivo con tavole', moving: 'Da archiviare' };
const tenant: TenantDefinition = {
  displayName: 'Grandi Opere S.p.A.',
  domain: 'grandi.onmicrosoft.com',
  users: [
    {
      userPrincipalName: sara,
      displayName: 'Sara Neri',
      mailbox: {
        folders: [
          {
            displayName: 'Posta in arrivo',
            wellKnownName: 'inbox',
            messages: [
              {
                mime: message(subjects.big, '2025-09-01T08:00:00Z', '<p>Le tavole in allegato.</p>', [
                  attachment('tavole.pdf', 'application/pdf', tavole),
                ]),
                isRead: true,
              },
              { mime: message(subjects.moving, '2025-09-02T08:00:00Z', '<p>Da archiviare.</p>'), isRead: true },
            ],
          },
          { displayName: 'Archivio', messages: [] },
        ],
      },
      drive: {
        items: [
          { name: 'Video', children: [{ name: 'cantiere.bin', size: 300_000_000, seed: 3 }] },
          {
            name: 'Documenti',
            children: [
              { name: 'vuoto.txt', content: '' },
              { name: 'sposta.txt', content: 'in viaggio' },
            ],
          },
          { name: 'Archivio', children: [] },
        ],
      },
    },
  ],
};

let harness: BackupHarness;
let worker: RestoreWorker;
let userId: string;
let driveId: string;
let firstRunEnd: Date;

beforeAll(async () => {
  harness = await startBackupHarness({ tenant, timeScale: 60, enforceLimits: true });
  const { jobId, run } = await harness.runJob({
    name: 'Grandi',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  if (run.status !== 'succeeded') throw new Error(`first backup ended ${run.status}: ${run.error ?? ''}`);
  firstRunEnd = run.finishedAt!;
  const user = harness.sim.control.listUsers()[0]!;
  userId = user.id;
  driveId = user.driveId;
  const control = harness.sim.control;
  const archive = control.listMailFolders(userId).find((folder) => folder.displayName === 'Archivio')!.id;
  const moving = control.listMessages(userId, 'inbox').find((m) => m.subject === subjects.moving)!.id;
  control.moveMessage(userId, moving, archive);
  control.moveDriveItem(driveId, control.findDriveItem(driveId, 'Documenti/sposta.txt')!, 'Archivio');
  const second = await harness.runAgain(jobId);
  if (second.status !== 'succeeded') throw new Error(`second backup ended ${second.status}: ${second.error ?? ''}`);
  worker = await startRestoreWorker(harness, 'restore-large');
  // Two backups of 330 MB under Graph's limits: 163 s on a quiet 2-core machine, 230 s beside the rest of the suite.
}, 600_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function fileSha(path: string): Promise<string | undefined> {
  const id = harness.sim.control.findDriveItem(driveId, path);
  if (!id) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of harness.sim.control.fileContent(driveId, id)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

test('items moved between runs are where each run saw them', async () => {
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const mailFolders = await catalog.listFolders(`mailbox:${userId}`);
  const inbox = mailFolders.find((folder) => folder.displayName === 'Posta in arrivo')!.folderId;
  const archive = mailFolders.find((folder) => folder.displayName === 'Archivio')!.folderId;
  const names = async (folder: string, at?: Date) =>
    (await catalog.browse(`mailbox:${userId}`, folder, at)).map((version) => version.name);
  expect(await names(inbox, firstRunEnd)).toContain(subjects.moving);
  expect(await names(archive, firstRunEnd)).not.toContain(subjects.moving);
  expect(await names(inbox)).not.toContain(subjects.moving);
  expect(await names(archive)).toContain(subjects.moving);
  const files = await catalog.currentItems(`onedrive:${driveId}`);
  expect(files.find((file) => file.name === 'sposta.txt')?.containerPath).toBe('Archivio');
});

test('a 30 MB attachment, a 300 MB file and an empty file come back byte for byte, verified', async () => {
  const control = harness.sim.control;
  const bigSha = await fileSha('Video/cantiere.bin');
  control.deleteMessage(userId, control.listMessages(userId, 'inbox').find((m) => m.subject === subjects.big)!.id);
  control.deleteDriveItem(driveId, control.findDriveItem(driveId, 'Video/cantiere.bin')!);
  control.deleteDriveItem(driveId, control.findDriveItem(driveId, 'Documenti/vuoto.txt')!);

  for (const resourceId of [`mailbox:${userId}`, `onedrive:${driveId}`]) {
    const request = await worker.service.request(harness.tenantId, 'admin@test', {
      selection: { type: 'resource', resourceId },
      target: { type: 'original' },
      conflictPolicy: 'skip',
      language: 'it',
    });
    const done = await waitForRestore(worker.service, harness.tenantId, request.restoreId, 240_000);
    expect({ status: done.status, failed: done.progress.failed, mismatched: done.progress.mismatched }).toEqual({
      status: 'completed',
      failed: 0,
      mismatched: 0,
    });
    const unverified = (await worker.service.itemResults(harness.tenantId, request.restoreId))
      .filter((item) => item.state === 'restored' && !item.verified)
      .map((item) => ({ name: item.name, differences: item.differences }));
    expect(unverified).toEqual([]);
  }

  const restored = control.listMessages(userId, 'inbox').find((m) => m.subject === subjects.big)!;
  const attachments = await harness.gateway.getJson<{ value: { name: string; size: number; id: string }[] }>(
    `/users/${userId}/messages/${restored.id}/attachments?$select=id,name,size`,
    { resource: { kind: 'mailbox', userId } },
  );
  const pdf = attachments.value.find((item) => item.name === 'tavole.pdf')!;
  const bytes = await harness.gateway.getJson<{ contentBytes: string }>(
    `/users/${userId}/messages/${restored.id}/attachments/${pdf.id}`,
    { resource: { kind: 'mailbox', userId } },
  );
  expect(sha256(Buffer.from(bytes.contentBytes, 'base64'))).toBe(sha256(tavole));
  expect(await fileSha('Video/cantiere.bin')).toBe(bigSha);
  expect(await fileSha('Documenti/vuoto.txt')).toBe(sha256(Buffer.alloc(0)));
  expect(await fileSha('Archivio/sposta.txt')).toBe(sha256(Buffer.from('in viaggio')));
}, 600_000);

test('restoring the inbox as of the first run brings the moved message back there and leaves the moved copy', async () => {
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const inbox = (await catalog.listFolders(`mailbox:${userId}`)).find(
    (folder) => folder.displayName === 'Posta in arrivo',
  )!;
  const request = await worker.service.request(harness.tenantId, 'admin@test', {
    selection: { type: 'folder', resourceId: `mailbox:${userId}`, containerId: inbox.folderId, at: firstRunEnd },
    target: { type: 'original' },
    conflictPolicy: 'skip',
    language: 'it',
  });
  const done = await waitForRestore(worker.service, harness.tenantId, request.restoreId, 120_000);
  expect(done.progress).toMatchObject({ restored: 1, skipped: 1, failed: 0, verified: 1 });
  const control = harness.sim.control;
  const archive = control.listMailFolders(userId).find((folder) => folder.displayName === 'Archivio')!.id;
  expect(
    control
      .listMessages(userId, 'inbox')
      .map((m) => m.subject)
      .sort(),
  ).toEqual([subjects.moving, subjects.big].sort());
  expect(control.listMessages(userId, archive).map((m) => m.subject)).toEqual([subjects.moving]);
}, 180_000);
