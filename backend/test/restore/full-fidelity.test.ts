import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import { APP_ROLES } from '@custodia/m365-simulator';
import type { BackupHarness } from '../backup/harness.js';
import { startBackupHarness } from '../backup/harness.js';
import { mailCorpus } from '../mail-fidelity/corpus.js';
import { elena, giulia, marco, restoreTenant } from './fixture.js';
import { restoreAndWait, startRestoreWorker, type RestoreWorker } from './restore-harness.js';

/**
 * The edge-case corpus (multipart alternative/related/signed/encrypted, forwarded messages, invites, legacy 8-bit
 * text, encoded names, trace and custom headers, Bcc, duplicate Message-IDs, empty and 22 MB attachments) injected
 * into a mailbox folder with a unicode name, backed up by the real engine, deleted and restored. With the mailbox
 * import/export API every message must come back byte for byte; without it (no consent) every message is restored
 * through JSON and every one says what it lost.
 */
const folderName = 'Corrispondenza — àèìòù ✓';
const corpus = mailCorpus();

interface Tenant {
  harness: BackupHarness;
  worker: RestoreWorker;
  giuliaId: string;
  marcoId: string;
  folderId: string;
}

async function backedUpCorpus(appRoles: readonly string[], workerName: string): Promise<Tenant> {
  const harness = await startBackupHarness({ tenant: restoreTenant, timeScale: 60, enforceLimits: true, appRoles });
  const users = harness.sim.control.listUsers();
  const giuliaId = users.find((user) => user.userPrincipalName === giulia)!.id;
  const marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
  const folderId = harness.sim.control.addMailFolder(giuliaId, folderName);
  corpus.forEach((message, index) =>
    harness.sim.control.addMessage(giuliaId, folderId, message.mime, { isRead: index % 2 === 0 }),
  );
  const { run } = await harness.runJob({
    name: 'Fidelity',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  if (run.status !== 'succeeded' && run.status !== 'warning') throw new Error(`backup ended ${run.status}`);
  return { harness, worker: await startRestoreWorker(harness, workerName), giuliaId, marcoId, folderId };
}

/** A backed-up corpus tenant for the tests of one describe block, stopped after them. */
function corpusTenant(appRoles: readonly string[], workerName: string): () => Tenant {
  let tenant: Tenant | undefined;
  beforeAll(async () => {
    tenant = await backedUpCorpus(appRoles, workerName);
  }, 240_000);
  afterAll(async () => {
    await tenant?.worker.stop();
    await tenant?.harness.stop();
  });
  return () => tenant!;
}

function deleteFolderContents(tenant: Tenant): void {
  for (const message of tenant.harness.sim.control.listMessages(tenant.giuliaId, tenant.folderId))
    tenant.harness.sim.control.deleteMessage(tenant.giuliaId, message.id);
}

async function restoreFolder(tenant: Tenant, target: { type: 'original' } | { type: 'otherUser'; userId: string }) {
  const done = await restoreAndWait(
    tenant.worker,
    tenant.harness.tenantId,
    {
      selection: {
        type: 'folder',
        resourceId: `mailbox:${tenant.giuliaId}`,
        containerId: `mail:${tenant.folderId}`,
      },
      target,
      conflictPolicy: 'keepBoth',
      language: 'en',
    },
    'admin@test',
  );
  const items = await tenant.worker.service.itemResults(tenant.harness.tenantId, done.restoreId, { limit: 100 });
  return { done, items };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What another author's parser reads in a message: the outside check beside our own verifier. */
async function parsedByPostalMime(mime: Buffer) {
  const email = await PostalMime.parse(mime, { attachmentEncoding: 'arraybuffer' });
  return {
    headers: email.headers,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      mimeType: attachment.mimeType,
      sha256: sha256(Buffer.from(attachment.content as ArrayBuffer)),
    })),
  };
}

/** A simulator record without what Exchange assigns to every new item: its id, change counter and times. */
function withoutIdentity(record: object): Record<string, unknown> {
  const {
    id: _id,
    seq: _seq,
    createdDateTime: _created,
    lastModifiedDateTime: _modified,
    ...rest
  } = record as Record<string, unknown>;
  return rest;
}

