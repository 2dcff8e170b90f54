import { APP_ROLES, startSimulator, type RunningSimulator } from '../src/index.js';
import { appGraph, appToken, rawGraph, readAllPages, type SimGraph } from './support/clients.js';

let sim: RunningSimulator;
let graph: SimGraph;
let token: string;
let alice: { id: string; userPrincipalName: string };
let bruno: { id: string; userPrincipalName: string };
let aliceMailbox: string;
let brunoMailbox: string;

beforeAll(async () => {
  sim = await startSimulator();
  graph = await appGraph(sim);
  token = await appToken(sim);
  const users = sim.control.listUsers();
  alice = users[3] as typeof alice;
  bruno = users[4] as typeof bruno;
  aliceMailbox = sim.control.mailboxId(alice.id);
  brunoMailbox = sim.control.mailboxId(bruno.id);
});

afterAll(async () => {
  await sim.stop();
});

type Json = Record<string, unknown>;

/** A Graph call with the app token: status, headers and the parsed JSON body (if any). */
async function call(method: string, path: string, body?: unknown, bearer = token) {
  const response = await rawGraph(sim, bearer, path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : {}) as Json };
}

const mbx = (mailboxId: string) => `/admin/exchange/mailboxes/${mailboxId}`;
const afterBase = (link: string) => link.slice(sim.graphBaseUrl.length);

async function exportOne(mailboxId: string, itemId: string): Promise<string> {
  const { status, json } = await call('POST', `${mbx(mailboxId)}/exportItems`, { itemIds: [itemId] });
  expect(status).toBe(200);
  const [entry] = json['value'] as Array<{ itemId: string; data?: string }>;
  expect(entry?.itemId).toBe(itemId);
  return entry?.data ?? '';
}

async function importUrlFor(mailboxId: string): Promise<string> {
  const { status, json } = await call('POST', `${mbx(mailboxId)}/createImportSession`);
  expect(status).toBe(200);
  return json['importUrl'] as string;
}

