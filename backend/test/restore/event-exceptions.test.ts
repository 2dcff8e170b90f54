import { GraphRequestError } from '../../src/graph/index.js';
import { withSeriesChanges } from '../../src/workloads/exchange/event-exceptions.js';
import {
  exceptionPatch,
  occurrenceChangesOf,
  planOccurrenceWrites,
  type BackedUpSeries,
  type ListedOccurrence,
} from '../../src/workloads/exchange/restore-event-exceptions.js';

/**
 * Exceptions of a series as Microsoft Graph documents them (v1.0 event: cancelledOccurrences, exceptionOccurrences,
 * occurrenceId). The tenant simulator does not model them (its series are their pattern only, and an occurrence can be
 * neither patched nor deleted), so these are checked here against Graph's documented shapes.
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

test('a series master is read again with its changed and cancelled occurrences; other events cost no request', async () => {
  const requests: string[] = [];
  const graph = {
    getJson<T>(path: string): Promise<T> {
      requests.push(path);
      return Promise.resolve({
        id: 'AAMkMASTER=',
        cancelledOccurrences: series.cancelledOccurrences,
        exceptionOccurrences: series.exceptionOccurrences,
      } as T);
    },
  };
  const single = { id: 'AAMkSINGLE=', type: 'singleInstance', subject: 'Una volta' };
  expect(await withSeriesChanges(graph, 'u', single, () => undefined)).toBe(single);
  const master = { id: 'AAMkMASTER=', type: 'seriesMaster', subject: 'Riunione settimanale' };
  const read = await withSeriesChanges(graph, 'u', master, () => undefined);
  expect(read).toEqual({
    ...master,
    cancelledOccurrences: series.cancelledOccurrences,
    exceptionOccurrences: series.exceptionOccurrences,
  });
  expect(requests).toEqual([
    '/users/u/events/AAMkMASTER%3D?$select=id,cancelledOccurrences,exceptionOccurrences&$expand=exceptionOccurrences',
  ]);
});

test('a Graph that does not know these properties keeps the master as listed, with a warning; other errors stop', async () => {
  const failing = (status: number) => ({
    getJson<T>(url: string): Promise<T> {
      return Promise.reject(
        new GraphRequestError({
          status,
          code: status === 400 ? 'BadRequest' : 'ServiceUnavailable',
          graphMessage: "Could not find a property named 'cancelledOccurrences'",
          requestId: undefined,
          tenantId: 't',
          resource: 'mailbox:u',
          method: 'GET',
          url,
          attempts: 1,
        }),
      );
    },
  });
  const master = { id: 'M', type: 'seriesMaster' };
  const warnings: string[] = [];
  expect(await withSeriesChanges(failing(400), 'u', master, (message) => warnings.push(message))).toBe(master);
  expect(warnings).toEqual([
    "the changed and cancelled occurrences of series M could not be read: Could not find a property named 'cancelledOccurrences'",
  ]);
  await expect(withSeriesChanges(failing(503), 'u', master, () => undefined)).rejects.toThrow(GraphRequestError);
});
