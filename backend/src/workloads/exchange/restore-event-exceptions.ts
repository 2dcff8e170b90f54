import type { GraphGateway } from '../../graph/index.js';
import { occurrenceDate, type SeriesChanges } from './event-exceptions.js';
import { eventToCreate, type GraphDateTimeZone, type GraphEvent } from './restore-event-json.js';
import type { GraphJson } from './restore-outlook-json.js';

/** A backed-up series master with its changed and cancelled occurrences. */
export type BackedUpSeries = GraphEvent & SeriesChanges;

/** An occurrence of the recreated series, as its instances list it. */
export interface ListedOccurrence {
  id: string;
  occurrenceId?: string | null;
  subject?: string;
  start?: GraphDateTimeZone;
  end?: GraphDateTimeZone;
}

/** One occurrence the original series had changed or deleted, by its date in the series' recurrence time zone. */
export type OccurrenceChange =
  { date: string; cancelled: true } | { date: string; cancelled: false; exception: GraphEvent };

export interface OccurrenceWrite {
  method: 'DELETE' | 'PATCH';
  /** The id of the recreated series' occurrence. */
  id: string;
  date: string;
  body?: GraphJson;
}

/** The cancelled and changed occurrences of a backed-up series, each with the date that names its occurrence. */
export function occurrenceChangesOf(series: BackedUpSeries): OccurrenceChange[] {
  const changes: OccurrenceChange[] = [];
  for (const id of series.cancelledOccurrences ?? []) {
    const date = occurrenceDate(id);
    if (date) changes.push({ date, cancelled: true });
  }
  for (const exception of (series.exceptionOccurrences ?? []) as GraphEvent[]) {
    const record = exception as GraphEvent & { occurrenceId?: string; originalStart?: string };
    const date = occurrenceDate(record.occurrenceId) ?? record.originalStart?.slice(0, 10);
    if (date) changes.push({ date, cancelled: false, exception });
  }
  return changes;
}

/** The date an occurrence of the recreated series stands for: from its occurrenceId, else from its start. */
export function dateOfOccurrence(occurrence: ListedOccurrence): string | undefined {
  return occurrenceDate(occurrence.occurrenceId) ?? occurrence.start?.dateTime?.slice(0, 10);
}

/**
 * What makes the recreated series match the original: a DELETE for each cancelled occurrence, a PATCH with the
 * changed occurrence's subject, body, times, location… (attendees only named in the body, as for the series: nobody is
 * invited) for each exception. `missing`: dates the recreated series has no occurrence on.
 */
export function planOccurrenceWrites(
  changes: readonly OccurrenceChange[],
  occurrences: readonly ListedOccurrence[],
): { writes: OccurrenceWrite[]; missing: string[] } {
  const byDate = new Map<string, ListedOccurrence>();
  for (const occurrence of occurrences) {
    const date = dateOfOccurrence(occurrence);
    if (date && !byDate.has(date)) byDate.set(date, occurrence);
  }
  const writes: OccurrenceWrite[] = [];
  const missing: string[] = [];
  for (const change of changes) {
    const occurrence = byDate.get(change.date);
    if (!occurrence) missing.push(change.date);
    else if (change.cancelled) writes.push({ method: 'DELETE', id: occurrence.id, date: change.date });
    else writes.push({ method: 'PATCH', id: occurrence.id, date: change.date, body: exceptionPatch(change.exception) });
  }
  return { writes, missing };
}

/** The PATCH that turns an occurrence into the backed-up exception: as an event is created, without series fields. */
export function exceptionPatch(exception: GraphEvent): GraphJson {
  const json = eventToCreate(exception, '');
  delete json.singleValueExtendedProperties;
  delete json.recurrence;
  return json;
}

/**
 * Cancels and changes the recreated series' occurrences as the original's were (learn.microsoft.com/graph/api/
 * event-update, /graph/api/event-delete on an occurrence's id). An occurrence not found is left as the pattern has
 * it: read-back names it.
 */
export async function applyOccurrenceChanges(
  graph: GraphGateway,
  userId: string,
  seriesId: string,
  series: BackedUpSeries,
): Promise<void> {
  const changes = occurrenceChangesOf(series);
  if (changes.length === 0) return;
  const occurrences = await listOccurrences(graph, userId, seriesId, series, changes);
  const resource = { kind: 'mailbox', userId } as const;
  for (const write of planOccurrenceWrites(changes, occurrences).writes) {
    await graph.sendJson(
      write.method,
      `/users/${encodeURIComponent(userId)}/events/${encodeURIComponent(write.id)}`,
      write.body,
      { resource },
    );
  }
}

/** Where the recreated series' occurrences differ from the original's changes: each named by its date. */
export async function occurrenceChangeDifferences(
  graph: GraphGateway,
  userId: string,
  seriesId: string,
  series: BackedUpSeries,
): Promise<string[]> {
  const changes = occurrenceChangesOf(series);
  if (changes.length === 0) return [];
  const occurrences = await listOccurrences(graph, userId, seriesId, series, changes);
  const byDate = new Map(occurrences.map((occurrence) => [dateOfOccurrence(occurrence), occurrence]));
  const differences: string[] = [];
  for (const change of changes) {
    const occurrence = byDate.get(change.date);
    if (change.cancelled) {
      if (occurrence) differences.push(`cancelled occurrence ${change.date}`);
      continue;
    }
    if (!occurrence) {
      differences.push(`changed occurrence ${change.date}`);
      continue;
    }
    const differing = [
      (occurrence.subject ?? '') !== (change.exception.subject ?? '') && 'subject',
      instant(occurrence.start) !== instant(change.exception.start) && 'start',
      instant(occurrence.end) !== instant(change.exception.end) && 'end',
    ].filter(Boolean);
    if (differing.length > 0) differences.push(`changed occurrence ${change.date}: ${differing.join(', ')}`);
  }
  return differences;
}

/**
 * The recreated series' occurrences around the changed dates, times in the zone the backup holds them in (UTC from
 * Graph), so they compare with the backed-up exceptions. https://learn.microsoft.com/graph/api/event-list-instances
 */
async function listOccurrences(
  graph: GraphGateway,
  userId: string,
  seriesId: string,
  series: BackedUpSeries,
  changes: readonly OccurrenceChange[],
): Promise<ListedOccurrence[]> {
  const dates = changes.map((change) => change.date).sort();
  const from = shiftDays(dates[0]!, -1);
  const to = shiftDays(dates[dates.length - 1]!, 2);
  const zone = series.start?.timeZone;
  const path =
    `/users/${encodeURIComponent(userId)}/events/${encodeURIComponent(seriesId)}/instances` +
    `?startDateTime=${from}T00:00:00Z&endDateTime=${to}T00:00:00Z&$select=id,occurrenceId,subject,start,end`;
  const occurrences: ListedOccurrence[] = [];
  for await (const page of graph.pages<ListedOccurrence>(path, {
    resource: { kind: 'mailbox', userId },
    maxPageSize: 100,
    ...(zone && { headers: { Prefer: `outlook.timezone="${zone}"` } }),
  }))
    occurrences.push(...page);
  return occurrences;
}

function shiftDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function instant(value: GraphDateTimeZone | undefined): string {
  return `${(value?.dateTime ?? '').slice(0, 19)} ${value?.timeZone ?? ''}`;
}
