import { createHash } from 'node:crypto';
import type { BackupHarness } from '../backup/harness.js';
import { giulia, largeAttachment, marco, subjects } from './fixture.js';
import {
  restoreAndWait,
  startBackedUpTenant,
  startRestoreWorker,
  waitForRestore,
  type RestoreWorker,
} from './restore-harness.js';

let harness: BackupHarness;
let worker: RestoreWorker;
let giuliaId: string;
let marcoId: string;

beforeAll(async () => {
  harness = await startBackedUpTenant();
  worker = await startRestoreWorker(harness, 'restore-worker-a');
  const users = harness.sim.control.listUsers();
  giuliaId = users.find((user) => user.userPrincipalName === giulia)!.id;
  marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

interface GraphMessage {
  id: string;
  subject: string;
  isDraft: boolean;
  isRead: boolean;
  receivedDateTime: string;
  sentDateTime: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function folderByPath(userId: string, path: string[]): string | undefined {
  const folders = harness.sim.control.listMailFolders(userId);
  let parent = folders.find((folder) => folder.wellKnownName === 'inbox')!.parentFolderId;
  let id: string | undefined;
  for (const name of path) {
    id = folders.find((folder) => folder.parentFolderId === parent && folder.displayName === name)?.id;
    if (!id) return undefined;
    parent = id;
  }
  return id;
}

async function messagesIn(userId: string, folderId: string): Promise<GraphMessage[]> {
  const all: GraphMessage[] = [];
  const path = `/users/${userId}/mailFolders/${folderId}/messages?$select=id,subject,isDraft,isRead,receivedDateTime,sentDateTime`;
  for await (const page of harness.gateway.pages<GraphMessage>(path, { resource: { kind: 'mailbox', userId } }))
    all.push(...page);
  return all;
}

function messageId(userId: string, folder: string, subject: string): string {
  return harness.sim.control.listMessages(userId, folder).find((message) => message.subject === subject)!.id;
}

test('deleted messages return to their folders as received mail with original dates, read state and attachment bytes; present ones are skipped', async () => {
  const control = harness.sim.control;
  const nested = folderByPath(giuliaId, ['Progetti', 'Città 2026'])!;
  control.deleteMessage(giuliaId, messageId(giuliaId, 'inbox', subjects.large));
  control.deleteMessage(giuliaId, messageId(giuliaId, nested, subjects.nested));

  const done = await restoreAndWait(worker, harness.tenantId, {
    selection: { type: 'resource', resourceId: `mailbox:${giuliaId}` },
    target: { type: 'original' },
    conflictPolicy: 'skip',
    language: 'it',
  });
  expect(done.status).toBe('completed');
  expect(done.progress).toMatchObject({ total: 4, restored: 2, skipped: 2, failed: 0, verified: 2, mismatched: 0 });

  const inbox = await messagesIn(giuliaId, 'inbox');
  expect(inbox.map((message) => message.subject).sort()).toEqual(
    [subjects.large, subjects.inline, subjects.plain].sort(),
  );
  const large = inbox.find((message) => message.subject === subjects.large)!;
  expect(large).toMatchObject({ isDraft: false, isRead: true });
  expect(new Date(large.receivedDateTime).toISOString()).toBe('2025-03-04T10:30:00.000Z');
  expect(new Date(large.sentDateTime).toISOString()).toBe('2025-03-04T10:30:00.000Z');
  const attachments = await harness.gateway.getJson<{ value: { name: string; contentBytes: string }[] }>(
    `/users/${giuliaId}/messages/${large.id}/attachments`,
    { resource: { kind: 'mailbox', userId: giuliaId } },
  );
  const capitolato = attachments.value.find((attachment) => attachment.name === 'capitolato.bin')!;
  expect(sha256(Buffer.from(capitolato.contentBytes, 'base64'))).toBe(sha256(largeAttachment));
  expect(attachments.value.map((attachment) => attachment.name).sort()).toEqual(['capitolato.bin', 'nota.txt']);

  const restoredNested = await messagesIn(giuliaId, nested);
  expect(restoredNested).toEqual([expect.objectContaining({ subject: subjects.nested, isDraft: false })]);

  const results = await worker.service.itemResults(harness.tenantId, done.restoreId);
  expect(
    results
      .filter((item) => item.state === 'restored')
      .every((item) => item.verified && item.differences?.length === 0),
  ).toBe(true);
  const completed = await harness.database.db
    .collection('domainEvents')
    .findOne({ type: 'restore.completed', 'payload.restoreId': done.restoreId });
  expect(completed?.payload).toMatchObject({ restored: 2, skipped: 2, verified: 2 });
}, 60_000);

test('overwrite replaces the changed copy with the backup; keep both adds a second copy beside it', async () => {
  const plainId = messageId(giuliaId, 'inbox', subjects.plain);
  harness.sim.control.updateMessage(giuliaId, plainId, { isRead: false, categories: ['Cambiato'] });
  const versions = await harness.database.db
    .collection('itemVersions')
    .find({ tenantId: harness.tenantId, resourceId: `mailbox:${giuliaId}`, name: subjects.plain, validTo: null })
    .toArray();
  const selection = { type: 'versions' as const, versionIds: versions.map((version) => version._id.toHexString()) };

  const overwritten = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'original' },
    conflictPolicy: 'overwrite',
    language: 'en',
  });
  expect(overwritten.progress).toMatchObject({ restored: 1, verified: 1 });
  let copies = (await messagesIn(giuliaId, 'inbox')).filter((message) => message.subject === subjects.plain);
  expect(copies).toEqual([expect.objectContaining({ isRead: true, isDraft: false })]);

  const kept = await restoreAndWait(worker, harness.tenantId, {
    selection,
    target: { type: 'original' },
    conflictPolicy: 'keepBoth',
    language: 'en',
  });
  expect(kept.progress).toMatchObject({ restored: 1, verified: 1 });
  copies = (await messagesIn(giuliaId, 'inbox')).filter((message) => message.subject === subjects.plain);
  expect(copies).toHaveLength(2);
}, 60_000);

