import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import type { Router } from '../http/router.js';
import type { DeltaEntry } from '../model/delta-collection.js';
import { instantOf, occurrenceId, originalStarts, seriesInstances } from '../model/event-occurrences.js';
import type { EventRecord } from '../model/records.js';
import { calendarWindowOf } from './calendar-window.js';
import { eventReader } from './event-reads.js';
import { renderEvent, renderInstance } from './event-render.js';

const removed = removedEntry('#microsoft.graph.event');

/**
 * calendarView delta of the default calendar (https://learn.microsoft.com/graph/api/event-delta): single events in the
 * window, and each series as its occurrences and exceptions there; a changed series sends them again with its
 * cancelled occurrences as removed, a removed series the removal of each. `Prefer: odata.maxpagesize` counts those
 * values, so a long series spans pages. The window travels in the links; `$select` and the other options the page
 * names as unsupported are refused.
 */
export function registerCalendarViewDelta(router: Router, context: SimulatorContext): void {
  router.add(
    'GET',
    '/users/:userId/calendarView/delta',
    { resource: 'mailbox', query: ['$skiptoken', '$deltatoken'] },
    (request) => {
      const { mailbox, user, view, headers } = eventReader(context, request);
      const { from, to } = calendarWindowOf(request);
      const inWindow = (event: EventRecord) => instantOf(event.start) < to && instantOf(event.end) > from;
      const cancelledIn = (master: EventRecord) =>
        originalStarts(master, from, to)
          .filter((at) => master.occurrenceChanges?.[at.toISOString()]?.cancelled)
          .map((at) => removed(occurrenceId(master.id, at)));
      const expand = (entry: DeltaEntry<EventRecord>): object[] => {
        const event = entry.kind === 'item' ? entry.item : entry.last;
        if (event.calendarId !== undefined) return [];
        if (!event.recurrence) {
          if (entry.kind === 'removed') return [removed(entry.id)];
          return inWindow(event) ? [renderEvent(event, view, user.mail)] : [];
        }
        const instances = seriesInstances(event, from, to);
        if (entry.kind === 'removed') return instances.map((instance) => removed(instance.id));
        return [
          ...instances.map((instance) => renderInstance(event, instance, view, user.mail)),
          ...cancelledIn(event),
        ];
      };
      const response = deltaPage(request, {
        scope: `calendarView:${user.id}:${from.toISOString()}:${to.toISOString()}`,
        clock: context.tenant.clock,
        collections: [mailbox.events],
        render: (event) => renderEvent(event, view, user.mail),
        renderRemoved: removed,
        expand,
        ...OUTLOOK_DELTA,
        forceResync: (scope) => context.faults.forceResync(scope),
      });
      return { ...response, headers: { ...response.headers, ...headers } };
    },
  );
}
