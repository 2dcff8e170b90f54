import { withSeriesChanges } from '../../src/workloads/exchange/event-exceptions.js';
import {
  exceptionPatch,
  occurrenceChangesOf,
  planOccurrenceWrites,
  type BackedUpSeries,
  type ListedOccurrence,
} from '../../src/workloads/exchange/restore-event-exceptions.js';

/**
 * Exceptions of a series as Microsoft Graph shows them: v1.0 lists occurrences and exceptions as instances (type,
 * originalStart); older backups hold beta's cancelledOccurrences and occurrenceId. The planning is checked here;
 * contacts-events.test.ts changes occurrences through the simulator and restores them end to end.
 */
const series: BackedUpSeries = {
  id: 'AAMkMASTER=',
  type: 'seriesMaster',
  subject: 'Riunione settimanale',
  start: { dateTime: '2026-01-12T08:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-01-12T09:00:00.0000000', timeZone: 'UTC' },
  originalStartTimeZone: 'W. Europe Standard Time',
  originalEndTimeZone: 'W. Europe Standard Time',
  recurrence: {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
    range: { type: 'numbered', startDate: '2026-01-12', numberOfOccurrences: 5 },
  },
  cancelledOccurrences: ['OID.AAMkMASTER=.2026-01-19'],
  exceptionOccurrences: [
    {
      id: 'AAMkEXCEPTION=',
      type: 'exception',
      occurrenceId: 'OID.AAMkMASTER=.2026-01-26',
      seriesMasterId: 'AAMkMASTER=',
      originalStart: '2026-01-26T08:00:00Z',
      subject: 'Riunione settimanale (spostata)',
      body: { contentType: 'html', content: '<html><body><p>Sala B</p></body></html>' },
      start: { dateTime: '2026-01-26T13:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-01-26T14:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'W. Europe Standard Time',
      originalEndTimeZone: 'W. Europe Standard Time',
      location: { displayName: 'Sala B' },
      attendees: [{ emailAddress: { name: 'Giulia Rossi', address: 'giulia@example.com' }, type: 'required' }],
    },
  ],
};

const occurrence = (date: string, withId = true): ListedOccurrence => ({
  id: `NEW-${date}`,
  ...(withId && { occurrenceId: `OID.AAMkNEW=.${date}` }),
  subject: 'Riunione settimanale',
  start: { dateTime: `${date}T08:00:00.0000000`, timeZone: 'UTC' },
});

test('the cancelled occurrence is deleted and the changed one patched, found by the date in its occurrence id', () => {
  const changes = occurrenceChangesOf(series);
  expect(changes.map((change) => [change.date, change.cancelled])).toEqual([
    ['2026-01-19', true],
    ['2026-01-26', false],
  ]);
  const listed = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'].map((date) => occurrence(date));
  const { writes, missing } = planOccurrenceWrites(changes, listed);
  expect(missing).toEqual([]);
  expect(writes.map((write) => [write.method, write.id])).toEqual([
    ['DELETE', 'NEW-2026-01-19'],
    ['PATCH', 'NEW-2026-01-26'],
  ]);
});

test('the patch moves the occurrence at its wall-clock time in its zone, names the attendees and invites nobody', () => {
  const patch = exceptionPatch(series.exceptionOccurrences![0] as never);
  expect(patch['subject']).toBe('Riunione settimanale (spostata)');
  expect(patch['start']).toEqual({ dateTime: '2026-01-26T14:00:00', timeZone: 'W. Europe Standard Time' });
  expect(patch['end']).toEqual({ dateTime: '2026-01-26T15:00:00', timeZone: 'W. Europe Standard Time' });
  expect((patch['body'] as { content: string }).content).toContain(
    'Partecipanti / Attendees: Giulia Rossi &lt;giulia@example.com&gt;',
  );
  for (const key of ['attendees', 'id', 'occurrenceId', 'seriesMasterId', 'originalStart', 'type', 'recurrence'])
    expect(patch).not.toHaveProperty(key);
  expect(patch).not.toHaveProperty('singleValueExtendedProperties');
});

test('occurrences listed without an occurrence id are matched by their start date; a date with none is missing', () => {
  const listed = ['2026-01-12', '2026-01-26'].map((date) => occurrence(date, false));
  const { writes, missing } = planOccurrenceWrites(occurrenceChangesOf(series), listed);
  expect(writes.map((write) => [write.method, write.id])).toEqual([['PATCH', 'NEW-2026-01-26']]);
  expect(missing).toEqual(['2026-01-19']);
});

test('a date the recreated series has and the backed-up one no longer had is a cancelled occurrence', () => {
  const backedUp: BackedUpSeries = {
    ...series,
    cancelledOccurrences: undefined,
    occurrenceDates: ['2026-01-12', '2026-01-26', '2026-02-02'],
    occurrenceWindow: { from: '2026-01-11T00:00:00Z', to: '2026-02-10T00:00:00Z' },
  };
  const recreated = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02'].map((date) => ({
    ...occurrence(date, false),
    originalStart: `${date}T08:00:00Z`,
  }));
  const changes = occurrenceChangesOf(backedUp, recreated);
  expect(changes.map((change) => [change.date, change.cancelled])).toEqual([
    ['2026-01-19', true],
    ['2026-01-26', false],
  ]);
  expect(planOccurrenceWrites(changes, recreated).writes.map((write) => [write.method, write.id])).toEqual([
    ['DELETE', 'NEW-2026-01-19'],
    ['PATCH', 'NEW-2026-01-26'],
  ]);
});

test('a series master is read with its instances and each exception in full; other events cost no request', async () => {
  const requests: string[] = [];
  const graph = {
    getJson<T>(path: string): Promise<T> {
      requests.push(path);
      return Promise.resolve(series.exceptionOccurrences![0] as T);
    },
    async *pages<T>(path: string): AsyncIterable<T[]> {
      requests.push(path);
      yield [
        { id: 'O1', type: 'occurrence', originalStart: '2026-01-12T08:00:00Z' },
        { id: 'AAMkEXCEPTION=', type: 'exception', originalStart: '2026-01-26T08:00:00Z' },
      ] as T[];
    },
  };
  const single = { id: 'AAMkSINGLE=', type: 'singleInstance', subject: 'Una volta' };
  expect(await withSeriesChanges(graph, 'u', single)).toBe(single);
  const master = {
    id: 'AAMkMASTER=',
    type: 'seriesMaster',
    start: { dateTime: '2026-01-12T08:00:00.0000000' },
    recurrence: { range: { type: 'endDate', startDate: '2026-01-12', endDate: '2026-02-09' } },
  };
  expect(await withSeriesChanges(graph, 'u', master)).toEqual({
    ...master,
    occurrenceWindow: { from: '2026-01-11T00:00:00Z', to: '2026-02-11T00:00:00Z' },
    occurrenceDates: ['2026-01-12', '2026-01-26'],
    exceptionOccurrences: series.exceptionOccurrences,
  });
  expect(requests).toEqual([
    '/users/u/events/AAMkMASTER%3D/instances?startDateTime=2026-01-11T00:00:00Z&endDateTime=2026-02-11T00:00:00Z' +
      '&$select=id,type,originalStart',
    '/users/u/events/AAMkEXCEPTION%3D',
  ]);
});
