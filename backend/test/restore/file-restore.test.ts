import { createHash } from 'node:crypto';
import type { BackupHarness } from '../backup/harness.js';
import { giulia, marco } from './fixture.js';
import { restoreAndWait, startBackedUpTenant, startRestoreWorker, type RestoreWorker } from './restore-harness.js';

let harness: BackupHarness;
let worker: RestoreWorker;
let driveId: string;
let marcoDrive: string;
let marcoId: string;

beforeAll(async () => {
  harness = await startBackedUpTenant();
  worker = await startRestoreWorker(harness, 'restore-files');
  const users = harness.sim.control.listUsers();
  driveId = users.find((user) => user.userPrincipalName === giulia)!.driveId;
  const other = users.find((user) => user.userPrincipalName === marco)!;
  marcoDrive = other.driveId;
  marcoId = other.id;
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

async function sha256Of(drive: string, path: string): Promise<string> {
  const id = harness.sim.control.findDriveItem(drive, path);
  if (!id) throw new Error(`no ${path} in ${drive}`);
  const hash = createHash('sha256');
  for await (const chunk of harness.sim.control.fileContent(drive, id)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const originalSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

test('deleted and changed files come back byte for byte: skip leaves present files, overwrite replaces changed ones', async () => {
  const control = harness.sim.control;
  const bigSha = await sha256Of(driveId, 'Archivio/grande.bin');
  control.deleteDriveItem(driveId, control.findDriveItem(driveId, 'Archivio/grande.bin')!);
  control.deleteDriveItem(driveId, control.findDriveItem(driveId, 'Documenti/vuoto.txt')!);
  control.updateFile(driveId, control.findDriveItem(driveId, 'Documenti/Note.txt')!, Buffer.from('cambiata'));
  const selection = { type: 'resource' as const, resourceId: `onedrive:${driveId}` };

  const skipped = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'original' },
    conflictPolicy: 'skip',
    language: 'it',
  });
  expect(skipped.status).toBe('completed');
  expect(skipped.progress).toMatchObject({ total: 3, restored: 2, skipped: 1, verified: 2, mismatched: 0 });
  expect(await sha256Of(driveId, 'Archivio/grande.bin')).toBe(bigSha);
  expect(await sha256Of(driveId, 'Documenti/vuoto.txt')).toBe(originalSha(''));
  expect(await sha256Of(driveId, 'Documenti/Note.txt')).toBe(originalSha('cambiata'));

  const overwritten = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'original' },
    conflictPolicy: 'overwrite',
    language: 'it',
  });
  expect(overwritten.progress).toMatchObject({ restored: 3, verified: 3 });
  expect(await sha256Of(driveId, 'Documenti/Note.txt')).toBe(originalSha('prima versione'));
  expect(harness.sim.control.listDriveFiles(driveId)).toHaveLength(3);
}, 60_000);

test('keep both writes "name 1.ext" beside the present file; another user’s OneDrive gets the files under a restore folder', async () => {
  const selection = {
    type: 'folder' as const,
    resourceId: `onedrive:${driveId}`,
    containerId: `file:${harness.sim.control.findDriveItem(driveId, 'Documenti')}`,
  };
  const kept = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'original' },
    conflictPolicy: 'keepBoth',
    language: 'it',
  });
  expect(kept.progress).toMatchObject({ restored: 2, verified: 2 });
  expect(await sha256Of(driveId, 'Documenti/Note 1.txt')).toBe(originalSha('prima versione'));
  expect(await sha256Of(driveId, 'Documenti/Note.txt')).toBe(originalSha('prima versione'));

  const other = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'otherUser', userId: marcoId },
    conflictPolicy: 'skip',
    language: 'en',
  });
  expect(other.progress).toMatchObject({ restored: 2, verified: 2 });
  expect(await sha256Of(marcoDrive, `${other.restoreFolderName} - OneDrive — Giulia Rossi/Documenti/Note.txt`)).toBe(
    originalSha('prima versione'),
  );
}, 60_000);
