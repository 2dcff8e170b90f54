import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError, notFound } from '../http/errors.js';
import { withExtendedProperties, type ExtendedProperty } from '../http/extended-properties.js';
import { applySelect, jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { RecurrenceDefinition } from '../model/definition.js';
import { eventRecord } from '../model/load-definition.js';
import type { EventRecord, Mailbox } from '../model/records.js';
import { occurrenceStarts } from '../model/recurrence.js';
import { defaultCalendarId as defaultCalendarIdOf } from '../model/mailbox.js';
import { exchangeIdFrom } from '../util/ids.js';
import { mailboxTarget } from './targets.js';

const defaultCalendarId = (mailbox: Mailbox) => defaultCalendarIdOf(mailbox.userId);

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
    showAs: event.showAs ?? 'busy',
    ...event.details,
  };
}

/** Writable event properties kept as posted (https://learn.microsoft.com/graph/api/resources/event). */
const EVENT_DETAILS = [
  'allowNewTimeProposals',
  'categories',
  'hideAttendees',
  'importance',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'sensitivity',
] as const;

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

interface EventJson extends Partial<Record<(typeof EVENT_DETAILS)[number], unknown>> {
  showAs?: string;
  singleValueExtendedProperties?: ExtendedProperty[];
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: { dateTime?: string; timeZone?: string };
  end?: { dateTime?: string; timeZone?: string };
  location?: { displayName?: string };
  isAllDay?: boolean;
  recurrence?: RecurrenceDefinition;
  attendees?: Array<{ emailAddress?: { name?: string; address?: string }; type?: string }>;
}

/**
 * Calendar: calendars (list, create), events of the default or a named calendar (list, get, create), series instances,
 * calendarView delta of the default calendar, delete. Creating an event with attendees records their invitations.
 */
export function registerCalendarRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  const target = (request: GraphRequest) => mailboxTarget(context, request);
  const eventOf = (mailbox: Mailbox, id: string) => {
    const event = mailbox.events.get(id);
    if (!event) throw notFound(`event ${id}`);
    return event;
  };

  // $expand=singleValueExtendedProperties($filter=id eq '…') (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
  const renderFor = (request: GraphRequest) => (event: EventRecord) =>
    withExtendedProperties(request, renderEvent(event), event.singleValueExtendedProperties ?? []);
  const eventsIn = (request: GraphRequest, calendarId: string | undefined) =>
    pageOf(
      request,
      [...target(request).mailbox.events.values()]
        .filter((event) => event.calendarId === calendarId)
        .map(renderFor(request)),
      { defaultSize: 10, maxSize: 1000 },
    );
  const calendarOf = (mailbox: Mailbox, id: string) => {
    if (id === defaultCalendarId(mailbox)) return undefined;
    const calendar = mailbox.calendars.get(id);
    if (!calendar) throw notFound(`calendar ${id}`);
    return calendar.id;
  };
  // The events of the default calendar (https://learn.microsoft.com/graph/api/user-list-events).
  router.add('GET', '/users/:userId/events', MAILBOX, (request) => eventsIn(request, undefined));
  router.add('GET', '/users/:userId/events/:eventId', MAILBOX, (request) =>
    ok(renderFor(request)(eventOf(target(request).mailbox, request.params['eventId'] as string))),
  );
  // The user's primary calendar (https://learn.microsoft.com/graph/api/calendar-get: GET /users/{id}/calendar).
  router.add('GET', '/users/:userId/calendar', MAILBOX, (request) => {
    const { mailbox } = target(request);
    const calendar = { id: defaultCalendarId(mailbox), name: 'Calendario', color: 'auto', isDefaultCalendar: true };
    return ok(applySelect(calendar, request.query.get('$select')));
  });
  // Calendars: the default one and those created (https://learn.microsoft.com/graph/api/user-list-calendars).
  router.add('GET', '/users/:userId/calendars', MAILBOX, (request) => {
    const { mailbox } = target(request);
    const calendars = [
      { id: defaultCalendarId(mailbox), name: 'Calendario', isDefaultCalendar: true },
      ...[...mailbox.calendars.values()].map((calendar) => ({
        id: calendar.id,
        name: calendar.displayName,
        isDefaultCalendar: false,
      })),
    ];
    return pageOf(request, calendars, { defaultSize: 10, maxSize: 1000 });
  });
  // https://learn.microsoft.com/graph/api/user-post-calendars: a name the mailbox already uses answers 409.
  router.add('POST', '/users/:userId/calendars', MAILBOX, (request) => {
    const { mailbox } = target(request);
    const { name } = jsonBody<{ name?: string }>(request);
    if (!name) throw badRequest('name is required.', 'ErrorInvalidRequest');
    const taken = [...mailbox.calendars.values()].some(
      (calendar) => calendar.displayName.toLowerCase() === name.toLowerCase(),
    );
    if (taken || name.toLowerCase() === 'calendario')
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const calendar = mailbox.calendars.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'calendar', randomUUID()),
      seq: 0,
      displayName: name,
      parentFolderId: defaultCalendarId(mailbox),
    });
    return { status: 201, body: { id: calendar.id, name: calendar.displayName, isDefaultCalendar: false } };
  });
  // https://learn.microsoft.com/graph/api/calendar-list-events
  router.add('GET', '/users/:userId/calendars/:calendarId/events', MAILBOX, (request) =>
    eventsIn(request, calendarOf(target(request).mailbox, request.params['calendarId'] as string)),
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
        if ((entry.kind === 'item' ? entry.item : entry.last).calendarId !== undefined) return [];
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
  const createEvent = (request: GraphRequest, calendarId: string | undefined) => {
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
    // Start and end keep the time zone they were given; the body keeps its content type.
    record.start = { dateTime: body.start.dateTime, timeZone: body.start.timeZone ?? 'UTC' };
    record.end = { dateTime: body.end.dateTime, timeZone: body.end.timeZone ?? 'UTC' };
    record.body = {
      contentType: body.body?.contentType === 'html' ? 'html' : 'text',
      content: body.body?.content ?? '',
    };
    record.showAs = body.showAs ?? 'busy';
    record.details = Object.fromEntries(
      EVENT_DETAILS.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]),
    );
    record.singleValueExtendedProperties = body.singleValueExtendedProperties ?? [];
    if (calendarId !== undefined) record.calendarId = calendarId;
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
    return { status: 201, body: renderFor(request)(record) };
  };
  router.add('POST', '/users/:userId/events', MAILBOX, (request) => createEvent(request, undefined));
  // https://learn.microsoft.com/graph/api/calendar-post-events
  router.add('POST', '/users/:userId/calendars/:calendarId/events', MAILBOX, (request) =>
    createEvent(request, calendarOf(target(request).mailbox, request.params['calendarId'] as string)),
  );
  router.add('DELETE', '/users/:userId/events/:eventId', MAILBOX, (request) => {
    const { mailbox } = target(request);
    mailbox.events.remove(eventOf(mailbox, request.params['eventId'] as string).id);
    return { status: 204 };
  });
}
