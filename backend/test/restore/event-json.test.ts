import { eventToCreate, type GraphEvent } from '../../src/workloads/exchange/restore-event-json.js';
import { eventToIcs, recurrenceRule } from '../../src/workloads/exchange/export-ics.js';
import { foldLine } from '../../src/workloads/exchange/export-content-lines.js';

/** An event as Microsoft Graph lists it without a Prefer header: times in UTC, the creation zone beside them. */
const listedByGraph = (start: string, end: string): GraphEvent => ({
  '@odata.etag': 'W/"DwAAABYAAAA"',
  id: 'AAMkAGI2event',
  changeKey: 'DwAAABYAAAA',
  createdDateTime: '2026-01-02T10:00:00Z',
  iCalUId: '040000008200E00074C5B7101A82E008',
  subject: 'Stato avanzamento',
  body: { contentType: 'html', content: '<html><body><p>Agenda</p></body></html>' },
  start: { dateTime: start, timeZone: 'UTC' },
  end: { dateTime: end, timeZone: 'UTC' },
  originalStartTimeZone: 'W. Europe Standard Time',
  originalEndTimeZone: 'W. Europe Standard Time',
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  onlineMeeting: { joinUrl: 'https://teams.example/join' },
  organizer: { emailAddress: { name: 'Elena', address: 'elena@example.com' } },
  attendees: [{ emailAddress: { name: 'Ann <Q&A>', address: 'ann@example.com' }, type: 'required' }],
});

test('an event backed up in UTC is posted in its original zone at the same wall-clock time, in winter and summer', () => {
  const winter = eventToCreate(listedByGraph('2026-01-12T08:00:00.0000000', '2026-01-12T09:00:00.0000000'), 'r/1');
  expect([winter.start, winter.end]).toEqual([
    { dateTime: '2026-01-12T09:00:00', timeZone: 'W. Europe Standard Time' },
    { dateTime: '2026-01-12T10:00:00', timeZone: 'W. Europe Standard Time' },
  ]);
  const summer = eventToCreate(listedByGraph('2026-07-13T07:00:00.0000000', '2026-07-13T08:00:00.0000000'), 'r/2');
  expect(summer.start).toEqual({ dateTime: '2026-07-13T09:00:00', timeZone: 'W. Europe Standard Time' });
});

test('the posted event has no attendees, organizer, ids, annotations or Teams meeting, and names the attendees in its body', () => {
  const json = eventToCreate(listedByGraph('2026-01-12T08:00:00', '2026-01-12T09:00:00'), 'r/3');
  for (const key of ['id', 'changeKey', 'createdDateTime', 'iCalUId', 'attendees', 'organizer', 'onlineMeeting']) {
    expect(json).not.toHaveProperty(key);
  }
  expect(json).not.toHaveProperty('isOnlineMeeting');
  expect(json).not.toHaveProperty('@odata.etag');
  expect(json['singleValueExtendedProperties']).toEqual([
    { id: 'String {6e1f3c52-9b8d-4a27-8f3e-2d1c0b9a8e71} Name CustodiaRestoreMarker', value: 'r/3' },
  ]);
  expect(json['body']).toEqual({
    contentType: 'html',
    content:
      '<html><body><p>Agenda</p><p>Partecipanti / Attendees: Ann &lt;Q&amp;A&gt; &lt;ann@example.com&gt;</p></body></html>',
  });
});

test('every Graph recurrence pattern becomes its RRULE, with COUNT, UNTIL or no end', () => {
  const rule = (pattern: object, range: object, allDay = false) => recurrenceRule({ pattern, range }, allDay);
  const noEnd = { type: 'noEnd', startDate: '2026-01-01' };
  expect(rule({ type: 'daily', interval: 2 }, { type: 'numbered', numberOfOccurrences: 5 })).toBe(
    'RRULE:FREQ=DAILY;INTERVAL=2;COUNT=5',
  );
  expect(
    rule({ type: 'weekly', interval: 1, daysOfWeek: ['monday', 'Thursday'], firstDayOfWeek: 'sunday' }, noEnd),
  ).toBe('RRULE:FREQ=WEEKLY;BYDAY=MO,TH;INTERVAL=1;WKST=SU');
  expect(
    rule({ type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 }, { type: 'endDate', endDate: '2026-12-31' }),
  ).toBe('RRULE:FREQ=MONTHLY;BYMONTHDAY=15;INTERVAL=1;UNTIL=20261231T235959Z');
  expect(rule({ type: 'relativeMonthly', interval: 1, daysOfWeek: ['friday'], index: 'last' }, noEnd)).toBe(
    'RRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;INTERVAL=1',
  );
  expect(
    rule(
      { type: 'absoluteYearly', interval: 1, month: 8, dayOfMonth: 15 },
      { type: 'endDate', endDate: '2030-08-15' },
      true,
    ),
  ).toBe('RRULE:FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=15;INTERVAL=1;UNTIL=20300815');
  expect(
    rule({ type: 'relativeYearly', interval: 1, month: 11, daysOfWeek: ['thursday'], index: 'fourth' }, noEnd),
  ).toBe('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=TH;BYSETPOS=4;INTERVAL=1');
  expect(rule({ type: 'hourly', interval: 1 }, noEnd)).toBeUndefined();
});

test('lines fold at 75 octets without splitting a UTF-8 character, and unfold to the original', () => {
  const line = `NOTE:${'è日'.repeat(40)}`;
  const folded = foldLine(line);
  for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
  expect(
    folded
      .split('\r\n')
      .slice(1)
      .every((physical) => physical.startsWith(' ')),
  ).toBe(true);
  expect(folded.replace(/\r\n /g, '')).toBe(line);
});

test('an event backed up in UTC exports with its original zone as TZID and its wall-clock time', () => {
  const ics = eventToIcs(listedByGraph('2026-07-13T07:00:00.0000000', '2026-07-13T08:00:00.0000000'), new Date());
  expect(ics).toContain('\r\nDTSTART;TZID=Europe/Berlin:20260713T090000\r\n');
  expect(ics).toContain('\r\nDTEND;TZID=Europe/Berlin:20260713T100000\r\n');
  expect(ics).toContain('\r\nUID:040000008200E00074C5B7101A82E008\r\n');
});
