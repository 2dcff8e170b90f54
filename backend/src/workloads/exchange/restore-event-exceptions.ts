import {
  eventInstancesPath,
  eventPath,
  type GraphDateTimeZone,
  type GraphEvent,
  type GraphGateway,
} from '../../graph/index.js';
import { occurrenceDate, type SeriesChanges } from './event-exceptions.js';
import { eventToCreate } from './restore-event-json.js';
import type { GraphJson } from './restore-outlook-json.js';

/** A backed-up series master with its changed and cancelled occurrences. */
export type BackedUpSeries = GraphEvent & SeriesChanges;

/** An occurrence of the recreated series, as its instances list it. */
export interface ListedOccurrence {
  id: string;
  originalStart?: string;
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

/**
 * The cancelled and changed occurrences of a backed-up series, each with the date that names its occurrence: its
 * exceptions, the occurrences it listed as cancelled (older backups), and each date the recreated series has that the
 * backed-up one no longer had in the window it was read in.
 */
export function occurrenceChangesOf(
  series: BackedUpSeries,
  recreated: readonly ListedOccurrence[] = [],
): OccurrenceChange[] {
  const changes: OccurrenceChange[] = [];
  const cancelled = new Set(
    (series.cancelledOccurrences ?? []).map(occurrenceDate).filter((date): date is string => date !== undefined),
  );
  if (series.occurrenceDates) {
    const kept = new Set(series.occurrenceDates);
    for (const occurrence of recreated) {
      const date = dateOfOccurrence(occurrence);
      if (date && !kept.has(date)) cancelled.add(date);
    }
  }
  for (const date of [...cancelled].sort()) changes.push({ date, cancelled: true });
  for (const exception of (series.exceptionOccurrences ?? []) as GraphEvent[]) {
    const record = exception as GraphEvent & { occurrenceId?: string; originalStart?: string };
    const date = record.originalStart?.slice(0, 10) ?? occurrenceDate(record.occurrenceId);
    if (date) changes.push({ date, cancelled: false, exception });
  }
  return changes;
}

/** The date an occurrence of the recreated series stands for: from its original start, else its occurrenceId or start. */
export function dateOfOccurrence(occurrence: ListedOccurrence): string | undefined {
  return (
    occurrence.originalStart?.slice(0, 10) ??
    occurrenceDate(occurrence.occurrenceId) ??
    occurrence.start?.dateTime?.slice(0, 10)
  );
}

/** Whether a backed-up series has occurrences to cancel or change, or the dates that tell which. */
function hasOccurrenceChanges(series: BackedUpSeries): boolean {
  return (
    series.occurrenceDates !== undefined ||
    (series.cancelledOccurrences ?? []).length > 0 ||
    (series.exceptionOccurrences ?? []).length > 0
  );
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
  if (!hasOccurrenceChanges(series)) return;
  const occurrences = await listOccurrences(graph, userId, seriesId, series);
  const changes = occurrenceChangesOf(series, occurrences);
  const resource = { kind: 'mailbox', userId } as const;
  for (const write of planOccurrenceWrites(changes, occurrences).writes) {
    await graph.sendJson(write.method, eventPath(userId, write.id), write.body, { resource });
  }
}

/** Where the recreated series' occurrences differ from the original's changes: each named by its date. */
export async function occurrenceChangeDifferences(
  graph: GraphGateway,
  userId: string,
  seriesId: string,
  series: BackedUpSeries,
): Promise<string[]> {
  if (!hasOccurrenceChanges(series)) return [];
  const occurrences = await listOccurrences(graph, userId, seriesId, series);
  const changes = occurrenceChangesOf(series, occurrences);
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
 * The recreated series' occurrences in the window the backup read the original's in (around the changed dates for
 * older backups), times in the zone the backup holds them in (UTC from Graph), so they compare with the backed-up
 * exceptions. https://learn.microsoft.com/graph/api/event-list-instances
 */
async function listOccurrences(
  graph: GraphGateway,
  userId: string,
  seriesId: string,
  series: BackedUpSeries,
): Promise<ListedOccurrence[]> {
  const window = series.occurrenceWindow ?? windowAround(occurrenceChangesOf(series).map((change) => change.date));
  const zone = series.start?.timeZone;
  const path = eventInstancesPath(userId, seriesId, window, 'id,originalStart,subject,start,end');
  const occurrences: ListedOccurrence[] = [];
  for await (const page of graph.pages<ListedOccurrence>(path, {
    resource: { kind: 'mailbox', userId },
    maxPageSize: 100,
    ...(zone && { headers: { Prefer: `outlook.timezone="${zone}"` } }),
  }))
    occurrences.push(...page);
  return occurrences;
}

function windowAround(dates: readonly string[]): { from: string; to: string } {
  const sorted = [...dates].sort();
  return {
    from: `${shiftDays(sorted[0]!, -1)}T00:00:00Z`,
    to: `${shiftDays(sorted[sorted.length - 1]!, 2)}T00:00:00Z`,
  };
}

function shiftDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function instant(value: GraphDateTimeZone | undefined): string {
  return `${(value?.dateTime ?? '').slice(0, 19)} ${value?.timeZone ?? ''}`;
}
