import type { GraphReader, GraphResource } from '../../backup/ports.js';
import { GraphRequestError } from '../../graph/index.js';

/**
 * What Graph says changed in a series: the occurrences deleted (`OID.{seriesMasterId}.{yyyy-mm-dd}`, the date in the
 * series' recurrence time zone) and the occurrences edited (full events, each with its `occurrenceId` and
 * `originalStart`). https://learn.microsoft.com/graph/api/resources/event (cancelledOccurrences, exceptionOccurrences)
 */
export interface SeriesChanges {
  cancelledOccurrences?: string[];
  exceptionOccurrences?: Record<string, unknown>[];
}

interface ListedEvent {
  id: string;
  type?: string;
}

/**
 * A series master as the event list gives it, with its cancelled and changed occurrences, which that list leaves out
 * (it holds single events and masters only). One request per new or changed master: changing or deleting an
 * occurrence changes the master (Exchange keeps exceptions inside it), so an unchanged master needs no new read.
 * A tenant whose Graph does not know these properties answers 400: the master is kept as listed, with a warning.
 */
export async function withSeriesChanges<T extends ListedEvent>(
  graph: Pick<GraphReader, 'getJson'>,
  userId: string,
  event: T,
  warn: (message: string) => void,
): Promise<T & SeriesChanges> {
  if (event.type !== 'seriesMaster') return event;
  const resource: GraphResource = { kind: 'mailbox', userId };
  let read: SeriesChanges;
  try {
    read = await graph.getJson<SeriesChanges>(
      `/users/${encodeURIComponent(userId)}/events/${encodeURIComponent(event.id)}` +
        '?$select=id,cancelledOccurrences,exceptionOccurrences&$expand=exceptionOccurrences',
      { resource },
    );
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.status !== 400) throw error;
    warn(`the changed and cancelled occurrences of series ${event.id} could not be read: ${error.graphMessage}`);
    return event;
  }
  const cancelled = read.cancelledOccurrences ?? [];
  const exceptions = read.exceptionOccurrences ?? [];
  return {
    ...event,
    ...(cancelled.length > 0 && { cancelledOccurrences: cancelled }),
    ...(exceptions.length > 0 && { exceptionOccurrences: exceptions }),
  };
}

/** The occurrence date an `occurrenceId` (`OID.{seriesMasterId}.{yyyy-mm-dd}`) names, if it names one. */
export function occurrenceDate(occurrenceId: string | undefined | null): string | undefined {
  return /\.(\d{4}-\d{2}-\d{2})$/.exec(occurrenceId ?? '')?.[1];
}