describe('with the mailbox import/export API consented', () => {
  const current = corpusTenant(APP_ROLES, 'fidelity-import');
  let tenant: Tenant;
  beforeAll(() => {
    tenant = current();
  });

  test('every message is backed up with Exchange’s full-fidelity stream beside its MIME', async () => {
    const versions = await tenant.harness.database.db
      .collection('itemVersions')
      .find({ tenantId: tenant.harness.tenantId, containerId: `mail:${tenant.folderId}`, validTo: null })
      .toArray();
    expect(versions).toHaveLength(corpus.length);
    expect(versions.every((version) => version.fullFidelity && version.content)).toBe(true);
  });

  test('deleted and restored in place, every message is imported and comes back byte for byte, verified with no differences', async () => {
    deleteFolderContents(tenant);
    const { done, items } = await restoreFolder(tenant, { type: 'original' });
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total: corpus.length, restored: corpus.length, verified: corpus.length });
    expect(items.filter((item) => item.restoredBy !== 'import' || item.differences?.length !== 0)).toEqual([]);

    const restored = tenant.harness.sim.control.listMessages(tenant.giuliaId, tenant.folderId);
    const restoredMimes = restored.map((message) =>
      tenant.harness.sim.control.messageMime(tenant.giuliaId, message.id),
    );
    expect(restoredMimes.map(sha256).sort()).toEqual(corpus.map((message) => sha256(message.mime)).sort());
    const large = corpus.find((message) => message.name.startsWith('30 MB'))!;
    const largeCopy = restoredMimes.find((mime) => mime.length === large.mime.length)!;
    expect(await parsedByPostalMime(largeCopy)).toEqual(await parsedByPostalMime(large.mime));
    expect(restored.every((message) => message.isDraft === false)).toBe(true);
  }, 180_000);

  test('restored into another person’s mailbox, the messages are imported there as they were', async () => {
    const { done, items } = await restoreFolder(tenant, { type: 'otherUser', userId: tenant.marcoId });
    expect(done.progress).toMatchObject({ restored: corpus.length, verified: corpus.length, mismatched: 0 });
    expect(new Set(items.map((item) => item.restoredBy))).toEqual(new Set(['import']));
    expect(new Set(items.map((item) => item.targetResource))).toEqual(new Set([`mailbox:${tenant.marcoId}`]));
  }, 180_000);

  test('deleted contacts and events (series and attendees included) are imported back with every property equal', async () => {
    const control = tenant.harness.sim.control;
    const elenaId = control.listUsers().find((user) => user.userPrincipalName === elena)!.id;
    const sorted = (records: object[]) =>
      records.map(withoutIdentity).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const contactsBefore = sorted(control.listContacts(elenaId));
    const eventsBefore = sorted(control.listEvents(elenaId));
    expect(eventsBefore.some((event) => (event.attendees as unknown[]).length > 0)).toBe(true);
    for (const contact of control.listContacts(elenaId)) control.deleteContact(elenaId, contact.id);
    for (const event of control.listEvents(elenaId)) control.deleteEvent(elenaId, event.id);

    const versions = await tenant.harness.database.db
      .collection('itemVersions')
      .find({ tenantId: tenant.harness.tenantId, resourceId: `mailbox:${elenaId}`, validTo: null })
      .toArray();
    expect(versions.every((version) => version.fullFidelity)).toBe(true);
    const done = await restoreAndWait(tenant.worker, tenant.harness.tenantId, {
      selection: { type: 'versions', versionIds: versions.map((version) => version._id.toHexString()) },
      target: { type: 'original' },
      conflictPolicy: 'skip',
      language: 'it',
    });
    const items = await tenant.worker.service.itemResults(tenant.harness.tenantId, done.restoreId, { limit: 100 });
    expect(items.map((item) => [item.name, item.restoredBy, item.differences])).toEqual(
      items.map((item) => [item.name, 'import', []]),
    );
    expect(sorted(control.listContacts(elenaId))).toEqual(contactsBefore);
    expect(sorted(control.listEvents(elenaId))).toEqual(eventsBefore);
    expect(control.outbox()).toEqual([]);
  }, 120_000);
});

