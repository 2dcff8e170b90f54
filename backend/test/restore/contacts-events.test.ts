import { PassThrough } from 'node:stream';
import { APP_ROLES } from '@custodia/m365-simulator';
import { outlookJsonFallbackDifference } from '../../src/workloads/exchange/restore-outlook-writer.js';
import type { BackupHarness } from '../backup/harness.js';
import { Catalog, type ProtectedResource } from '../../src/catalog/index.js';
import { writeSelectionZip, type NewRestoreRequest, type RestoreRequest } from '../../src/restore/index.js';
import { elena, giulia, marco, seriesSubject, singleSubject, unicodeContact } from './fixture.js';
import {
  currentVersions,
  restoreAndWait,
  startBackedUpTenant,
  startRestoreWorker,
  waitForRestore,
  type RestoreWorker,
} from './restore-harness.js';
import { zipEntries } from './zip-entries.js';

type Json = Record<string, unknown>;

let harness: BackupHarness;
let worker: RestoreWorker;
let elenaId: string;
let marcoId: string;
let originalContacts: Json[];
let originalEvents: Json[];
let invitationsBefore: number;

/** What restore promises to keep of a contact and of an event (attendees and body are checked on their own). */
const contactFields = [
  'displayName',
  'givenName',
  'middleName',
  'surname',
  'emailAddresses',
  'businessPhones',
  'homePhones',
  'mobilePhone',
  'companyName',
  'jobTitle',
  'businessAddress',
  'personalNotes',
];
const eventFields = ['subject', 'start', 'end', 'location', 'isAllDay', 'showAs', 'recurrence'];

const pick = (item: Json, fields: readonly string[]): Json =>
  Object.fromEntries(fields.map((field) => [field, item[field] ?? null]));
const byName = (a: Json, b: Json): number =>
  String(a['displayName'] ?? a['subject']).localeCompare(String(b['displayName'] ?? b['subject']));

async function listed(userId: string, path: string): Promise<Json[]> {
  const all: Json[] = [];
  for await (const page of harness.gateway.pages<Json>(path, { resource: { kind: 'mailbox', userId } }))
    all.push(...page);
  return all.sort(byName);
}

function contactFolder(userId: string, path: string[]): string | undefined {
  const folders = harness.sim.control.listContactFolders(userId);
  let parent: string | undefined;
  let id: string | undefined;
  for (const name of path) {
    id = folders.find(
      (folder) =>
        folder.displayName === name &&
        (parent === undefined
          ? !folders.some((other) => other.id === folder.parentFolderId)
          : folder.parentFolderId === parent),
    )?.id;
    if (!id) return undefined;
    parent = id;
  }
  return id;
}

const contactsIn = (userId: string, path: string[]): Promise<Json[]> =>
  listed(userId, `/users/${userId}/contactFolders/${contactFolder(userId, path)}/contacts`);

function eventsIn(userId: string, calendarName?: string): Promise<Json[]> {
  if (!calendarName) return listed(userId, `/users/${userId}/events`);
  const calendar = harness.sim.control.listCalendars(userId).find((candidate) => candidate.name === calendarName);
  if (!calendar) throw new Error(`no calendar ${calendarName}`);
  return listed(userId, `/users/${userId}/calendars/${calendar.id}/events`);
}

const invitations = (): number => harness.sim.control.outbox().length;

/** The contacts and events hold exactly the backed-up originals; restored series carry no attendees but name them. */
function expectOriginals(contacts: Json[], events: Json[]): void {
  expect(contacts.map((contact) => pick(contact, contactFields))).toEqual(
    originalContacts.map((contact) => pick(contact, contactFields)),
  );
  expect(events.map((event) => pick(event, eventFields))).toEqual(
    originalEvents.map((event) => pick(event, eventFields)),
  );
  const series = events.find((event) => event['subject'] === seriesSubject)!;
  expect(series['attendees']).toEqual([]);
  expect((series['body'] as { content: string }).content).toContain(
    `Partecipanti / Attendees: Giulia Rossi &lt;${giulia}&gt;, Marco Bianchi &lt;${marco}&gt; (optional)`,
  );
}

