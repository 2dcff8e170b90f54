import { createHash } from 'node:crypto';
import type { RecurrenceDefinition } from './definition.js';
import type { EventRecord, OccurrenceChange } from './records.js';
import { occurrenceStarts } from './recurrence.js';
import { ianaZoneOf, instantOfWallTime } from './time-zones.js';

const DAY_MS = 24 * 3600 * 1000;
const OCCURRENCE_PREFIX = 'AAMkAGI2Occ';

/** One occurrence of a series as the series' pattern and changes make it: a plain occurrence or an exception. */
export interface SeriesInstance {
  id: string;
  originalStart: Date;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  change?: OccurrenceChange;
}

/**
 * An occurrence's id names its series and original start, as Exchange's occurrence ids do, so one can be read,
 * changed, deleted or cancelled by id (https://learn.microsoft.com/graph/api/event-update: "PATCH /users/{id}/events/{id}"
 * with an occurrence's id). Opaque to clients like every Outlook id.
 */
export function occurrenceId(masterId: string, originalStart: Date): string {
  return `${OCCURRENCE_PREFIX}${Buffer.from(`${masterId}\n${originalStart.toISOString()}`).toString('base64url')}`;
}

export function parseOccurrenceId(id: string): { masterId: string; originalStart: Date } | undefined {
  if (!id.startsWith(OCCURRENCE_PREFIX)) return undefined;
  const [masterId, start] = Buffer.from(id.slice(OCCURRENCE_PREFIX.length), 'base64url').toString('utf8').split('\n');
  const originalStart = new Date(start ?? '');
  return masterId && !Number.isNaN(originalStart.getTime()) ? { masterId, originalStart } : undefined;
}

/** The instant a `dateTimeTimeZone` stands for (UTC when its zone is unknown). */
export function instantOf(value: { dateTime: string; timeZone: string }): Date {
  return instantOfWallTime(value.dateTime, ianaZoneOf(value.timeZone) ?? 'UTC');
}

/** The IANA zone a series recurs in: that of its start. */
export function seriesZone(master: EventRecord): string {
  return ianaZoneOf(master.start.timeZone) ?? 'UTC';
}

/** The original starts of a series' occurrences in [from, to), cancelled ones included. */
export function originalStarts(master: EventRecord, from: Date, to: Date): Date[] {
  if (!master.recurrence) return [];
  const recurrence = master.recurrence as RecurrenceDefinition;
  return occurrenceStarts(recurrence, instantOf(master.start), from, to, seriesZone(master));
}

/** Whether `at` is the original start of one of the series' occurrences. */
export function isOriginalStart(master: EventRecord, at: Date): boolean {
  return originalStarts(master, at, new Date(at.getTime() + 1)).length === 1;
}

const asUtc = (at: Date) => ({ dateTime: at.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

/** The occurrence that starts originally at `originalStart`, as changed, or undefined once cancelled. */
function instanceAt(master: EventRecord, originalStart: Date): SeriesInstance | undefined {
  const change = master.occurrenceChanges?.[originalStart.toISOString()];
  if (change?.cancelled) return undefined;
  const duration = instantOf(master.end).getTime() - instantOf(master.start).getTime();
  return {
    id: occurrenceId(master.id, originalStart),
    originalStart,
    start: change?.changed?.start ?? asUtc(originalStart),
    end: change?.changed?.end ?? asUtc(new Date(originalStart.getTime() + duration)),
    ...(change && { change }),
  };
}

/**
 * The occurrences and exceptions of a series that overlap [from, to), cancelled ones left out, in start order
 * (https://learn.microsoft.com/graph/api/event-list-instances). An exception may have moved, so originals are looked
 * for a month either side of the window.
 */
export function seriesInstances(master: EventRecord, from: Date, to: Date): SeriesInstance[] {
  const around = originalStarts(master, new Date(from.getTime() - 31 * DAY_MS), new Date(to.getTime() + 31 * DAY_MS));
  return around
    .map((originalStart) => instanceAt(master, originalStart))
    .filter((instance): instance is SeriesInstance => instance !== undefined)
    .filter((instance) => instantOf(instance.start) < to && instantOf(instance.end) > from)
    .sort((a, b) => instantOf(a.start).getTime() - instantOf(b.start).getTime());
}

/** One occurrence by its original start, or undefined when the series has none there or it was cancelled. */
export function seriesInstance(master: EventRecord, originalStart: Date): SeriesInstance | undefined {
  return isOriginalStart(master, originalStart) ? instanceAt(master, originalStart) : undefined;
}

/** The original starts of the occurrences just before and just after one, within a year either side. */
export function adjacentOriginalStarts(master: EventRecord, originalStart: Date): { previous?: Date; next?: Date } {
  const year = 366 * DAY_MS;
  const previous = originalStarts(master, new Date(originalStart.getTime() - year), originalStart).pop();
  const [next] = originalStarts(
    master,
    new Date(originalStart.getTime() + 1),
    new Date(originalStart.getTime() + year),
  );
  return { ...(previous && { previous }), ...(next && { next }) };
}

/**
 * An iCalUId as Outlook forms them (a global object id in hex, `040000008200E00074C5B7101A82E008…`), derived from a
 * seed: an event gets one when created and keeps it; each occurrence has its own
 * (https://learn.microsoft.com/graph/api/resources/event: "different for each occurrence in a recurring series").
 */
export function iCalUIdFrom(seed: string): string {
  return `040000008200E00074C5B7101A82E008${createHash('sha256').update(seed).digest('hex').slice(0, 48).toUpperCase()}`;
}