describe('without consent to the mailbox import/export API (the JSON fallback)', () => {
  const current = corpusTenant(
    APP_ROLES.filter((role) => !role.startsWith('Mailbox')),
    'fidelity-json',
  );
  let tenant: Tenant;
  beforeAll(() => {
    tenant = current();
  });

  test('the backup says once that full fidelity is not permitted, and keeps every message’s MIME', async () => {
    const units = await tenant.harness.database.db
      .collection('backupRunUnits')
      .find({ tenantId: tenant.harness.tenantId, resourceId: `mailbox:${tenant.giuliaId}` })
      .toArray();
    const warnings = units.flatMap((unit) =>
      (unit.warnings as { message: string }[]).map((warning) => warning.message),
    );
    expect(
      warnings.filter((warning) => warning.startsWith('Exchange full-fidelity export is not permitted')),
    ).toHaveLength(1);
    // Tasks and notes have no other Graph path: the unit says they are not backed up.
    expect(warnings.filter((warning) => warning.startsWith('Outlook tasks and notes are not backed up'))).toHaveLength(
      1,
    );
    // Recorded by code too, so the job log writes them in each reader's language.
    const codes = units.flatMap((unit) =>
      (unit.warnings as { notice?: { code: string } }[]).map((warning) => warning.notice?.code),
    );
    expect(codes).toEqual(expect.arrayContaining(['full_fidelity_not_permitted', 'tasks_notes_not_permitted']));
    const versions = await tenant.harness.database.db
      .collection('itemVersions')
      .find({ tenantId: tenant.harness.tenantId, containerId: `mail:${tenant.folderId}`, validTo: null })
      .toArray();
    expect(versions).toHaveLength(corpus.length);
    expect(versions.some((version) => version.fullFidelity)).toBe(false);
  });

  test('every message is recreated through JSON and none is reported verified; each names what it lost', async () => {
    deleteFolderContents(tenant);
    const { done, items } = await restoreFolder(tenant, { type: 'original' });
    expect(done.progress).toMatchObject({ restored: corpus.length, verified: 0, mismatched: corpus.length });
    expect(items.every((item) => item.restoredBy === 'json' && item.verified === false)).toBe(true);
    expect(items.every((item) => item.differences?.[0]?.startsWith('recreated through JSON'))).toBe(true);

    // What JSON creation cannot carry, named item by item by the verifier (the simulator models the rest).
    const differencesOf = (subject: string): string =>
      items
        .filter((item) => item.name === subject)
        .flatMap((item) => item.differences ?? [])
        .join('\n');
    expect(differencesOf('Quarterly report')).toContain('part missing (was “text/plain”)');
    expect(differencesOf('Signed contract notice')).toContain('expected “multipart/signed”, found “multipart/mixed”');
    expect(differencesOf('Encrypted payroll')).toContain('expected “application/pkcs7-mime”');
    expect(differencesOf('Relayed newsletter')).toMatch(/25 Received headers missing[\s\S]*/);
    expect(differencesOf('Relayed newsletter')).toContain('Return-Path missing');
    expect(differencesOf('Invitation: Board meeting')).toContain('parameter method missing (was “REQUEST”)');
    const legacy = items.find((item) => item.name.startsWith('Caff'))!;
    expect(legacy.name).toBe('Caffè più tardi?');
    expect(legacy.differences!.join('\n')).not.toContain('Subject');
  }, 240_000);

  test('what JSON can carry comes back exactly: legacy 8-bit text, attachment bytes, Bcc and custom headers', async () => {
    const control = tenant.harness.sim.control;
    const restored = control.listMessages(tenant.giuliaId, tenant.folderId);
    const legacyCopy = restored.find((message) => message.subject === 'Caffè più tardi?')!;
    const legacyText = await PostalMime.parse(control.messageMime(tenant.giuliaId, legacyCopy.id));
    expect(`${legacyText.text ?? ''}${legacyText.html ?? ''}`).toMatch(/[èà]/);
    expect(`${legacyText.text ?? ''}${legacyText.html ?? ''}`).not.toContain('\uFFFD');

    const invite = corpus.find((message) => message.name.startsWith('calendar invite'))!;
    const inviteParsed = await PostalMime.parse(invite.mime, { attachmentEncoding: 'arraybuffer' });
    const inviteCopy = restored.find((message) => message.subject === inviteParsed.subject)!;
    const attachments = await tenant.harness.gateway.getJson<{ value: { name: string; contentBytes?: string }[] }>(
      `/users/${tenant.giuliaId}/messages/${inviteCopy.id}/attachments`,
      { resource: { kind: 'mailbox', userId: tenant.giuliaId } },
    );
    const ics = attachments.value.find((attachment) => attachment.name === 'invite.ics')!;
    expect(Buffer.from(ics.contentBytes!, 'base64').includes('\r\n')).toBe(true);

    const bcc = corpus.find((message) => message.name === 'Bcc header')!;
    const bccParsed = await PostalMime.parse(bcc.mime);
    const bccCopy = restored.find((message) => message.subject === bccParsed.subject)!;
    expect((await PostalMime.parse(control.messageMime(tenant.giuliaId, bccCopy.id))).bcc).toEqual(bccParsed.bcc);

    const custom = corpus.find((message) => message.name === 'custom X- headers')!;
    const customParsed = await PostalMime.parse(custom.mime);
    const customCopy = restored.find((message) => message.subject === customParsed.subject)!;
    const copyHeaders = (await PostalMime.parse(control.messageMime(tenant.giuliaId, customCopy.id))).headers;
    const xHeaders = customParsed.headers.filter((header) => header.key.startsWith('x-')).slice(0, 5);
    for (const header of xHeaders) expect(copyHeaders).toContainEqual(expect.objectContaining({ key: header.key }));

    const forwarded = corpus.find((message) => message.name.startsWith('forwarded'))!;
    const forwardedParsed = await PostalMime.parse(forwarded.mime);
    const forwardedCopy = restored.find((message) => message.subject === forwardedParsed.subject)!;
    const listed = await tenant.harness.gateway.getJson<{ value: { '@odata.type': string }[] }>(
      `/users/${tenant.giuliaId}/messages/${forwardedCopy.id}/attachments`,
      { resource: { kind: 'mailbox', userId: tenant.giuliaId } },
    );
    expect(listed.value.map((attachment) => attachment['@odata.type'])).toContain('#microsoft.graph.itemAttachment');
  }, 60_000);
});
