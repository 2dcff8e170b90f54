import type { GraphReader, GraphResource } from '../../backup-unit/ports.js';
import { eventInstancesPath, eventPath } from '../../graph/index.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * What changed in a series. Graph v1.0 lists a series' occurrences and exceptions, cancelled ones left out, as
 * `GET /events/{id}/instances` (each with `type` and `originalStart`); it has no list of cancelled occurrences
 * (`cancelledOccurrences`, `exceptionOccurrences` and `occurrenceId` are beta only,
 * https://learn.microsoft.com/graph/api/resources/event). So a backup keeps the exceptions as full events and the
 * original dates (UTC) of every occurrence the series still had in the window it read: a date the recreated series has
 * and these do not is a cancelled occurrence. `cancelledOccurrences` (`OID.{seriesMasterId}.{yyyy-mm-dd}`) is still
 * read from backups that hold it.
 */
export interface SeriesChanges {
  cancelledOccurrences?: string[];
  exceptionOccurrences?: Record<string, unknown>[];
  occurrenceDates?: string[];
  occurrenceWindow?: { from: string; to: string };
}

interface ListedEvent {
  id: string;
  type?: string;
  start?: { dateTime?: string };
  recurrence?: unknown;
}

interface ListedInstance {
  id: string;
  type?: string;
  originalStart?: string;
}

/**
 * The window a series' instances are read in: from the day before its start to two days after its end date, or,
 * for a numbered or endless series, two years past its start or today, whichever is later.
 */
export function seriesWindow(event: ListedEvent, now = new Date()): { from: string; to: string } {
  const start = new Date(`${(event.start?.dateTime ?? now.toISOString()).slice(0, 19)}Z`);
  const range = (event.recurrence as { range?: { type?: string; endDate?: string } } | undefined)?.range;
  const end =
    range?.type === 'endDate' && range.endDate
      ? new Date(Date.parse(`${range.endDate}T00:00:00Z`) + 2 * DAY_MS)
      : new Date(Math.max(start.getTime(), now.getTime()) + 730 * DAY_MS);
  const day = (at: Date) => at.toISOString().slice(0, 10);
  return { from: `${day(new Date(start.getTime() - DAY_MS))}T00:00:00Z`, to: `${day(end)}T00:00:00Z` };
}

/**
 * A series master as the event list gives it, with its exceptions and the dates of its remaining occurrences, which
 * that list leaves out (it holds single events and masters only). Read once per new or changed master (changing or
 * deleting an occurrence changes the master): its instances, then each exception in full.
 * https://learn.microsoft.com/graph/api/event-list-instances, /graph/api/event-get
 */
export async function withSeriesChanges<T extends ListedEvent>(
  graph: Pick<GraphReader, 'getJson' | 'pages'>,
  userId: string,
  event: T,
): Promise<T & SeriesChanges> {
  if (event.type !== 'seriesMaster') return event;
  const resource: GraphResource = { kind: 'mailbox', userId };
  const window = seriesWindow(event);
  const instances: ListedInstance[] = [];
  const path = eventInstancesPath(userId, event.id, window, 'id,type,originalStart');
  for await (const page of graph.pages<ListedInstance>(path, { resource, maxPageSize: 100 })) instances.push(...page);
  const exceptions: Record<string, unknown>[] = [];
  for (const instance of instances.filter((candidate) => candidate.type === 'exception'))
    exceptions.push(await graph.getJson<Record<string, unknown>>(eventPath(userId, instance.id), { resource }));
  return {
    ...event,
    occurrenceWindow: window,
    occurrenceDates: instances.map((instance) => instance.originalStart?.slice(0, 10) ?? '').filter(Boolean),
    ...(exceptions.length > 0 && { exceptionOccurrences: exceptions }),
  };
}

/** The occurrence date an `occurrenceId` (`OID.{seriesMasterId}.{yyyy-mm-dd}`) names, if it names one. */
export function occurrenceDate(occurrenceId: string | undefined | null): string | undefined {
  return /\.(\d{4}-\d{2}-\d{2})$/.exec(occurrenceId ?? '')?.[1];
}