/** `POST {importUrl}` without any Authorization header, as the how-to says. */
async function importInto(importUrl: string, body: Json) {
  const response = await fetch(importUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}

async function mime(userId: string, messageId: string): Promise<Buffer> {
  const response = await rawGraph(sim, token, `/users/${userId}/messages/${messageId}/$value`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** 8-bit latin1 text without MIME-Version, folded headers, an encoded word in iso-8859-1. */
const LATIN1_MIME = Buffer.from(
  [
    'Received: from mx.example.net (mx.example.net [192.0.2.1])\r\n\tby mail.example.com; Mon, 02 Feb 2026 08:59:58 +0100',
    'From: =?iso-8859-1?q?Jos=E9_Garc=EDa?= <jose@example.com>',
    'To: <alice@example.com>',
    'Subject: Caff\xe8 e pr\xeat-\xe0-porter',
    'Date: Mon, 02 Feb 2026 09:00:00 +0100',
    'Message-ID: <latin1-8bit@example.com>',
    'Content-Type: text/plain; charset=iso-8859-1',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Perch\xe9 non c\x92\xe8 MIME-Version: byte 8-bit grezzi \xa9 \xff',
    '',
  ].join('\r\n'),
  'latin1',
);

const SIGNED_MIME = Buffer.from(
  [
    'From: "Ufficio Acquisti" <acquisti@fornitore.example>',
    'To: alice@example.com',
    'Subject: Ordine firmato',
    'Date: Tue, 03 Feb 2026 10:15:00 +0000',
    'Message-ID: <signed-1@fornitore.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/signed; protocol="application/pkcs7-signature";',
    ' micalg=sha-256; boundary="----=_signed_boundary"',
    '',
    'This is an S/MIME signed message',
    '',
    '------=_signed_boundary',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Totale: 1.234,56 =E2=82=AC   ',
    '',
    '------=_signed_boundary',
    'Content-Type: application/pkcs7-signature; name="smime.p7s"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="smime.p7s"',
    '',
    'MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIC',
    '',
    '------=_signed_boundary--',
    '',
  ].join('\r\n'),
  'utf8',
);

const markerId = 'String {6e1f3c52-9b8d-4a27-8f3e-2d1c0b9a8e71} Name CustodiaRestoreMarker';
const expandMarker = `$expand=singleValueExtendedProperties($filter=id eq '${markerId}')`;

describe('exchange settings', () => {
  // https://learn.microsoft.com/graph/api/usersettings-list-exchange
  test('GET /users/{id | upn}/settings/exchange gives the primary mailbox id, stable and per user', async () => {
    const byId = await call('GET', `/users/${alice.id}/settings/exchange`);
    const byUpn = await call('GET', `/users/${alice.userPrincipalName}/settings/exchange`);
    expect(byId.status).toBe(200);
    expect(byId.json['primaryMailboxId']).toMatch(new RegExp(`^MBX:[0-9a-f-]{36}@${sim.tenantId}$`));
    expect(byUpn.json['primaryMailboxId']).toBe(byId.json['primaryMailboxId']);
    expect(byId.json['@odata.context']).toBe(
      `${sim.graphBaseUrl}/$metadata#users('${alice.id}')/settings/exchange/$entity`,
    );
    expect(Object.keys(byId.json).sort()).toEqual(['@odata.context', 'primaryMailboxId']);
    expect(byId.json['primaryMailboxId']).toBe(aliceMailbox);
    expect(brunoMailbox).not.toBe(aliceMailbox);
    const restarted = await startSimulator();
    try {
      expect(restarted.control.mailboxId(alice.id)).toBe(aliceMailbox);
    } finally {
      await restarted.stop();
    }
  });
});

/** A mailboxFolder as the API renders it (https://learn.microsoft.com/graph/api/resources/mailboxfolder). */
interface Folder {
  id: string;
  displayName: string;
  type: string;
  wellKnownName: string | null;
  parentFolderId?: string;
  parentMailboxUrl: string;
  totalItemCount?: number;
  childFolderCount?: number;
  '@odata.type': string;
}

describe('mailbox folders', () => {
  // https://learn.microsoft.com/graph/api/mailbox-list-folders
  test('folders lists mail, contact and calendar folders with the ids of the mail, contacts and calendar APIs', async () => {
    const calendar = (await graph.client.api(`/users/${alice.id}/calendars`).post({ name: 'Progetti' })) as Json;
    const { items } = await readAllPages<Folder>(graph, `${mbx(aliceMailbox)}/folders`);
    const inbox = (await graph.client.api(`/users/${alice.id}/mailFolders/inbox`).get()) as Json;
    // /contactFolders lists the default Contacts folder's children, not the folder itself: the tenant names it.
    const contactFolders = sim.control.listContactFolders(alice.id);
    const defaultContacts = contactFolders.find(
      (folder) => !contactFolders.some((o) => o.id === folder.parentFolderId),
    );
    const calendars = (await graph.client.api(`/users/${alice.id}/calendars`).get()) as { value: Json[] };
    const byId = new Map(items.map((folder) => [folder.id, folder]));
    expect(byId.get(inbox['id'] as string)).toMatchObject({
      '@odata.type': '#microsoft.graph.mailboxFolder',
      displayName: inbox['displayName'],
      type: 'IPF.Note',
      wellKnownName: 'inbox',
      totalItemCount: inbox['totalItemCount'],
      parentMailboxUrl: `${sim.graphBaseUrl}/admin/exchange/mailboxes/${aliceMailbox}`,
    });
    expect(byId.get(defaultContacts?.id ?? '')).toMatchObject({
      type: 'IPF.Contact',
      wellKnownName: 'contacts',
    });
    const defaultCalendar = calendars.value.find((entry) => entry['isDefaultCalendar'])?.['id'] as string;
    expect(byId.get(defaultCalendar)).toMatchObject({ type: 'IPF.Appointment', wellKnownName: 'calendar' });
    expect(items.every((folder) => folder.wellKnownName !== 'recoverableitemsdeletions')).toBe(true);

    // The calendar created above is a child of the default calendar.
    const children = (await call('GET', `${mbx(aliceMailbox)}/folders/${defaultCalendar}/childFolders`)).json;
    expect((children['value'] as Folder[]).map((folder) => folder.id)).toEqual([calendar['id']]);
    expect(children['@odata.context']).toBe(
      `${sim.graphBaseUrl}/$metadata#admin/exchange/mailboxes/${aliceMailbox}/folders('${defaultCalendar}')/childFolders`,
    );
  });

  // https://learn.microsoft.com/graph/api/mailbox-list-folders (example 2), /graph/api/mailboxfolder-get
  test('$filter on type with $select and $top, $skip paging, get by id or well-known name', async () => {
    const filtered = await call(
      'GET',
      `${mbx(aliceMailbox)}/folders?$filter=type eq 'IPF.Appointment'&$select=displayName,type,wellKnownName&$top=5`,
    );
    expect(filtered.status).toBe(200);
    const value = filtered.json['value'] as Json[];
    expect(value.map((folder) => folder['type'])).toEqual(['IPF.Appointment']);
    expect(Object.keys(value[0] ?? {}).sort()).toEqual(
      ['@odata.type', 'displayName', 'id', 'parentMailboxUrl', 'type', 'wellKnownName'].sort(),
    );
    expect(filtered.json['@odata.context']).toBe(
      `${sim.graphBaseUrl}/$metadata#admin/exchange/mailboxes/${aliceMailbox}/folders`,
    );

    const all = await readAllPages<Folder>(graph, `${mbx(aliceMailbox)}/folders`);
    const first = await call('GET', `${mbx(aliceMailbox)}/folders?$top=3`);
    expect((first.json['value'] as Json[]).length).toBe(3);
    const next = first.json['@odata.nextLink'] as string;
    expect(next).toBe(`${sim.graphBaseUrl}/admin/exchange/mailboxes/${aliceMailbox}/folders?%24top=3&%24skip=3`);
    const ids = (first.json['value'] as Folder[]).map((folder) => folder.id);
    let link: string | undefined = next;
    while (link) {
      const page = await call('GET', afterBase(link));
      ids.push(...(page.json['value'] as Folder[]).map((folder) => folder.id));
      link = page.json['@odata.nextLink'] as string | undefined;
    }
    expect(ids).toEqual(all.items.map((folder) => folder.id));

    const inbox = await call('GET', `${mbx(aliceMailbox)}/folders/Inbox`);
    expect(inbox.json).toMatchObject({ type: 'IPF.Note', wellKnownName: 'inbox' });
    const byId = await call('GET', `${mbx(aliceMailbox)}/folders/${inbox.json['id'] as string}`);
    expect(byId.json['id']).toBe(inbox.json['id']);
    expect((await call('GET', `${mbx(aliceMailbox)}/folders/AAMkNOPE`)).status).toBe(404);
    expect((await call('GET', `${mbx('MBX:00000000-0000-4000-a000-000000000000@x')}/folders`)).status).toBe(404);
    const unsupported = await call('GET', `${mbx(aliceMailbox)}/folders?$filter=startswith(displayName,'P')`);
    expect(unsupported.status).toBe(400);
  });

  // https://learn.microsoft.com/graph/api/mailboxfolder-delta, /graph/api/mailbox-post-folders
  test('folders/delta enumerates every folder, then reports created ones; a folder created here is a mail folder there', async () => {
    const first = await readAllPages<Folder>(graph, `${mbx(aliceMailbox)}/folders/delta`, {
      Prefer: 'odata.maxpagesize=4',
    });
    expect(first.pages).toBeGreaterThan(1);
    expect(first.deltaLink).toContain('$deltatoken=');
    const types = new Set(first.items.map((folder) => folder.type));
    expect([...types].sort()).toEqual(['IPF.Appointment', 'IPF.Contact', 'IPF.Note', 'IPF.StickyNote', 'IPF.Task']);

    const mail = await call('POST', `${mbx(aliceMailbox)}/folders`, { displayName: 'Ripristino', type: 'IPF.Note' });
    expect(mail.status).toBe(201);
    expect(mail.json).toMatchObject({ displayName: 'Ripristino', type: 'IPF.Note', wellKnownName: null });
    const contacts = await call('POST', `${mbx(aliceMailbox)}/folders`, {
      displayName: 'Rubrica ripristinata',
      type: 'IPF.Contact',
    });
    expect(contacts.status).toBe(201);
    expect(
      (await call('POST', `${mbx(aliceMailbox)}/folders`, { displayName: 'ripristino', type: 'IPF.Note' })).status,
    ).toBe(409);
    const viaMail = (await graph.client
      .api(`/users/${alice.id}/mailFolders/${mail.json['id'] as string}`)
      .get()) as Json;
    expect(viaMail['displayName']).toBe('Ripristino');
    // Reached by its id (https://learn.microsoft.com/graph/api/contactfolder-get): /contactFolders lists only the
    // default Contacts folder's children.
    const viaContacts = (await graph.client
      .api(`/users/${alice.id}/contactFolders/${contacts.json['id'] as string}`)
      .get()) as Json;
    expect(viaContacts['displayName']).toBe('Rubrica ripristinata');

    const round = await readAllPages<Folder>(graph, graph.path(first.deltaLink ?? ''));
    expect(round.items.map((folder) => folder.id).sort()).toEqual(
      [mail.json['id'] as string, contacts.json['id'] as string].sort(),
    );
  });
});

describe('mailbox items', () => {
  interface Item {
    id: string;
    type: string;
    size: number;
    changeKey: string;
    createdDateTime: string;
    categories: string[];
    '@odata.etag': string;
    '@removed'?: { reason: string };
  }

  // https://learn.microsoft.com/graph/api/mailboxfolder-list-items, /graph/api/mailboxitem-get
  test('items of a mail, contact and calendar folder carry the ids, change keys and sizes of the other APIs', async () => {
    const inbox = (await call('GET', `${mbx(aliceMailbox)}/folders/inbox`)).json;
    const { items } = await readAllPages<Item>(graph, `${mbx(aliceMailbox)}/folders/${inbox['id'] as string}/items`);
    const messages = sim.control.listMessages(alice.id, 'inbox');
    expect(items.map((item) => item.id).sort()).toEqual(messages.map((message) => message.id).sort());
    const [item] = items;
    const message = (await graph.client.api(`/users/${alice.id}/messages/${item?.id ?? ''}`).get()) as Json;
    expect(item).toMatchObject({
      '@odata.type': '#microsoft.graph.mailboxItem',
      '@odata.etag': `W/"${message['changeKey'] as string}"`,
      type: 'IPM.Note',
      changeKey: message['changeKey'],
      size: (await mime(alice.id, item?.id ?? '')).length,
    });
    expect(item?.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const got = await call('GET', `${mbx(aliceMailbox)}/folders/Inbox/items/${item?.id ?? ''}?$select=type,size`);
    expect(got.status).toBe(200);
    expect(Object.keys(got.json).sort()).toEqual(
      ['@odata.context', '@odata.etag', '@odata.type', 'id', 'size', 'type'].sort(),
    );
    const elsewhere = await call('GET', `${mbx(aliceMailbox)}/folders/sentitems/items/${item?.id ?? ''}`);
    expect(elsewhere.status).toBe(404);

    const contactId = sim.control.addContact(alice.id, { givenName: 'Carla', surname: 'Neri', email: 'c@x.it' });
    const contactFolder = sim.control.listContactFolders(alice.id)[0]?.id ?? '';
    const contactItems = (await call('GET', `${mbx(aliceMailbox)}/folders/${contactFolder}/items`)).json;
    expect(contactItems['value']).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: contactId, type: 'IPM.Contact' })]),
    );
    const eventId = sim.control.addEvent(alice.id, {
      subject: 'Revisione',
      start: '2026-02-10T09:00:00Z',
      end: '2026-02-10T10:00:00Z',
    });
    const eventItems = (
      await call('GET', `${mbx(aliceMailbox)}/folders/calendar/items?$filter=type eq 'IPM.Appointment'`)
    ).json;
    expect(eventItems['value']).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: eventId, type: 'IPM.Appointment' })]),
    );
  });

  // https://learn.microsoft.com/graph/api/mailboxfolder-list-items (example 2: $filter, $select, $top, $skip nextLink)
  test('items filter on createdDateTime and page by $skip through folders(…)/items links', async () => {
    const folder = sim.control.addMailFolder(alice.id, 'Paginazione');
    for (let index = 0; index < 5; index++)
      sim.control.addMessage(
        alice.id,
        folder,
        `Subject: n${index}\r\nDate: Mon, 0${index + 1} Feb 2026 10:00:00 +0000\r\n\r\nx`,
      );
    const first = await call('GET', `${mbx(aliceMailbox)}/folders/${folder}/items?$select=type,size&$top=2`);
    expect((first.json['value'] as Json[]).length).toBe(2);
    const next = first.json['@odata.nextLink'] as string;
    expect(next).toBe(
      `${sim.graphBaseUrl}/admin/exchange/mailboxes/${aliceMailbox}/folders('${folder}')/items?%24select=type%2Csize&%24top=2&%24skip=2`,
    );
    const second = await call('GET', afterBase(next));
    expect(second.status).toBe(200);
    expect((second.json['value'] as Json[]).length).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    const none = await call(
      'GET',
      `${mbx(aliceMailbox)}/folders/${folder}/items?$filter=createdDateTime lt 2020-01-01`,
    );
    expect(none.json['value']).toEqual([]);
    const counted = await call(
      'GET',
      `${mbx(aliceMailbox)}/folders/${folder}/items?$filter=createdDateTime ge ${today}&$count=true&$top=1`,
    );
    expect(counted.json['@odata.count']).toBe(5);
  });

  // https://learn.microsoft.com/graph/api/mailboxitem-delta, /graph/delta-query-overview (@removed)
  test('items/delta reports new, changed and removed items of the folder', async () => {
    const folder = sim.control.addMailFolder(alice.id, 'Delta');
    const kept = sim.control.addMessage(alice.id, folder, 'Subject: kept\r\n\r\nx');
    const changed = sim.control.addMessage(alice.id, folder, 'Subject: changed\r\n\r\nx');
    const deleted = sim.control.addMessage(alice.id, folder, 'Subject: deleted\r\n\r\nx');
    const first = await readAllPages<Item>(graph, `${mbx(aliceMailbox)}/folders/${folder}/items/delta`, {
      Prefer: 'odata.maxpagesize=2',
    });
    // Strict mode: pages may hold fewer than two, and a page may repeat the last item of the one before.
    expect([...new Set(first.items.map((item) => item.id))].sort()).toEqual([kept, changed, deleted].sort());
    expect(first.pages).toBeGreaterThanOrEqual(2);
    sim.control.updateMessage(alice.id, changed, { categories: ['Rosso'] });
    await call('DELETE', `/users/${alice.id}/messages/${deleted}`);
    const added = sim.control.addMessage(alice.id, folder, 'Subject: added\r\n\r\nx');
    const round = await readAllPages<Item>(graph, graph.path(first.deltaLink ?? ''));
    const present = round.items.filter((item) => !item['@removed']);
    expect(present.map((item) => item.id).sort()).toEqual([changed, added].sort());
    expect(present.find((item) => item.id === changed)?.categories).toEqual(['Rosso']);
    expect(round.items.filter((item) => item['@removed'])).toEqual([
      { '@odata.type': '#microsoft.graph.mailboxItem', id: deleted, '@removed': { reason: 'deleted' } },
    ]);

    const calendarFirst = await readAllPages<Item>(graph, `${mbx(aliceMailbox)}/folders/calendar/items/delta`);
    const eventId = sim.control.addEvent(alice.id, {
      subject: 'Nuovo',
      start: '2026-03-01T09:00:00Z',
      end: '2026-03-01T10:00:00Z',
    });
    sim.control.deleteEvent(alice.id, eventId);
    const calendarRound = await readAllPages<Item>(graph, graph.path(calendarFirst.deltaLink ?? ''));
    expect(calendarRound.items).toEqual([
      { '@odata.type': '#microsoft.graph.mailboxItem', id: eventId, '@removed': { reason: 'deleted' } },
    ]);
  });
});

