import { notFound } from '../http/errors.js';
import { parseOccurrenceId, seriesInstance, type SeriesInstance } from '../model/event-occurrences.js';
import type { EventRecord, Mailbox } from '../model/records.js';

/** An event id names a single event or series master, or one occurrence or exception of a series. */
export type FoundEvent =
  { kind: 'event'; event: EventRecord } | { kind: 'occurrence'; master: EventRecord; instance: SeriesInstance };

/** The event or occurrence an id names; 404 ErrorItemNotFound when there is none (or it was cancelled). */
export function findEvent(mailbox: Mailbox, id: string): FoundEvent {
  const event = mailbox.events.get(id);
  if (event) return { kind: 'event', event };
  const occurrence = parseOccurrenceId(id);
  const master = occurrence ? mailbox.events.get(occurrence.masterId) : undefined;
  const instance = master && occurrence ? seriesInstance(master, occurrence.originalStart) : undefined;
  if (!master || !instance) throw notFound(`event ${id}`);
  return { kind: 'occurrence', master, instance };
}