test('a new folder named by the requester’s language keeps the original path; another user’s mailbox gets a folder named after the owner', async () => {
  const nested = folderByPath(giuliaId, ['Progetti', 'Città 2026'])!;
  const folder = await restoreAndWait(worker, harness.tenantId, {
    selection: { type: 'folder', resourceId: `mailbox:${giuliaId}`, containerId: `mail:${nested}` },
    target: { type: 'newFolder' },
    conflictPolicy: 'skip',
    language: 'it',
  });
  expect(folder.restoreFolderName).toMatch(/^Ripristino \d{4}-\d\d-\d\d \d\d\.\d\d$/);
  expect(folder.progress).toMatchObject({ total: 1, restored: 1, verified: 1 });
  const copy = folderByPath(giuliaId, [folder.restoreFolderName, 'Progetti', 'Città 2026'])!;
  expect((await messagesIn(giuliaId, copy)).map((message) => message.subject)).toEqual([subjects.nested]);

  const other = await restoreAndWait(worker, harness.tenantId, {
    selection: { type: 'folder', resourceId: `mailbox:${giuliaId}`, containerId: `mail:${nested}` },
    target: { type: 'otherUser', userId: marcoId },
    conflictPolicy: 'skip',
    language: 'en',
  });
  expect(other.progress).toMatchObject({ restored: 1, verified: 1 });
  const intoMarco = folderByPath(marcoId, [`${other.restoreFolderName} - Giulia Rossi`, 'Progetti', 'Città 2026'])!;
  expect((await messagesIn(marcoId, intoMarco)).map((message) => message.isDraft)).toEqual([false]);
}, 60_000);

test('a worker stopped mid-restore is resumed by another without duplicating any message', async () => {
  // Every Graph answer a second late: once an item is marked as being written, its write takes at least that long,
  // so the halt below lands inside it however loaded the machine (unslowed, a busy worker once finished all four
  // messages before the test saw the first one restored).
  harness.sim.control.setFaults({ slowRate: 1, slowMs: 1_000 });
  const request = await worker.service.request(harness.tenantId, 'admin@test', {
    selection: { type: 'resource', resourceId: `mailbox:${giuliaId}` },
    target: { type: 'newFolder' },
    conflictPolicy: 'keepBoth',
    language: 'en',
  });
  // Stop the worker while it writes a message: it stops right after that write, before recording it.
  for (;;) {
    const items = await worker.service.itemResults(harness.tenantId, request.restoreId);
    if (items.some((item) => item.state === 'writing')) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  worker.service.halt();
  await worker.stop();
  harness.sim.control.setFaults({});
  const interrupted = await worker.service.get(harness.tenantId, request.restoreId);
  expect(interrupted?.status).toBe('running');
  const items = await worker.service.itemResults(harness.tenantId, request.restoreId);
  expect(items.some((item) => item.state === 'writing')).toBe(true);

  worker = await startRestoreWorker(harness, 'restore-worker-b');
  expect(await worker.service.resumeInterrupted(harness.tenantId)).toContain(request.restoreId);
  const done = await waitForRestore(worker.service, harness.tenantId, request.restoreId);
  expect(done.progress).toMatchObject({ total: 4, restored: 4, failed: 0, verified: 4 });

  const root = folderByPath(giuliaId, [done.restoreFolderName])!;
  const inboxCopy = folderByPath(giuliaId, [done.restoreFolderName, 'Posta in arrivo'])!;
  const nestedCopy = folderByPath(giuliaId, [done.restoreFolderName, 'Progetti', 'Città 2026'])!;
  expect(root).toBeDefined();
  const subjectsRestored = [
    ...(await messagesIn(giuliaId, inboxCopy)),
    ...(await messagesIn(giuliaId, nestedCopy)),
  ].map((m) => m.subject);
  expect(subjectsRestored.sort()).toEqual([subjects.inline, subjects.large, subjects.nested, subjects.plain].sort());
}, 60_000);
