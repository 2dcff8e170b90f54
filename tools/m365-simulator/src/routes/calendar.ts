import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, notFound } from '../http/errors.js';
import { jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { RecurrenceDefinition } from '../model/definition.js';
import { eventRecord } from '../model/load-definition.js';
import type { EventRecord, Mailbox } from '../model/records.js';
import { occurrenceStarts } from '../model/recurrence.js';
import { exchangeIdFrom } from '../util/ids.js';
import { mailboxTarget } from './targets.js';

const MAILBOX = { resource: 'mailbox' as const };

function renderEvent(event: EventRecord): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${event.seq}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    subject: event.subject,
    body: event.body,
    start: event.start,
    end: event.end,
    isAllDay: event.isAllDay,
    location: event.location,
    attendees: event.attendees,
    organizer: event.organizer,
    recurrence: event.recurrence,
    type: event.type,
    seriesMasterId: null,
  };
}

const utc = (value: { dateTime: string }) => new Date(`${value.dateTime.replace(/Z$/, '')}Z`);
const graphDateTime = (at: Date) => ({ dateTime: at.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

/**
 * What a calendar view shows of an event in [from, to): a single event if it overlaps, or each occurrence of a series
 * (`type: occurrence`, `seriesMasterId`) — https://learn.microsoft.com/graph/api/user-list-calendarview.
 */
function instancesIn(event: EventRecord, from: Date, to: Date): Array<Record<string, unknown>> {
  const start = utc(event.start);
  const duration = utc(event.end).getTime() - start.getTime();
  if (!event.recurrence) return start < to && start.getTime() + duration > from.getTime() ? [renderEvent(event)] : [];
  const earliest = new Date(from.getTime() - duration);
  return occurrenceStarts(event.recurrence as RecurrenceDefinition, start, earliest, to).map((at) => ({
    ...renderEvent(event),
    id: exchangeIdFrom('AAMkAGI2occ', event.id, at.toISOString()),
    type: 'occurrence',
    seriesMasterId: event.id,
    recurrence: null,
    start: graphDateTime(at),
    end: graphDateTime(new Date(at.getTime() + duration)),
  }));
}

function windowOf(request: GraphRequest): { from: Date; to: Date } {
  const start = request.query.get('startDateTime');
  const end = request.query.get('endDateTime');
  // calendarView needs both bounds (https://learn.microsoft.com/graph/api/event-delta).
  if (!start || !end)
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  return { from: new Date(start), to: new Date(end) };
}

interface EventJson {
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  location?: { displayName?: string };
  isAllDay?: boolean;
  recurrence?: RecurrenceDefinition;
  attendees?: Array<{ emailAddress?: { name?: string; address?: string }; type?: string }>;
}

/** Calendar: events, series instances, calendarView delta, create without invitations, delete. */
export function registerCalendarRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  const target = (request: GraphRequest) => mailboxTarget(context, request);
  const eventOf = (mailbox: Mailbox, id: string) => {
    const event = mailbox.events.get(id);
    if (!event) throw notFound(`event ${id}`);
    return event;
  };

  router.add('GET', '/users/:userId/events', MAILBOX, (request) =>
    pageOf(request, [...target(request).mailbox.events.values()].map(renderEvent), { defaultSize: 10, maxSize: 1000 }),
  );
  router.add('GET', '/users/:userId/events/:eventId', MAILBOX, (request) =>
    ok(renderEvent(eventOf(target(request).mailbox, request.params['eventId'] as string))),
  );
  // Occurrences of a series in a window (https://learn.microsoft.com/graph/api/event-list-instances).
  router.add('GET', '/users/:userId/events/:eventId/instances', MAILBOX, (request) => {
    const master = eventOf(target(request).mailbox, request.params['eventId'] as string);
    const { from, to } = windowOf(request);
    if (!master.recurrence) return ok({ value: [] });
    const value = instancesIn(master, from, to);
    return ok({ value });
  });
  // calendarView delta (https://learn.microsoft.com/graph/api/event-delta): the window travels in the links.
  router.add('GET', '/users/:userId/calendarView/delta', MAILBOX, (request) => {
    const { mailbox, user } = target(request);
    const { from, to } = windowOf(request);
    return deltaPage(request, {
      scope: `calendarView:${user.id}:${from.toISOString()}:${to.toISOString()}`,
      clock: tenant.clock,
      collections: [mailbox.events],
      render: renderEvent,
      renderRemoved: removedEntry('#microsoft.graph.event'),
      // A series travels as its occurrences in the window; a removed series as the removal of each of them.
      expand: (entry) => {
        const instances = instancesIn(entry.kind === 'item' ? entry.item : entry.last, from, to);
        if (entry.kind === 'item') return instances;
        return instances.map((instance) => removedEntry('#microsoft.graph.event')(String(instance['id'])));
      },
      ...OUTLOOK_DELTA,
      forceResync: (scope) => context.faults.forceResync(scope),
    });
  });
  // Creating an event with attendees sends them invitations (https://learn.microsoft.com/graph/api/user-post-events):
  // the simulator records each invitation in the outbox, so a restore can prove it sent none.
  router.add('POST', '/users/:userId/events', MAILBOX, (request) => {
    const { mailbox, user } = target(request);
    const body = jsonBody<EventJson>(request);
    if (!body.start?.dateTime || !body.end?.dateTime)
      throw badRequest('start and end are required.', 'ErrorInvalidRequest');
    const record = eventRecord(
      user,
      {
        subject: body.subject ?? '',
        body: body.body?.content ?? '',
        start: body.start.dateTime,
        end: body.end.dateTime,
        location: body.location?.displayName ?? '',
        isAllDay: body.isAllDay ?? false,
        ...(body.recurrence ? { recurrence: body.recurrence } : {}),
      },
      exchangeIdFrom('AAMkAGI2', user.id, 'event', randomUUID()),
    );
    record.attendees = (body.attendees ?? []).map((attendee) => ({
      emailAddress: { name: attendee.emailAddress?.name ?? '', address: attendee.emailAddress?.address ?? '' },
      type: attendee.type ?? 'required',
    }));
    record.createdDateTime = record.lastModifiedDateTime = new Date().toISOString();
    mailbox.events.upsert(record);
    for (const attendee of record.attendees) {
      tenant.outbox.push({
        userId: user.id,
        sentDateTime: record.createdDateTime,
        saveToSentItems: false,
        message: {
          subject: record.subject,
          from: { name: user.displayName, address: user.mail },
          to: [{ name: attendee.emailAddress.name, address: attendee.emailAddress.address }],
          cc: [],
          date: new Date(),
          messageId: `${randomUUID()}@custodia.sim`,
          body: record.body,
          attachments: [],
        },
      });
    }
    return { status: 201, body: renderEvent(record) };
  });
  router.add('DELETE', '/users/:userId/events/:eventId', MAILBOX, (request) => {
    const { mailbox } = target(request);
    mailbox.events.remove(eventOf(mailbox, request.params['eventId'] as string).id);
    return { status: 204 };
  });
}