/** A restore of Elena's whole mailbox (her contacts and events), in place and skipping what is there unless told. */
const ofElena = (input: Partial<NewRestoreRequest>): NewRestoreRequest => ({
  selection: { type: 'resource', resourceId: `mailbox:${elenaId}` },
  target: { type: 'original' },
  conflictPolicy: 'skip',
  language: 'it',
  ...input,
});

async function restore(input: Partial<NewRestoreRequest>): Promise<RestoreRequest> {
  const done = await restoreAndWait(worker, harness.tenantId, ofElena(input));
  expect(done.status).toBe('completed');
  const items = await worker.service.itemResults(harness.tenantId, done.restoreId);
  for (const item of items.filter((candidate) => candidate.state === 'restored')) {
    expect({ name: item.name, verified: item.verified, differences: item.differences }).toEqual({
      name: item.name,
      verified: false,
      differences: [outlookJsonFallbackDifference],
    });
  }
  return done;
}

const movedSubject = `${seriesSubject} (spostata)`;

/** The occurrences of a series in its first months, through Graph (https://learn.microsoft.com/graph/api/event-list-instances). */
async function occurrencesOf(userId: string, seriesId: string): Promise<Json[]> {
  const window = 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z';
  const all: Json[] = [];
  const path = `/users/${userId}/events/${seriesId}/instances?${window}`;
  for await (const page of harness.gateway.pages<Json>(path, { resource: { kind: 'mailbox', userId } }))
    all.push(...page);
  return all;
}

/**
 * Before the backup, Elena's series gets an exception and a cancelled occurrence, made as a client makes them: the
 * 26 January occurrence moved an hour later and renamed (https://learn.microsoft.com/graph/api/event-update), the
 * 19 January one deleted (https://learn.microsoft.com/graph/api/event-delete).
 */
async function changeTwoOccurrences(backup: BackupHarness): Promise<void> {
  harness = backup;
  const userId = backup.sim.control.listUsers().find((user) => user.userPrincipalName === elena)!.id;
  const series = backup.sim.control.listEvents(userId).find((event) => event.subject === seriesSubject)!;
  const occurrences = await occurrencesOf(userId, series.id);
  const on = (date: string) => occurrences.find((occurrence) => String(occurrence['originalStart']).startsWith(date))!;
  const resource = { kind: 'mailbox', userId } as const;
  await backup.gateway.sendJson(
    'PATCH',
    `/users/${userId}/events/${String(on('2026-01-26')['id'])}`,
    {
      subject: movedSubject,
      start: { dateTime: '2026-01-26T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-01-26T11:00:00', timeZone: 'W. Europe Standard Time' },
    },
    { resource },
  );
  await backup.gateway.sendJson('DELETE', `/users/${userId}/events/${String(on('2026-01-19')['id'])}`, undefined, {
    resource,
  });
}

/** The restored series as the original was: 19 January cancelled, 26 January moved and renamed. */
async function expectChangedOccurrences(userId: string): Promise<void> {
  const series = (await eventsIn(userId)).find((event) => event['subject'] === seriesSubject)!;
  const occurrences = await occurrencesOf(userId, String(series['id']));
  const dates = occurrences.map((occurrence) => String(occurrence['originalStart']).slice(0, 10));
  expect(dates).not.toContain('2026-01-19');
  expect(dates).toContain('2026-01-12');
  const moved = occurrences.find((occurrence) => String(occurrence['originalStart']).startsWith('2026-01-26'))!;
  expect(moved).toMatchObject({
    type: 'exception',
    subject: movedSubject,
    start: { dateTime: '2026-01-26T09:00:00.0000000', timeZone: 'UTC' },
  });
}