describe('export and import', () => {
  interface Message {
    id: string;
    isRead: boolean;
    isDraft: boolean;
    flag: { flagStatus: string };
    categories: string[];
    importance: string;
    receivedDateTime: string;
    sentDateTime: string;
    createdDateTime: string;
    lastModifiedDateTime: string;
    subject: string;
    parentFolderId: string;
    singleValueExtendedProperties?: Array<{ id: string; value: string }>;
  }
  const compared = (message: Message) => ({
    isRead: message.isRead,
    isDraft: message.isDraft,
    flag: message.flag,
    categories: message.categories,
    importance: message.importance,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    createdDateTime: message.createdDateTime,
    subject: message.subject,
    singleValueExtendedProperties: message.singleValueExtendedProperties,
  });

  // https://learn.microsoft.com/graph/api/mailbox-exportitems, /graph/import-exchange-mailbox-item
  test('a message exported and imported into another folder and another mailbox comes back byte for byte', async () => {
    for (const original of [LATIN1_MIME, SIGNED_MIME]) {
      const sourceId = sim.control.addMessage(alice.id, 'inbox', original, { isRead: true });
      await call('PATCH', `/users/${alice.id}/messages/${sourceId}`, {
        flag: { flagStatus: 'flagged' },
        categories: ['Blu', 'Clienti'],
        importance: 'high',
        singleValueExtendedProperties: [{ id: markerId, value: 'backup/42' }],
      });
      const source = (await call('GET', `/users/${alice.id}/messages/${sourceId}?${expandMarker}`))
        .json as unknown as Message;
      expect(source.singleValueExtendedProperties).toEqual([{ id: markerId, value: 'backup/42' }]);
      expect((await mime(alice.id, sourceId)).equals(original)).toBe(true);

      const exported = await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: [sourceId] });
      expect(exported.json['@odata.context']).toBe(
        `${sim.graphBaseUrl}/$metadata#Collection(microsoft.graph.exportItemResponse)`,
      );
      const [entry] = exported.json['value'] as Array<{ itemId: string; changeKey: string; data: string }>;
      expect(entry).toEqual({ itemId: sourceId, changeKey: expect.any(String), data: expect.any(String) });
      expect(entry?.changeKey).toBe((source as unknown as Json)['changeKey']);
      // Opaque: not the MIME, not readable JSON.
      expect(Buffer.from(entry?.data ?? '', 'base64').includes(original.subarray(0, 20))).toBe(false);

      const restoreFolder = sim.control.addMailFolder(alice.id, `Ripristino ${sourceId.slice(-6)}`);
      const targets = [
        { user: alice, mailboxId: aliceMailbox, folderId: restoreFolder },
        {
          user: bruno,
          mailboxId: brunoMailbox,
          folderId: (await call('GET', `/users/${bruno.id}/mailFolders/archive`)).json['id'] as string,
        },
      ];
      for (const target of targets) {
        const importUrl = await importUrlFor(target.mailboxId);
        const imported = await importInto(importUrl, { FolderId: target.folderId, Mode: 'create', Data: entry?.data });
        expect(imported.status).toBe(200);
        expect(imported.json).toEqual({
          '@odata.context': expect.stringContaining('$metadata#microsoft.graph.importMailboxItemResponse'),
          itemId: expect.any(String),
          changeKey: expect.any(String),
        });
        const newId = imported.json['itemId'] as string;
        expect(newId).not.toBe(sourceId);
        expect((await mime(target.user.id, newId)).equals(original)).toBe(true);
        const copy = (await call('GET', `/users/${target.user.id}/messages/${newId}?${expandMarker}`))
          .json as unknown as Message;
        expect(compared(copy)).toEqual(compared(source));
        expect(copy.isDraft).toBe(false);
        expect(copy.parentFolderId).toBe(target.folderId);
        const items = (await call('GET', `${mbx(target.mailboxId)}/folders/${target.folderId}/items`)).json;
        expect((items['value'] as Json[]).map((item) => item['id'])).toContain(newId);
      }
    }
  });

  test('a draft stays a draft; update mode replaces an item keeping its id and changing its change key', async () => {
    const draft = (await graph.client
      .api(`/users/${alice.id}/messages`)
      .post({ subject: 'Bozza', bccRecipients: [{ emailAddress: { address: 'ccn@example.com' } }] })) as Message;
    const data = await exportOne(aliceMailbox, draft.id);
    const url = await importUrlFor(brunoMailbox);
    const created = await importInto(url, { FolderId: 'drafts', Mode: 'create', Data: data });
    expect(created.status).toBe(200);
    const copy = (await call('GET', `/users/${bruno.id}/messages/${created.json['itemId'] as string}`)).json;
    expect(copy).toMatchObject({
      isDraft: true,
      subject: 'Bozza',
      bccRecipients: [{ emailAddress: { name: '', address: 'ccn@example.com' } }],
    });

    const other = await exportOne(aliceMailbox, sim.control.addMessage(alice.id, 'inbox', SIGNED_MIME));
    // Sent twice: the second time the change key it names is stale.
    const update = {
      FolderId: 'drafts',
      Mode: 'update',
      Data: other,
      ItemId: created.json['itemId'],
      ChangeKey: created.json['changeKey'],
    };
    const updated = await importInto(url, update);
    expect(updated.status).toBe(200);
    expect(updated.json['itemId']).toBe(created.json['itemId']);
    expect(updated.json['changeKey']).not.toBe(created.json['changeKey']);
    expect((await mime(bruno.id, created.json['itemId'] as string)).equals(SIGNED_MIME)).toBe(true);
    const stale = await importInto(url, update);
    expect(stale.status).toBe(404);
    const createWithId = await importInto(url, { FolderId: 'drafts', Mode: 'create', Data: other, ItemId: 'x' });
    expect(createWithId.status).toBe(400);
  });

  // https://learn.microsoft.com/graph/api/resources/mailboxitem ("message, task, event, contact, or note")
  test('a contact and an event round-trip with every property, into another mailbox, sending no invitation', async () => {
    const contact = (await graph.client.api(`/users/${alice.id}/contacts`).post({
      givenName: 'Zoë',
      surname: 'Núñez',
      emailAddresses: [{ name: 'Zoë Núñez', address: 'zoe@example.com' }],
      companyName: 'Officine',
      mobilePhone: '+39 333 1234567',
      jobTitle: 'Direttrice',
      businessPhones: ['+39 02 1234'],
      businessAddress: { street: 'Via Dante 7', city: 'Milano' },
      categories: ['Fornitori'],
      personalNotes: 'Preferisce email',
      singleValueExtendedProperties: [{ id: markerId, value: 'c/1' }],
    })) as Json;
    const event = (await graph.client.api(`/users/${alice.id}/events`).post({
      subject: 'Consiglio',
      body: { contentType: 'html', content: '<p>Ordine del giorno</p>' },
      start: { dateTime: '2026-04-01T09:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-04-01T11:00:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Sala Garda' },
      attendees: [{ emailAddress: { name: 'Bruno', address: 'bruno@example.com' }, type: 'optional' }],
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] },
        range: { type: 'noEnd', startDate: '2026-04-01' },
      },
      showAs: 'tentative',
      importance: 'high',
      categories: ['Direzione'],
      isReminderOn: true,
      reminderMinutesBeforeStart: 30,
      singleValueExtendedProperties: [{ id: markerId, value: 'e/1' }],
    })) as Json;
    const outboxBefore = sim.control.outbox().length;
    const exported = await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: [contact['id'], event['id']] });
    const [contactData, eventData] = (exported.json['value'] as Array<{ data: string }>).map((entry) => entry.data);

    const calendar = (await graph.client.api(`/users/${bruno.id}/calendars`).post({ name: 'Ripristinato' })) as Json;
    const brunoContacts = sim.control.listContactFolders(bruno.id)[0]?.id ?? '';
    const url = await importUrlFor(brunoMailbox);
    const importedContact = await importInto(url, { FolderId: brunoContacts, Mode: 'create', Data: contactData });
    const importedEvent = await importInto(url, { FolderId: calendar['id'], Mode: 'create', Data: eventData });
    expect([importedContact.status, importedEvent.status]).toEqual([200, 200]);
    expect(sim.control.outbox()).toHaveLength(outboxBefore);

    const strip = (record: object) => {
      const { id: _id, seq: _seq, parentFolderId: _parent, calendarId: _calendar, ...rest } = record as Json;
      return rest;
    };
    const originalContact = sim.control.listContacts(alice.id).find((entry) => entry.id === contact['id']);
    const copiedContact = sim.control
      .listContacts(bruno.id)
      .find((entry) => entry.id === importedContact.json['itemId']);
    expect(copiedContact?.parentFolderId).toBe(brunoContacts);
    expect(strip(copiedContact ?? {})).toEqual(strip(originalContact ?? {}));
    const originalEvent = sim.control.listEvents(alice.id).find((entry) => entry.id === event['id']);
    const copiedEvent = sim.control.listEvents(bruno.id).find((entry) => entry.id === importedEvent.json['itemId']);
    expect(copiedEvent?.calendarId).toBe(calendar['id']);
    expect(strip(copiedEvent ?? {})).toEqual(strip(originalEvent ?? {}));

    // Through Graph too: the same JSON apart from the id, and the extended property.
    const readContact = async (userId: string, id: string) => {
      const {
        id: _id,
        parentFolderId: _parent,
        '@odata.etag': _etag,
        '@odata.context': _context,
        changeKey: _changeKey,
        ...rest
      } = (await call('GET', `/users/${userId}/contacts/${id}?${expandMarker}`)).json;
      return rest;
    };
    expect(await readContact(bruno.id, importedContact.json['itemId'] as string)).toEqual(
      await readContact(alice.id, contact['id'] as string),
    );
  });

  // https://learn.microsoft.com/graph/api/resources/mailboxitem ("Items are Exchange mailbox items like message, task,
  // event, contact, or note"); subject by https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get
  test('tasks and notes are listed in their folders, read by extended property and round-trip with every property', async () => {
    const taskId = sim.control.addTask(alice.id, {
      subject: 'Rinnovare il contratto / renew the contract',
      body: 'Entro fine mese',
      dueDateTime: '2026-12-31T17:00:00Z',
      status: 1,
      percentComplete: 0.5,
      importance: 2,
      categories: ['Amministrazione'],
    });
    const noteId = sim.control.addNote(alice.id, { subject: 'Codice cancello 4711', color: 1 });
    const { items: folders } = await readAllPages<Folder>(graph, `${mbx(aliceMailbox)}/folders`);
    const tasks = folders.find((folder) => folder.wellKnownName === 'tasks');
    const notes = folders.find((folder) => folder.wellKnownName === 'notes');
    expect(tasks).toMatchObject({ type: 'IPF.Task' });
    expect(notes).toMatchObject({ type: 'IPF.StickyNote' });

    const listed = (await call('GET', `${mbx(aliceMailbox)}/folders/${tasks?.id ?? ''}/items`)).json;
    expect(listed['value']).toEqual([
      expect.objectContaining({ id: taskId, type: 'IPM.Task', categories: ['Amministrazione'] }),
    ]);
    const subject = (
      await call(
        'GET',
        `${mbx(aliceMailbox)}/folders/${notes?.id ?? ''}/items/${noteId}?$expand=singleValueExtendedProperties($filter=id eq 'String 0x0037')`,
      )
    ).json;
    expect(subject).toMatchObject({
      type: 'IPM.StickyNote',
      singleValueExtendedProperties: [{ id: 'String 0x37', value: 'Codice cancello 4711' }],
    });

    const exported = await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: [taskId, noteId] });
    const [taskData, noteData] = (exported.json['value'] as Array<{ data: string }>).map((entry) => entry.data);
    const brunoTasks = sim.control.listMailboxOnlyFolders(bruno.id).find((f) => f.wellKnownName === 'tasks');
    const brunoNotes = sim.control.listMailboxOnlyFolders(bruno.id).find((f) => f.wellKnownName === 'notes');
    const url = await importUrlFor(brunoMailbox);
    const importedTask = await importInto(url, { FolderId: brunoTasks?.id, Mode: 'create', Data: taskData });
    const importedNote = await importInto(url, { FolderId: brunoNotes?.id, Mode: 'create', Data: noteData });
    expect([importedTask.status, importedNote.status]).toEqual([200, 200]);
    const misplaced = await importInto(url, { FolderId: brunoNotes?.id, Mode: 'create', Data: taskData });
    expect(misplaced.status).toBe(400);

    const strip = (record: object) => {
      const { id: _id, seq: _seq, parentFolderId: _parent, ...rest } = record as Json;
      return rest;
    };
    const find = (userId: string, id: unknown) =>
      sim.control.listMailboxOnlyItems(userId).find((item) => item.id === id);
    expect(strip(find(bruno.id, importedTask.json['itemId']) ?? {})).toEqual(strip(find(alice.id, taskId) ?? {}));
    expect(strip(find(bruno.id, importedNote.json['itemId']) ?? {})).toEqual(strip(find(alice.id, noteId) ?? {}));
  });

  // https://learn.microsoft.com/graph/api/mailbox-exportitems ("The maximum size of this collection is 20 strings.")
  test('exportItems takes at most 20 ids and answers unknown ids with a per-item error', async () => {
    const ids = sim.control.listMessages(alice.id, 'inbox').map((message) => message.id);
    while (ids.length < 21)
      ids.push(sim.control.addMessage(alice.id, 'inbox', `Subject: riempitivo ${ids.length}\r\n\r\nx`));
    const tooMany = await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: ids.slice(0, 21) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json['error']).toMatchObject({
      code: 'ErrorInvalidRequest',
      message: expect.stringContaining('20'),
    });
    const twenty = await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: ids.slice(0, 20) });
    expect(twenty.status).toBe(200);
    expect((twenty.json['value'] as Json[]).every((entry) => typeof entry['data'] === 'string')).toBe(true);

    const brunoMessage = sim.control.listMessages(bruno.id, 'inbox')[0]?.id ?? '';
    const mixed = await call('POST', `${mbx(aliceMailbox)}/exportItems`, {
      itemIds: [ids[0], 'AAMkAGI2doesnotexist', brunoMessage],
    });
    expect(mixed.status).toBe(200);
    const [good, unknown, foreign] = mixed.json['value'] as Json[];
    expect(good).toMatchObject({ itemId: ids[0], data: expect.any(String) });
    for (const [entry, id] of [
      [unknown, 'AAMkAGI2doesnotexist'],
      [foreign, brunoMessage],
    ] as const)
      expect(entry).toEqual({
        itemId: id,
        error: { code: 'ErrorItemNotFound', message: expect.any(String) },
      });
    expect((await call('POST', `${mbx(aliceMailbox)}/exportItems`, { itemIds: [] })).status).toBe(400);
  });

  test('a tampered or truncated stream, a folder of the wrong class, an unknown or foreign folder are refused', async () => {
    const messageId = sim.control.addMessage(alice.id, 'inbox', SIGNED_MIME);
    const data = await exportOne(aliceMailbox, messageId);
    const bytes = Buffer.from(data, 'base64');
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] ?? 0) ^ 0x01;
    const url = await importUrlFor(aliceMailbox);
    const cases: Array<[Json, number]> = [
      [{ FolderId: 'inbox', Mode: 'create', Data: tampered.toString('base64') }, 400],
      [{ FolderId: 'inbox', Mode: 'create', Data: bytes.subarray(0, bytes.length - 10).toString('base64') }, 400],
      [{ FolderId: 'inbox', Mode: 'create', Data: Buffer.from('From: x\r\n\r\nnot a stream').toString('base64') }, 400],
      [{ FolderId: 'inbox', Mode: 'create', Data: '%%%not base64%%%' }, 400],
      [{ FolderId: sim.control.listContactFolders(alice.id)[0]?.id, Mode: 'create', Data: data }, 400],
      [{ FolderId: 'AAMkAGI2nosuchfolder', Mode: 'create', Data: data }, 404],
      [{ FolderId: 'inbox', Mode: 'merge', Data: data }, 400],
      [{ FolderId: 'inbox', Data: data }, 400],
    ];
    for (const [body, status] of cases) {
      const answer = await importInto(url, body);
      expect([body, answer.status]).toEqual([body, status]);
      expect(answer.json).toEqual({ Message: expect.any(String) });
    }
    // A folder of another mailbox: the documented 409 naming the mailbox the session should target.
    const brunoInbox = (await call('GET', `/users/${bruno.id}/mailFolders/inbox`)).json['id'];
    const foreign = await importInto(url, { FolderId: brunoInbox, Mode: 'create', Data: data });
    expect(foreign).toEqual({
      status: 409,
      json: { Message: `Invalid import session. The target session is expected in mailbox ${brunoMailbox}.` },
    });
  });

  // https://learn.microsoft.com/graph/api/mailbox-createimportsession ("This token expires at … expirationDateTime")
  test('an import URL works without a token until it expires, then answers 401', async () => {
    const data = await exportOne(aliceMailbox, sim.control.addMessage(alice.id, 'inbox', SIGNED_MIME));
    const session = await call('POST', `${mbx(aliceMailbox)}/createImportSession`);
    expect(session.json).toEqual({
      '@odata.context': `${sim.graphBaseUrl}/$metadata#microsoft.graph.mailboxItemImportSession`,
      importUrl: expect.stringMatching(
        new RegExp(`^${sim.url}/api/gv1\\.0/Mailboxes\\('${aliceMailbox}'\\)/importItem\\?authtoken=[\\w-]+$`),
      ),
      expirationDateTime: expect.any(String),
    });
    const lifetime = Date.parse(session.json['expirationDateTime'] as string) - Date.now();
    expect(lifetime).toBeGreaterThan(3500_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
    const importUrl = session.json['importUrl'] as string;
    expect((await importInto(importUrl, { FolderId: 'inbox', Mode: 'create', Data: data })).status).toBe(200);
    sim.control.expireImportSessions();
    expect((await importInto(importUrl, { FolderId: 'inbox', Mode: 'create', Data: data })).status).toBe(401);
    const forged = importUrl.replace(/authtoken=.*/, 'authtoken=forged');
    expect((await importInto(forged, { FolderId: 'inbox', Mode: 'create', Data: data })).status).toBe(401);

    sim.control.setImportSessionLifetime(1);
    try {
      const short = await importUrlFor(aliceMailbox);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await importInto(short, { FolderId: 'inbox', Mode: 'create', Data: data })).status).toBe(401);
    } finally {
      sim.control.setImportSessionLifetime(3600);
    }
  });

  test('without the mailbox permissions the API answers 403 ErrorAccessDenied', async () => {
    const withoutMailboxRoles = APP_ROLES.filter((role) => !role.startsWith('Mailbox'));
    const unconsented = await startSimulator({ appRoles: withoutMailboxRoles });
    try {
      const bare = await appToken(unconsented);
      const mailboxId = unconsented.control.mailboxId(alice.id);
      for (const [method, path] of [
        ['GET', `/admin/exchange/mailboxes/${mailboxId}/folders`],
        ['GET', `/admin/exchange/mailboxes/${mailboxId}/folders/inbox/items`],
        ['POST', `/admin/exchange/mailboxes/${mailboxId}/exportItems`],
        ['POST', `/admin/exchange/mailboxes/${mailboxId}/createImportSession`],
      ] as const) {
        const response = await rawGraph(unconsented, bare, path, {
          method,
          ...(method === 'POST' ? { body: '{"itemIds":["x"]}', headers: { 'content-type': 'application/json' } } : {}),
        });
        expect([path, response.status]).toEqual([path, 403]);
        expect(((await response.json()) as { error: Json }).error).toMatchObject({
          code: 'ErrorAccessDenied',
          message: expect.any(String),
          innerError: expect.objectContaining({ 'request-id': expect.any(String) }),
        });
      }
      // Settings need User.Read.All only, which this tenant still has.
      expect((await rawGraph(unconsented, bare, `/users/${alice.id}/settings/exchange`)).status).toBe(200);
    } finally {
      await unconsented.stop();
    }

    // Consent withdrawn at run time reaches tokens issued afterwards; consent given back, likewise.
    sim.control.setAppRoles(['MailboxFolder.Read.All']);
    try {
      const limited = await appToken(sim);
      expect((await rawGraph(sim, limited, `${mbx(aliceMailbox)}/folders`)).status).toBe(200);
      expect(
        (await rawGraph(sim, limited, `${mbx(aliceMailbox)}/createImportSession`, { method: 'POST' })).status,
      ).toBe(403);
      expect((await rawGraph(sim, limited, `/users/${alice.id}/settings/exchange`)).status).toBe(403);
    } finally {
      sim.control.setAppRoles(APP_ROLES);
    }
    expect(
      (await rawGraph(sim, await appToken(sim), `${mbx(aliceMailbox)}/createImportSession`, { method: 'POST' })).status,
    ).toBe(200);
  });
});

