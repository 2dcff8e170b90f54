import { createHash } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '../src/index.js';
import { appGraph, appToken, rawGraph, readAllPages, type SimGraph } from './support/clients.js';

let sim: RunningSimulator;
let graph: SimGraph;
let userId: string;

interface Message {
  id: string;
  subject?: string;
  isDraft?: boolean;
  isRead?: boolean;
  sentDateTime?: string;
  receivedDateTime?: string;
  hasAttachments?: boolean;
  flag?: { flagStatus: string };
  '@removed'?: { reason: string };
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const MIME = (subject: string) =>
  [
    'From: "Paolo Verdi" <paolo.verdi@fornitore.example>',
    `To: <x@example.com>`,
    `Subject: ${subject}`,
    'Date: Tue, 03 Feb 2026 10:00:00 +0000',
    'Message-ID: <t-' + subject.replace(/\W/g, '') + '@example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Corpo del messaggio.',
    '',
  ].join('\r\n');

beforeAll(async () => {
  sim = await startSimulator();
  graph = await appGraph(sim);
  userId = (sim.control.listUsers()[2] as { id: string }).id;
});

afterAll(async () => {
  await sim.stop();
});

const inboxDelta = () => `/users/${userId}/mailFolders/inbox/messages/delta?$select=subject,isRead`;

describe('mail', () => {
  // https://learn.microsoft.com/graph/delta-query-messages
  test('messages/delta pages by Prefer: odata.maxpagesize with $skiptoken links and ends with a $deltatoken link', async () => {
    const expected = sim.control.listMessages(userId, 'inbox').length;
    const first = (await graph.client.api(inboxDelta()).header('Prefer', 'odata.maxpagesize=4').get()) as {
      value: Message[];
      '@odata.nextLink': string;
    };
    // Strict mode: a page holds at most what was asked (here between two and four), and a page may repeat the last
    // message of the one before, as the delta query overview warns.
    expect(first.value.length).toBeGreaterThanOrEqual(2);
    expect(first.value.length).toBeLessThanOrEqual(4);
    expect(first['@odata.nextLink']).toContain('$skiptoken=');
    const { items, deltaLink, pages } = await readAllPages<Message>(graph, inboxDelta(), {
      Prefer: 'odata.maxpagesize=4',
    });
    expect(new Set(items.map((item) => item.id)).size).toBe(expected);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected / 4));
    expect(deltaLink).toContain('$deltatoken=');
  });

  // https://learn.microsoft.com/graph/delta-query-messages (deleted and moved-out items arrive with @removed)
  test('a delta round after changes returns only the new, changed and removed messages', async () => {
    const { deltaLink } = await readAllPages<Message>(graph, inboxDelta(), { Prefer: 'odata.maxpagesize=50' });
    const [changed, moved, deleted] = sim.control.listMessages(userId, 'inbox');
    const added = sim.control.addMessage(userId, 'inbox', MIME('Nuovo ordine'));
    sim.control.updateMessage(userId, changed?.id ?? '', { isRead: false });
    sim.control.moveMessage(userId, moved?.id ?? '', 'archive');
    sim.control.deleteMessage(userId, deleted?.id ?? '');
    const round = await readAllPages<Message>(graph, graph.path(deltaLink ?? ''));
    const removed = round.items
      .filter((item) => item['@removed'])
      .map((item) => item.id)
      .sort();
    const present = round.items
      .filter((item) => !item['@removed'])
      .map((item) => item.id)
      .sort();
    expect(removed).toEqual([moved?.id, deleted?.id].sort());
    expect(present).toEqual([added, changed?.id].sort());
    expect(round.items.find((item) => item['@removed'])?.['@removed']).toEqual({ reason: 'deleted' });
    const quiet = await readAllPages<Message>(graph, graph.path(round.deltaLink ?? ''));
    expect(quiet.items).toHaveLength(0);
  });