beforeAll(async () => {
  harness = await startBackedUpTenant(
    { appRoles: APP_ROLES.filter((role) => !role.startsWith('Mailbox')) },
    changeTwoOccurrences,
  );
  worker = await startRestoreWorker(harness, 'contacts-events-worker-a');
  const users = harness.sim.control.listUsers();
  elenaId = users.find((user) => user.userPrincipalName === elena)!.id;
  marcoId = users.find((user) => user.userPrincipalName === marco)!.id;
  originalContacts = await contactsIn(elenaId, ['Contatti']);
  originalEvents = await eventsIn(elenaId);
  invitationsBefore = invitations();
}, 90_000);
afterAll(async () => {
  await worker?.stop();
  await harness?.stop();
});

test('the fixture backs up a unicode contact, a plain one, a weekly series with attendees and an all-day event', async () => {
  const kinds = (await currentVersions(harness, `mailbox:${elenaId}`)).map(
    (version) => `${version.kind}:${version.name}`,
  );
  expect(kinds.sort()).toEqual(
    [`contact:Luca Neri`, `contact:Zoë Łukasiewicz-Núñez`, `event:${seriesSubject}`, `event:${singleSubject}`].sort(),
  );
  expect(originalEvents.find((event) => event['subject'] === seriesSubject)?.['attendees']).toHaveLength(2);
});

test('deleted contacts and events return to their folder and calendar as they were, inviting nobody; present ones are skipped', async () => {
  const control = harness.sim.control;
  const zoe = control.listContacts(elenaId).find((contact) => contact.givenName === unicodeContact.givenName)!;
  const series = control.listEvents(elenaId).find((event) => event.subject === seriesSubject)!;
  control.deleteContact(elenaId, zoe.id);
  control.deleteEvent(elenaId, series.id);

  const done = await restore({ conflictPolicy: 'skip' });
  expect(done.progress).toMatchObject({ total: 4, restored: 2, skipped: 2, failed: 0, verified: 0, mismatched: 2 });
  expect(done.progress.exportOnly).toBe(0);
  expectOriginals(await contactsIn(elenaId, ['Contatti']), await eventsIn(elenaId));
  await expectChangedOccurrences(elenaId);
  expect(invitations()).toBe(invitationsBefore);
}, 60_000);

test('into a new folder and calendar with keep-both: a copy of every item beside the untouched originals (the contacts in a folder inside the default one)', async () => {
  const done = await restore({ target: { type: 'newFolder' }, conflictPolicy: 'keepBoth', language: 'en' });
  expect(done.restoreFolderName).toMatch(/^Restored /);
  expect(done.progress).toMatchObject({ total: 4, restored: 4, verified: 0, mismatched: 4 });
  expectOriginals(
    await contactsIn(elenaId, ['Contatti', done.restoreFolderName]),
    await eventsIn(elenaId, done.restoreFolderName),
  );
  expect(await contactsIn(elenaId, ['Contatti'])).toHaveLength(2);
  expect(await eventsIn(elenaId)).toHaveLength(2);
  expect(invitations()).toBe(invitationsBefore);
}, 60_000);

test('keep-both in place doubles every item; overwrite then leaves exactly one of each, as backed up', async () => {
  const twice = await restore({ conflictPolicy: 'keepBoth' });
  expect(twice.progress).toMatchObject({ total: 4, restored: 4, verified: 0, mismatched: 4 });
  expect(await contactsIn(elenaId, ['Contatti'])).toHaveLength(4);
  expect(await eventsIn(elenaId)).toHaveLength(4);

  const replaced = await restore({ conflictPolicy: 'overwrite' });
  expect(replaced.progress).toMatchObject({ total: 4, restored: 4, verified: 0, mismatched: 4 });
  expectOriginals(await contactsIn(elenaId, ['Contatti']), await eventsIn(elenaId));
  expect(invitations()).toBe(invitationsBefore);
}, 60_000);

test("into another user's mailbox: a folder and a calendar named after the restore and the original owner", async () => {
  const done = await restore({ target: { type: 'otherUser', userId: marcoId }, conflictPolicy: 'skip' });
  expect(done.progress).toMatchObject({ total: 4, restored: 4, verified: 0, mismatched: 4 });
  const name = `${done.restoreFolderName} - Elena Ferrè`;
  expectOriginals(await contactsIn(marcoId, ['Contatti', name]), await eventsIn(marcoId, name));
  expect(invitations()).toBe(invitationsBefore);
}, 60_000);

