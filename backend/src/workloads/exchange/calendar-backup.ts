import { searchTermsOf, type NewItemVersion, type StoredContent } from '../../catalog/index.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { eventListing, type GraphEvent } from '../../graph/index.js';
import { withSeriesChanges } from './event-exceptions.js';
import { fullFidelityExporter } from './full-fidelity-export.js';

const containerId = 'calendar';

/**
 * Backs up a mailbox's calendar from the event list, which holds single events and series masters
 * with their recurrence (calendarView delta would expand every series into its occurrences): each
 * new or changed event's JSON into the store, a series master's with its changed and cancelled
 * occurrences (event-exceptions.ts); events gone since the last run are closed.
 * https://learn.microsoft.com/graph/api/user-list-events
 */
export async function backupCalendar(context: UnitContext, userId: string): Promise<void> {
  const resource = { kind: 'mailbox', userId } as const;
  const roundStartedAt = new Date();
  const recipe: PageRecipe<GraphEvent> = {
    idOf: (event) => event.id,
    isRemoved: () => false,
    isContent: () => true,
    versionKeyOf: (event) => event.changeKey ?? event.id,
    concurrency: 1,
    async fetchContent(event) {
      const json = await withSeriesChanges(context.graph, userId, event);
      return context.store.put(context.tenantId, Buffer.from(JSON.stringify(json), 'utf8'), 'item');
    },
    toVersion: (event, content) => eventVersion(context, event, content),
    addFullFidelity: (versions) => fullFidelityExporter(context, userId).addStreams(versions),
  };
  // One listing is one round: a paged list does not repeat an item, but the recorder keeps count either way.
  const round = { round: 'resync' as const, recorded: new Set<string>() };
  const listing = eventListing(userId);
  for await (const events of context.graph.pages<GraphEvent>(listing.path, {
    resource,
    maxPageSize: listing.maxPageSize,
  })) {
    await recordDeltaPage(context, events, recipe, round);
    await context.progress.checkpoint();
  }
  context.progress.addDeletions(
    await context.catalog.closeUnseen(context.resource.resourceId, { containerId }, roundStartedAt, context.runId),
  );
}

function eventVersion(context: UnitContext, event: GraphEvent, content: StoredContent): NewItemVersion {
  const organiser = event.organizer?.emailAddress?.address?.toLowerCase();
  const attendees = (event.attendees ?? [])
    .map((attendee) => attendee.emailAddress?.address?.toLowerCase())
    .filter((address): address is string => Boolean(address));
  return {
    resourceId: context.resource.resourceId,
    kind: 'event',
    graphId: event.id,
    versionKey: event.changeKey ?? event.id,
    containerId,
    containerPath: 'Calendar',
    name: event.subject ?? '',
    ...(organiser !== undefined && { from: organiser }),
    to: attendees,
    size: content.size,
    ...(event.start?.dateTime !== undefined && { itemDate: new Date(`${event.start.dateTime}Z`) }),
    properties: { start: event.start, end: event.end, recurrence: event.recurrence, type: event.type },
    content,
    searchTerms: searchTermsOf(event.subject, organiser, ...attendees),
  };
}