  // https://learn.microsoft.com/graph/delta-query-messages ($filter on receivedDateTime only)
  test('messages/delta honours $filter on receivedDateTime and refuses other filters', async () => {
    const cutoff = '2025-01-01T00:00:00Z';
    const { items } = await readAllPages<Message>(
      graph,
      `/users/${userId}/mailFolders/inbox/messages/delta?$select=receivedDateTime&$filter=receivedDateTime ge ${cutoff}`,
      { Prefer: 'odata.maxpagesize=100' },
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => (item.receivedDateTime ?? '') >= cutoff)).toBe(true);
    expect(items.length).toBeLessThan(sim.control.listMessages(userId, 'inbox').length);
    await expect(
      graph.client.api(`/users/${userId}/mailFolders/inbox/messages/delta?$filter=subject eq 'x'`).get(),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  // https://learn.microsoft.com/graph/delta-query-overview#synchronization-reset
  test('an invalidated delta token answers 410 SyncStateNotFound', async () => {
    const { deltaLink } = await readAllPages<Message>(graph, inboxDelta(), { Prefer: 'odata.maxpagesize=50' });
    sim.control.invalidateDeltaTokens();
    await expect(graph.client.api(graph.path(deltaLink ?? '')).get()).rejects.toMatchObject({
      statusCode: 410,
      code: 'SyncStateNotFound',
    });
  });

  // https://learn.microsoft.com/graph/outlook-get-mime-message
  test('$value returns the message MIME exactly as stored', async () => {
    const id = sim.control.addMessage(userId, 'inbox', MIME('Verifica MIME àèì'));
    const response = await rawGraph(sim, await appToken(sim), `/users/${userId}/messages/${id}/$value`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(sha256(body)).toBe(sha256(sim.control.messageMime(userId, id)));
  });

  // https://learn.microsoft.com/graph/api/attachment-get (raw contents with /$value)
  test('attachments list with contentBytes and /$value returns the same bytes', async () => {
    const withAttachment = sim.control
      .listMessages(userId, 'inbox')
      .find((message) => message.subject.startsWith('Benvenuti'));
    const list = (await graph.client
      .api(`/users/${userId}/messages/${withAttachment?.id ?? ''}/attachments`)
      .get()) as { value: Array<{ id: string; name: string; contentBytes: string; size: number }> };
    const pdf = list.value.find((attachment) => attachment.name === 'Regolamento aziendale.pdf');
    const raw = await rawGraph(
      sim,
      await appToken(sim),
      `/users/${userId}/messages/${withAttachment?.id ?? ''}/attachments/${pdf?.id ?? ''}/$value`,
    );
    const bytes = Buffer.from(await raw.arrayBuffer());
    expect(bytes.toString('latin1')).toContain('%PDF-1.4');
    expect(bytes.toString('base64')).toBe(pdf?.contentBytes);
    expect(bytes.length).toBe(pdf?.size);
  });

  // https://learn.microsoft.com/graph/api/message-get ($select)
  test('message GET honours $select', async () => {
    const [message] = sim.control.listMessages(userId, 'inbox');
    const got = (await graph.client
      .api(`/users/${userId}/messages/${message?.id ?? ''}`)
      .select(['subject'])
      .get()) as Record<string, unknown>;
    expect(Object.keys(got).filter((key) => !key.startsWith('@'))).toEqual(['id', 'subject']);
  });

  // https://learn.microsoft.com/graph/api/user-post-messages (MIME: "the message is created as a draft")
  test('POST of base64 MIME creates a draft whose $value is that MIME', async () => {
    const mime = MIME('Ripristino come bozza');
    const created = (await graph.client
      .api(`/users/${userId}/mailFolders/inbox/messages`)
      .header('Content-Type', 'text/plain')
      .post(Buffer.from(mime).toString('base64'))) as Message;
    expect(created.isDraft).toBe(true);
    expect(created.subject).toBe('Ripristino come bozza');
    expect(sim.control.messageMime(userId, created.id).toString('utf8')).toBe(mime);
  });

  // https://learn.microsoft.com/graph/api/user-post-messages (request body limit of about 4 MB)
  test('creating a message with a body over 4 MB is refused with 413', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024, 65).toString('base64');
    await expect(
      graph.client.api(`/users/${userId}/mailFolders/inbox/messages`).header('Content-Type', 'text/plain').post(huge),
    ).rejects.toMatchObject({ statusCode: 413 });
  });

  // PidTagMessageFlags https://learn.microsoft.com/office/client-developer/outlook/mapi/pidtagmessageflags-canonical-property
  test('POST of JSON with PidTagMessageFlags 4 and original times creates a sent, non-draft message with those dates', async () => {
    const created = (await graph.client.api(`/users/${userId}/mailFolders/inbox/messages`).post({
      subject: 'Ripristinato con data originale',
      body: { contentType: 'html', content: '<p>Ciao</p>' },
      from: { emailAddress: { name: 'Anna', address: 'anna@example.com' } },
      toRecipients: [{ emailAddress: { address: 'x@example.com' } }],
      singleValueExtendedProperties: [
        { id: 'Integer 0x0E07', value: '4' },
        { id: 'SystemTime 0x0039', value: '2021-03-04T10:00:00Z' },
        { id: 'SystemTime 0x0E06', value: '2021-03-04T10:00:05Z' },
      ],
    })) as Message;
    expect(created.isDraft).toBe(false);
    expect(created.sentDateTime).toBe('2021-03-04T10:00:00.000Z');
    expect(created.receivedDateTime).toBe('2021-03-04T10:00:05.000Z');
    const plain = (await graph.client
      .api(`/users/${userId}/mailFolders/inbox/messages`)
      .post({ subject: 'Senza proprietà' })) as Message;
    expect(plain.isDraft).toBe(true);
  });

  // https://learn.microsoft.com/graph/api/message-update
  test('PATCH changes isRead and the flag and shows in the next delta', async () => {
    const { deltaLink } = await readAllPages<Message>(graph, inboxDelta(), { Prefer: 'odata.maxpagesize=100' });
    const [message] = sim.control.listMessages(userId, 'inbox');
    const patched = (await graph.client
      .api(`/users/${userId}/messages/${message?.id ?? ''}`)
      .patch({ isRead: true, flag: { flagStatus: 'flagged' } })) as Message;
    expect(patched.isRead).toBe(true);
    expect(patched.flag?.flagStatus).toBe('flagged');
    const round = await readAllPages<Message>(graph, graph.path(deltaLink ?? ''));
    expect(round.items.map((item) => item.id)).toEqual([message?.id]);
  });

  // https://learn.microsoft.com/graph/api/message-delete
  test('DELETE removes the message: later GET is 404 ErrorItemNotFound', async () => {
    const id = sim.control.addMessage(userId, 'inbox', MIME('Da eliminare'));
    await graph.client.api(`/users/${userId}/messages/${id}`).delete();
    await expect(graph.client.api(`/users/${userId}/messages/${id}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'ErrorItemNotFound',
    });
  });

  // https://learn.microsoft.com/graph/api/user-sendmail
  test('sendMail answers 202 and the message lands in the outbox and Sent Items', async () => {
    const before = sim.control.listMessages(userId, 'sentitems').length;
    await graph.client.api(`/users/${userId}/sendMail`).post({
      message: {
        subject: 'Report di backup',
        body: { contentType: 'text', content: 'Tutto ok' },
        toRecipients: [{ emailAddress: { address: 'admin@example.com' } }],
      },
    });
    const sent = sim.control.outbox().at(-1);
    expect(sent?.message.subject).toBe('Report di backup');
    expect(sent?.message.to[0]?.address).toBe('admin@example.com');
    expect(sim.control.listMessages(userId, 'sentitems')).toHaveLength(before + 1);
  });

  // https://learn.microsoft.com/graph/api/user-post-mailfolders and mailfolder-post-childfolders
  test('folders are created (top level and child), duplicates are refused, and mailFolders/delta reports them', async () => {
    const { deltaLink } = await readAllPages<{ id: string }>(graph, `/users/${userId}/mailFolders/delta`);
    const top = (await graph.client
      .api(`/users/${userId}/mailFolders`)
      .post({ displayName: 'Ripristino 2026-02' })) as { id: string };
    const child = (await graph.client
      .api(`/users/${userId}/mailFolders/${top.id}/childFolders`)
      .post({ displayName: 'Posta in arrivo' })) as { id: string; parentFolderId: string };
    expect(child.parentFolderId).toBe(top.id);
    await expect(
      graph.client.api(`/users/${userId}/mailFolders`).post({ displayName: 'Ripristino 2026-02' }),
    ).rejects.toMatchObject({ statusCode: 409 });
    const children = (await graph.client.api(`/users/${userId}/mailFolders/${top.id}/childFolders`).get()) as {
      value: Array<{ id: string }>;
    };
    expect(children.value.map((folder) => folder.id)).toEqual([child.id]);
    const round = await readAllPages<{ id: string }>(graph, graph.path(deltaLink ?? ''));
    expect(round.items.map((folder) => folder.id).sort()).toEqual([top.id, child.id].sort());
  });

  // https://learn.microsoft.com/graph/outlook-large-attachments
  test('a large attachment uploads through an upload session in chunks of at most 4 MB', async () => {
    const draft = (await graph.client
      .api(`/users/${userId}/messages`)
      .post({ subject: 'Con allegato grande' })) as Message;
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 123, 7);
    const session = (await graph.client
      .api(`/users/${userId}/messages/${draft.id}/attachments/createUploadSession`)
      .post({
        AttachmentItem: { attachmentType: 'file', name: 'grande.bin', size: bytes.length },
      })) as { uploadUrl: string; nextExpectedRanges: string[] };
    expect(session.nextExpectedRanges).toEqual(['0-']);
    const tooBig = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
    });
    expect(tooBig.status).toBe(413);
    const chunk = 4 * 1024 * 1024;
    const first = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${chunk - 1}/${bytes.length}` },
      body: bytes.subarray(0, chunk),
    });
    expect(first.status).toBe(200);
    const last = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${chunk}-${bytes.length - 1}/${bytes.length}` },
      body: bytes.subarray(chunk),
    });
    expect(last.status).toBe(201);
    expect(last.headers.get('location')).toContain(`/messages/${draft.id}/attachments/`);
    const raw = await rawGraph(
      sim,
      await appToken(sim),
      new URL(last.headers.get('location') ?? '').pathname.replace('/v1.0', '') + '/$value',
    );
    expect(sha256(Buffer.from(await raw.arrayBuffer()))).toBe(sha256(bytes));
  });
});