test('a worker stopped mid-restore is resumed by another without duplicating any contact or event', async () => {
  // Every Graph request takes a while, so the worker is surely stopped while an item is being written.
  harness.sim.control.setFaults({ seed: 3, slowRate: 1, slowMs: 150 });
  const request = await worker.service.request(
    harness.tenantId,
    'admin@test',
    ofElena({ target: { type: 'newFolder' }, conflictPolicy: 'keepBoth' }),
  );
  const writing = async (): Promise<boolean> =>
    (await worker.service.itemResults(harness.tenantId, request.restoreId)).some((item) => item.state === 'writing');
  while (!(await writing())) await new Promise((resolve) => setTimeout(resolve, 10));
  worker.service.halt();
  await worker.stop();
  harness.sim.control.setFaults({});
  const items = await worker.service.itemResults(harness.tenantId, request.restoreId);
  expect(items.filter((item) => item.state === 'writing')).toHaveLength(1);

  worker = await startRestoreWorker(harness, 'contacts-events-worker-b');
  expect(await worker.service.resumeInterrupted(harness.tenantId)).toContain(request.restoreId);
  const done = await waitForRestore(worker.service, harness.tenantId, request.restoreId);
  expect(done.progress).toMatchObject({ total: 4, restored: 4, failed: 0, verified: 0, mismatched: 4 });
  expect(done.restoreFolderName).toMatch(/^Ripristino /);
  expectOriginals(
    await contactsIn(elenaId, ['Contatti', done.restoreFolderName]),
    await eventsIn(elenaId, done.restoreFolderName),
  );
  expect(invitations()).toBe(invitationsBefore);
}, 90_000);

/** Content lines of a vCard or iCalendar object: folded lines joined, each split into name, parameters and value. */
function contentLines(text: string): Array<{ name: string; params: string[]; value: string }> {
  expect(text.endsWith('\r\n')).toBe(true);
  for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      const [name = '', ...params] = line.slice(0, colon).split(';');
      return { name, params, value: line.slice(colon + 1) };
    });
}

const unescape = (value: string): string => value.replace(/\\([\\,;nN])/g, (_, c: string) => (/n/i.test(c) ? '\n' : c));