describe('message fixes', () => {
  // https://learn.microsoft.com/graph/api/message-delete, /graph/api/message-permanentdelete,
  // /graph/api/resources/mailfolder#well-known-folder-names (recoverableitemsdeletions)
  test('DELETE soft-deletes into Recoverable Items Deletions; permanentDelete purges', async () => {
    const id = sim.control.addMessage(alice.id, 'inbox', 'Subject: da eliminare\r\nMessage-ID: <del-1@x>\r\n\r\nx');
    const deletedItemsBefore = sim.control.listMessages(alice.id, 'deleteditems').length;
    expect((await call('DELETE', `/users/${alice.id}/messages/${id}`)).status).toBe(204);
    expect((await call('GET', `/users/${alice.id}/messages/${id}`)).json['error']).toMatchObject({
      code: 'ErrorItemNotFound',
    });
    expect(sim.control.listMessages(alice.id, 'deleteditems')).toHaveLength(deletedItemsBefore);
    const recoverable = (await call('GET', `/users/${alice.id}/mailFolders/recoverableitemsdeletions/messages`)).json[
      'value'
    ] as Json[];
    const soft = recoverable.find((message) => message['internetMessageId'] === '<del-1@x>');
    expect(soft?.['id']).toBeDefined();
    expect(soft?.['id']).not.toBe(id);
    const folders = (await graph.client.api(`/users/${alice.id}/mailFolders?$top=100`).get()) as { value: Json[] };
    expect(folders.value.map((folder) => folder['wellKnownName'])).not.toContain('recoverableitemsdeletions');
    const folderDelta = await readAllPages<Json>(graph, `/users/${alice.id}/mailFolders/delta`);
    expect(folderDelta.items.map((folder) => folder['wellKnownName'])).not.toContain('recoverableitemsdeletions');

    const again = await call('DELETE', `/users/${alice.id}/messages/${soft?.['id'] as string}`);
    expect(again.status).toBe(400);
    expect(again.json['error']).toMatchObject({ code: 'ErrorCannotDeleteObject' });
    const purge = await call('POST', `/users/${alice.id}/messages/${soft?.['id'] as string}/permanentDelete`);
    expect(purge.status).toBe(204);
    expect((await call('GET', `/users/${alice.id}/messages/${soft?.['id'] as string}`)).status).toBe(404);

    const direct = sim.control.addMessage(alice.id, 'inbox', 'Subject: subito\r\nMessage-ID: <del-2@x>\r\n\r\nx');
    expect((await call('POST', `/users/${alice.id}/mailFolders/inbox/messages/${direct}/permanentDelete`)).status).toBe(
      204,
    );
    const after = (await call('GET', `/users/${alice.id}/mailFolders/recoverableitemsdeletions/messages`)).json[
      'value'
    ] as Json[];
    expect(after.map((message) => message['internetMessageId'])).not.toContain('<del-2@x>');
  });

  // https://learn.microsoft.com/graph/api/user-post-messages (example 2), /graph/api/resources/message
  test('bccRecipients and x- internet message headers are stored, rendered when selected and written into the MIME', async () => {
    const created = await call('POST', `/users/${alice.id}/messages`, {
      subject: 'Con intestazioni',
      toRecipients: [{ emailAddress: { address: 'to@example.com' } }],
      bccRecipients: [{ emailAddress: { name: 'Nascosto', address: 'bcc@example.com' } }],
      internetMessageHeaders: [
        { name: 'x-custom-header-group-name', value: 'Washington' },
        { name: 'X-Custodia-Restore', value: 'r1' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.json['bccRecipients']).toEqual([{ emailAddress: { name: 'Nascosto', address: 'bcc@example.com' } }]);
    expect(created.json['internetMessageHeaders']).toBeUndefined();
    const id = created.json['id'] as string;
    const selected = (
      await call('GET', `/users/${alice.id}/messages/${id}?$select=internetMessageHeaders,bccRecipients`)
    ).json;
    expect(selected['internetMessageHeaders']).toEqual(
      expect.arrayContaining([
        { name: 'x-custom-header-group-name', value: 'Washington' },
        { name: 'X-Custodia-Restore', value: 'r1' },
      ]),
    );
    const text = (await mime(alice.id, id)).toString('utf8');
    expect(text).toContain('x-custom-header-group-name: Washington\r\n');
    expect(text).toContain('Bcc: Nascosto <bcc@example.com>\r\n');

    const standard = await call('POST', `/users/${alice.id}/messages`, {
      subject: 'x',
      internetMessageHeaders: [{ name: 'In-Reply-To', value: '<a@b>' }],
    });
    expect(standard.status).toBe(400);
    expect(standard.json['error']).toMatchObject({ code: 'InvalidInternetMessageHeader' });
    const six = await call('POST', `/users/${alice.id}/messages`, {
      subject: 'x',
      internetMessageHeaders: Array.from({ length: 6 }, (_, index) => ({ name: `x-h${index}`, value: 'v' })),
    });
    expect(six.status).toBe(400);
    expect(six.json['error']).toMatchObject({ code: 'InvalidInternetMessageHeaderCollection' });
  });

  // https://learn.microsoft.com/graph/api/attachment-get (item attachments, $value in MIME)
  test('an item attachment carrying a message is accepted and is a message/rfc822 part of the MIME', async () => {
    const created = await call('POST', `/users/${alice.id}/messages`, {
      subject: 'Inoltro come allegato',
      attachments: [
        {
          '@odata.type': '#microsoft.graph.itemAttachment',
          name: 'Messaggio originale',
          item: {
            '@odata.type': 'microsoft.graph.message',
            subject: 'Originale',
            body: { contentType: 'text', content: 'Testo originale' },
            from: { emailAddress: { name: 'Anna', address: 'anna@example.com' } },
            toRecipients: [{ emailAddress: { address: 'x@example.com' } }],
          },
        },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.json['id'] as string;
    const text = (await mime(alice.id, id)).toString('utf8');
    expect(text).toMatch(/Content-Type: message\/rfc822; name="Messaggio originale"/);
    expect(text).toContain('Subject: Originale');
    const attachments = (await call('GET', `/users/${alice.id}/messages/${id}/attachments`)).json['value'] as Json[];
    expect(attachments).toEqual([
      expect.objectContaining({ '@odata.type': '#microsoft.graph.itemAttachment', name: 'Messaggio originale' }),
    ]);
    expect(attachments[0]?.['contentBytes']).toBeUndefined();
    const expanded = (
      await call(
        'GET',
        `/users/${alice.id}/messages/${id}/attachments/${attachments[0]?.['id'] as string}?$expand=microsoft.graph.itemattachment/item`,
      )
    ).json;
    expect(expanded['item']).toMatchObject({
      subject: 'Originale',
      body: { contentType: 'text', content: 'Testo originale' },
    });
    const raw = await rawGraph(
      sim,
      token,
      `/users/${alice.id}/messages/${id}/attachments/${attachments[0]?.['id'] as string}/$value`,
    );
    expect(Buffer.from(await raw.arrayBuffer()).toString('utf8')).toMatch(
      /^Message-ID: .*\r\n[\s\S]*Subject: Originale\r\n/,
    );
  });

  // https://learn.microsoft.com/graph/api/user-post-messages ("Invalid base64 string for MIME content")
  test('malformed base64 MIME is refused with 400 ErrorMimeContentInvalidBase64String', async () => {
    for (const body of ['not base64 at all!', 'QUJD\nRA', '']) {
      const response = await rawGraph(sim, token, `/users/${alice.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: Json }).error).toMatchObject({
        code: 'ErrorMimeContentInvalidBase64String',
        message: 'Invalid base64 string for MIME content.',
      });
    }
    const wrapped = Buffer.from(SIGNED_MIME)
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n');
    const good = await rawGraph(sim, token, `/users/${alice.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: wrapped,
    });
    expect(good.status).toBe(201);
  });

  // https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get,
  // /graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties
  test('single-value extended properties: read by $expand with $filter, set and changed by PATCH', async () => {
    const id = sim.control.addMessage(alice.id, 'inbox', SIGNED_MIME);
    const plain = (await call('GET', `/users/${alice.id}/messages/${id}`)).json;
    expect(plain['singleValueExtendedProperties']).toBeUndefined();
    const set = await call('PATCH', `/users/${alice.id}/messages/${id}`, {
      singleValueExtendedProperties: [{ id: markerId, value: 'uno' }],
    });
    expect(set.status).toBe(200);
    expect(set.json['singleValueExtendedProperties']).toBeUndefined();
    const read = (await call('GET', `/users/${alice.id}/messages/${id}?${expandMarker}`)).json;
    expect(read['singleValueExtendedProperties']).toEqual([{ id: markerId, value: 'uno' }]);
    expect(read['subject']).toBe('Ordine firmato');
    // The GUID compares without case; the same property is changed, not added.
    await call('PATCH', `/users/${alice.id}/messages/${id}`, {
      singleValueExtendedProperties: [{ id: markerId.replace('6e1f3c52', '6E1F3C52'), value: 'due' }],
    });
    const changed = (await call('GET', `/users/${alice.id}/messages/${id}?${expandMarker}`)).json;
    expect(changed['singleValueExtendedProperties']).toEqual([{ id: markerId, value: 'due' }]);
    // The Name compares with case.
    const otherName = (
      await call(
        'GET',
        `/users/${alice.id}/messages/${id}?${expandMarker.replace('CustodiaRestoreMarker', 'custodiarestoremarker')}`,
      )
    ).json;
    expect(otherName['singleValueExtendedProperties']).toEqual([]);
    // $select does not bring them; $select with $expand keeps the expanded property.
    const selected = (await call('GET', `/users/${alice.id}/messages/${id}?$select=subject&${expandMarker}`)).json;
    expect(selected['singleValueExtendedProperties']).toEqual([{ id: markerId, value: 'due' }]);
    const listed = (
      await call('GET', `/users/${alice.id}/mailFolders/inbox/messages?$select=id&${expandMarker}&$top=1000`)
    ).json['value'] as Json[];
    expect(listed.find((message) => message['id'] === id)?.['singleValueExtendedProperties']).toEqual([
      { id: markerId, value: 'due' },
    ]);
  });
});
