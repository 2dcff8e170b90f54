import type { BackupHarness } from '../backup/harness.js';
import { startBackupHarness } from '../backup/harness.js';
import { giulia, marco, restoreTenant } from './fixture.js';
import { restoreAndWait, startRestoreWorker, type RestoreWorker } from './restore-harness.js';

/**
 * Outlook tasks and notes, which Graph v1.0 reaches only through the mailbox import/export API: backed up by the real
 * engine from their folders, deleted in the simulated mailbox, and imported back — in place, over themselves, into
 * another person's mailbox — with every MAPI property the simulator keeps for them equal to the original's.
 */
let harness: BackupHarness;
let worker: RestoreWorker;
let giuliaId: string;
let marcoId: string;

beforeAll(async () => {
  harness = await startBackupHarness({ tenant: restoreTenant, timeScale: 60, enforceLimits: true });
  const users = harness.sim.control.listUsers();
  giuliaId = users.find((user) => user.userPrincipalName === giulia)!.id;
  marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
  const control = harness.sim.control;
  control.addTask(giuliaId, {
    subject: 'Rinnovare la polizza — renew the policy',
    body: 'Chiamare il broker entro venerdì',
    dueDateTime: '2026-12-18T16:00:00Z',
    status: 1,
    percentComplete: 0.25,
    importance: 2,
    categories: ['Amministrazione'],
  });
  control.addTask(giuliaId, { subject: 'Archiviare le fatture 2025', status: 2 });
  control.addNote(giuliaId, { subject: 'Codice del cancello: 4711 ✓', body: 'Solo per i fornitori', color: 1 });
  const { run } = await harness.runJob({
    name: 'Tasks and notes',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  if (run.status !== 'succeeded') throw new Error(`backup ended ${run.status}: ${run.error ?? ''}`);
  worker = await startRestoreWorker(harness, 'tasks-notes');
}, 240_000);

afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

/** A stored task or note without what each copy has of its own: id, change counter and folder. */
function comparable(record: object): string {
  const {
    id: _id,
    seq: _seq,
    parentFolderId: _folder,
    lastModifiedDateTime: _modified,
    ...rest
  } = record as Record<string, unknown>;
  return JSON.stringify(rest);
}

const itemsOf = (userId: string) => harness.sim.control.listMailboxOnlyItems(userId);

async function currentTaskAndNoteVersions() {
  return harness.database.db
    .collection('itemVersions')
    .find({
      tenantId: harness.tenantId,
      resourceId: `mailbox:${giuliaId}`,
      kind: { $in: ['task', 'note'] },
      validTo: null,
    })
    .toArray();
}

async function restoreAll(
  target: { type: 'original' } | { type: 'otherUser'; userId: string },
  policy: 'skip' | 'overwrite' | 'keepBoth',
) {
  const versions = await currentTaskAndNoteVersions();
  const done = await restoreAndWait(worker, harness.tenantId, {
    selection: { type: 'versions', versionIds: versions.map((version) => version._id.toHexString()) },
    target,
    conflictPolicy: policy,
    language: 'it',
  });
  const items = await worker.service.itemResults(harness.tenantId, done.restoreId, { limit: 100 });
  return { done, items };
}

test('tasks and notes are backed up by name, in their folders, with Exchange’s full-fidelity stream', async () => {
  const versions = await currentTaskAndNoteVersions();
  expect(versions.map((version) => [version.kind, version.name, version.containerPath]).sort()).toEqual([
    ['note', 'Codice del cancello: 4711 ✓', 'Note'],
    ['task', 'Archiviare le fatture 2025', 'Attività'],
    ['task', 'Rinnovare la polizza — renew the policy', 'Attività'],
  ]);
  expect(versions.every((version) => version.fullFidelity && version.content)).toBe(true);
  const folders = await harness.database.db
    .collection('catalogFolders')
    .find({ tenantId: harness.tenantId, resourceId: `mailbox:${giuliaId}`, folderId: /^(tasks|notes):/ })
    .toArray();
  expect(folders.map((folder) => [folder.displayName, folder.wellKnownName]).sort()).toEqual([
    ['Attività', 'tasks'],
    ['Note', 'notes'],
  ]);
});

test('deleted and restored in place, each is imported back with every property equal, verified', async () => {
  const before = itemsOf(giuliaId).map(comparable).sort();
  for (const item of itemsOf(giuliaId)) harness.sim.control.deleteMailboxOnlyItem(giuliaId, item.id);
  expect(itemsOf(giuliaId)).toEqual([]);

  const { done, items } = await restoreAll({ type: 'original' }, 'skip');
  expect(done.progress).toMatchObject({ total: 3, restored: 3, verified: 3, mismatched: 0 });
  expect(items.map((item) => [item.restoredBy, item.differences])).toEqual(items.map(() => ['import', []]));
  expect(itemsOf(giuliaId).map(comparable).sort()).toEqual(before);
}, 120_000);

test('restored again in place: skip leaves them, overwrite imports over them keeping their ids, keep both adds copies', async () => {
  const ids = itemsOf(giuliaId)
    .map((item) => item.id)
    .sort();
  const skipped = await restoreAll({ type: 'original' }, 'skip');
  expect(skipped.done.progress).toMatchObject({ restored: 0, skipped: 3 });

  const overwritten = await restoreAll({ type: 'original' }, 'overwrite');
  expect(overwritten.done.progress).toMatchObject({ restored: 3, verified: 3 });
  expect(
    itemsOf(giuliaId)
      .map((item) => item.id)
      .sort(),
  ).toEqual(ids);

  const both = await restoreAll({ type: 'original' }, 'keepBoth');
  expect(both.done.progress).toMatchObject({ restored: 3, verified: 3 });
  expect(itemsOf(giuliaId)).toHaveLength(6);
}, 120_000);

test('restored into another person’s mailbox, they land in a restore folder below that person’s Tasks and Notes', async () => {
  const { done, items } = await restoreAll({ type: 'otherUser', userId: marcoId }, 'keepBoth');
  expect(done.progress).toMatchObject({ restored: 3, verified: 3 });
  expect(new Set(items.map((item) => item.targetResource))).toEqual(new Set([`mailbox:${marcoId}`]));
  const folders = harness.sim.control.listMailboxOnlyFolders(marcoId);
  const restoreFolders = folders.filter((folder) => folder.wellKnownName === undefined);
  expect(restoreFolders.map((folder) => folder.displayName)).toEqual([
    expect.stringMatching(/^Ripristino .* - Giulia Rossi$/),
    expect.stringMatching(/^Ripristino .* - Giulia Rossi$/),
  ]);
  const copies = itemsOf(marcoId);
  expect(copies.every((copy) => restoreFolders.some((folder) => folder.id === copy.parentFolderId))).toBe(true);
  expect(new Set(copies.map(comparable))).toEqual(new Set(itemsOf(giuliaId).map(comparable)));
}, 120_000);