test('the ZIP export holds each contact as a vCard 4.0 and each event as an iCalendar object', async () => {
  const catalog = new Catalog(harness.database.db, harness.tenantId);
  const resourceId = `mailbox:${elenaId}`;
  const resources = new Map<string, ProtectedResource>([[resourceId, (await catalog.resource(resourceId))!]]);
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSelectionZip(
    {
      tenantId: harness.tenantId,
      store: harness.store,
      versions: await currentVersions(harness, resourceId),
      resources,
    },
    output,
  );
  const entries = zipEntries(Buffer.concat(chunks));
  expect([...entries.keys()].sort()).toEqual(
    [
      'Elena Ferrè/Calendar/Consegna chiavi, firma; timbro.ics',
      `Elena Ferrè/Calendar/${seriesSubject}.ics`,
      'Elena Ferrè/Contatti/Luca Neri.vcf',
      'Elena Ferrè/Contatti/Zoë Łukasiewicz-Núñez.vcf',
    ].sort(),
  );

  const card = contentLines(entries.get('Elena Ferrè/Contatti/Zoë Łukasiewicz-Núñez.vcf')!.toString('utf8'));
  const property = (lines: typeof card, name: string) => lines.filter((line) => line.name === name);
  expect(card[0]).toEqual({ name: 'BEGIN', params: [], value: 'VCARD' });
  expect(property(card, 'VERSION')[0]?.value).toBe('4.0');
  expect(unescape(property(card, 'FN')[0]!.value)).toBe('Zoë Łukasiewicz-Núñez');
  expect(property(card, 'N')[0]?.value).toBe('Łukasiewicz-Núñez;Zoë;Анна;;');
  expect(property(card, 'EMAIL').map((line) => line.value)).toEqual(['zoe.nunez@example.com']);
  expect(property(card, 'TEL').map((line) => `${line.params.join(';')} ${line.value}`)).toEqual([
    'TYPE=cell +39 333 123 4567',
    'TYPE=work +39 02 1234 5678',
    'TYPE=home +39 035 765 4321',
  ]);
  expect(property(card, 'ORG')[0]?.value).toBe('Società Ævum\\; Ricerca\\, Sviluppo');
  expect(unescape(property(card, 'TITLE')[0]!.value)).toBe('Direttrice tecnica R&D');
  expect(property(card, 'ADR')[0]).toEqual({
    name: 'ADR',
    params: ['TYPE=work'],
    value: ';;Via Dante\\, 7;Milano;MI;20121;Italia',
  });
  expect(unescape(property(card, 'NOTE')[0]!.value)).toBe(
    (unicodeContact.details as { personalNotes: string }).personalNotes,
  );
  expect(card.at(-1)).toEqual({ name: 'END', params: [], value: 'VCARD' });

  const series = contentLines(entries.get(`Elena Ferrè/Calendar/${seriesSubject}.ics`)!.toString('utf8'));
  expect(series.map((line) => line.name).filter((name) => name === 'BEGIN' || name === 'END')).toEqual([
    'BEGIN',
    'BEGIN',
    'END',
    'END',
  ]);
  expect(property(series, 'BEGIN').map((line) => line.value)).toEqual(['VCALENDAR', 'VEVENT']);
  expect(property(series, 'VERSION')[0]?.value).toBe('2.0');
  expect(property(series, 'UID')).toHaveLength(1);
  expect(property(series, 'DTSTAMP')[0]?.value).toMatch(/^\d{8}T\d{6}Z$/);
  expect(property(series, 'DTSTART')[0]).toMatchObject({ params: ['TZID=Europe/Berlin'], value: '20260112T090000' });
  expect(property(series, 'DTEND')[0]).toMatchObject({ params: ['TZID=Europe/Berlin'], value: '20260112T100000' });
  expect(property(series, 'RRULE')[0]?.value).toBe('FREQ=WEEKLY;BYDAY=MO;INTERVAL=1;COUNT=10');
  expect(unescape(property(series, 'SUMMARY')[0]!.value)).toBe(seriesSubject);
  expect(unescape(property(series, 'LOCATION')[0]!.value)).toBe('Cantiere Città Alta');
  expect(unescape(property(series, 'DESCRIPTION')[0]!.value)).toBe('Ordine del giorno: avanzamento lavori & sicurezza');
  expect(property(series, 'ORGANIZER')[0]).toMatchObject({ params: ['CN=Elena Ferrè'], value: `mailto:${elena}` });
  expect(property(series, 'ATTENDEE').map((line) => [...line.params, line.value])).toEqual([
    ['CN=Giulia Rossi', 'ROLE=REQ-PARTICIPANT', 'PARTSTAT=NEEDS-ACTION', `mailto:${giulia}`],
    ['CN=Marco Bianchi', 'ROLE=OPT-PARTICIPANT', 'PARTSTAT=NEEDS-ACTION', `mailto:${marco}`],
  ]);

  const allDay = contentLines(entries.get('Elena Ferrè/Calendar/Consegna chiavi, firma; timbro.ics')!.toString('utf8'));
  expect(property(allDay, 'DTSTART')[0]).toMatchObject({ params: ['VALUE=DATE'], value: '20260302' });
  expect(property(allDay, 'DTEND')[0]).toMatchObject({ params: ['VALUE=DATE'], value: '20260303' });
  expect(property(allDay, 'SUMMARY')[0]?.value).toBe('Consegna chiavi\\, firma\\; timbro');
  expect(unescape(property(allDay, 'DESCRIPTION')[0]!.value)).toBe('Portare i documenti.\nChiavi al custode.');
  expect(property(allDay, 'TRANSP')[0]?.value).toBe('TRANSPARENT');
  expect(property(allDay, 'RRULE')).toHaveLength(0);
}, 60_000);
