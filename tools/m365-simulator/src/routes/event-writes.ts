import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { badRequest } from '../http/errors.js';
import type { ExtendedProperty } from '../http/extended-properties.js';
import { jsonBody } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import type { RecurrenceDefinition } from '../model/definition.js';
import { adjacentOriginalStarts, instantOf, seriesZone } from '../model/event-occurrences.js';
import { eventRecord } from '../model/load-definition.js';
import type { EventRecord, ExceptionProperty, OccurrenceChange, UserRecord } from '../model/records.js';
import { ianaZoneOf, wallTimeOf } from '../model/time-zones.js';
import { exchangeIdFrom } from '../util/ids.js';
import { findEvent, type FoundEvent } from './event-lookup.js';
import { calendarIdOf, eventReader } from './event-reads.js';

/** Writable event properties kept as posted (https://learn.microsoft.com/graph/api/resources/event). */
const EVENT_DETAILS = [
  'allowNewTimeProposals',
  'categories',
  'hideAttendees',
  'importance',
  'isOnlineMeeting',
  'isReminderOn',
  'onlineMeetingProvider',
  'reminderMinutesBeforeStart',
  'responseRequested',
  'sensitivity',
] as const;

type DateTimeTimeZoneJson = { dateTime?: string; timeZone?: string };

interface EventJson extends Partial<Record<(typeof EVENT_DETAILS)[number], unknown>> {
  showAs?: string;
  singleValueExtendedProperties?: ExtendedProperty[];
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: DateTimeTimeZoneJson;
  end?: DateTimeTimeZoneJson;
  location?: { displayName?: string };
  isAllDay?: boolean;
  recurrence?: RecurrenceDefinition | null;
  attendees?: Array<{ emailAddress?: { name?: string; address?: string }; type?: string }>;
}

/** A `dateTimeTimeZone` as posted; a zone neither Windows nor IANA names is refused. */
function dateTimeOf(value: DateTimeTimeZoneJson, property: string): EventRecord['start'] {
  if (!value.dateTime) throw badRequest(`${property} needs a dateTime.`, 'ErrorInvalidRequest');
  const timeZone = value.timeZone ?? 'UTC';
  if (!ianaZoneOf(timeZone))
    throw badRequest(`The time zone '${timeZone}' of ${property} is not supported.`, 'ErrorTimeZoneNotSupported');
  return { dateTime: value.dateTime.replace(/Z$/, ''), timeZone };
}

/** The properties a create or an update sets, as the record holds them (start and end keep the zone they were given in). */
function propertiesOf(body: EventJson): Partial<Pick<EventRecord, ExceptionProperty>> {
  const details = Object.fromEntries(
    EVENT_DETAILS.filter((name) => body[name] !== undefined).map((name) => [name, body[name]]),
  );
  return {
    ...(body.subject !== undefined && { subject: body.subject }),
    ...(body.body !== undefined && {
      body: { contentType: body.body.contentType === 'html' ? 'html' : 'text', content: body.body.content ?? '' },
    }),
    ...(body.start !== undefined && { start: dateTimeOf(body.start, 'start') }),
    ...(body.end !== undefined && { end: dateTimeOf(body.end, 'end') }),
    ...(body.location !== undefined && { location: { displayName: body.location.displayName ?? '' } }),
    ...(body.isAllDay !== undefined && { isAllDay: body.isAllDay }),
    ...(body.showAs !== undefined && { showAs: body.showAs }),
    ...(body.attendees !== undefined && {
      attendees: body.attendees.map((attendee) => ({
        emailAddress: { name: attendee.emailAddress?.name ?? '', address: attendee.emailAddress?.address ?? '' },
        type: attendee.type ?? 'required',
      })),
    }),
    ...(Object.keys(details).length > 0 && { details }),
  };
}

/**
 * Event writes: create in the default or a named calendar, update an event, a series or one occurrence (which becomes
 * an exception), delete, cancel. Invitations and cancellations are recorded in the outbox, so a restore can prove it
 * sent none.
 */
export function registerEventWriteRoutes(router: Router, context: SimulatorContext): void {
  const MAILBOX = { resource: 'mailbox' as const, query: [] };
  const { tenant } = context;
  const notify = (
    user: UserRecord,
    event: EventRecord,
    subject: string,
    content: string,
    to: EventRecord['attendees'],
  ) => {
    for (const attendee of to)
      tenant.outbox.push({
        userId: user.id,
        sentDateTime: new Date().toISOString(),
        saveToSentItems: false,
        message: {
          subject,
          from: { name: user.displayName, address: user.mail },
          to: [{ name: attendee.emailAddress.name, address: attendee.emailAddress.address }],
          cc: [],
          date: new Date(),
          messageId: `${randomUUID()}@custodia.sim`,
          body: { contentType: event.body.contentType, content },
          attachments: [],
        },
      });
  };
  const answer = (request: GraphRequest, status: number, found: FoundEvent): GraphResponse => {
    const reader = eventReader(context, request);
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#users('${reader.user.id}')/events/$entity`,
      ...reader.renderFound(found),
    };
    return { status, headers: reader.headers, body };
  };

  // Creating an event with attendees sends them invitations (https://learn.microsoft.com/graph/api/user-post-events).
  const createEvent = (request: GraphRequest, calendarId: string | undefined) => {
    const { mailbox, user } = eventReader(context, request);
    const body = jsonBody<EventJson>(request);
    if (!body.start || !body.end) throw badRequest('start and end are required.', 'ErrorInvalidRequest');
    const properties = propertiesOf(body);
    const now = new Date().toISOString();
    const record: EventRecord = {
      ...eventRecord(
        user,
        { subject: '', start: '', end: '', ...(body.recurrence && { recurrence: body.recurrence }) },
        exchangeIdFrom('AAMkAGI2', user.id, 'event', randomUUID()),
      ),
      ...properties,
      singleValueExtendedProperties: body.singleValueExtendedProperties ?? [],
      createdDateTime: now,
      lastModifiedDateTime: now,
      ...(calendarId !== undefined && { calendarId }),
    };
    mailbox.events.upsert(record);
    notify(user, record, record.subject, record.body.content, record.attendees);
    return answer(request, 201, { kind: 'event', event: record });
  };
  router.add('POST', '/users/:userId/events', MAILBOX, (request) => createEvent(request, undefined));
  // https://learn.microsoft.com/graph/api/calendar-post-events
  router.add('POST', '/users/:userId/calendars/:calendarId/events', MAILBOX, (request) =>
    createEvent(request, calendarIdOf(eventReader(context, request).mailbox, request.params['calendarId'] as string)),
  );

  /** Records what became of one occurrence on its master, which changes with it (its delta and changeKey move). */
  const changeOccurrence = (
    request: GraphRequest,
    master: EventRecord,
    originalStart: Date,
    change: OccurrenceChange,
  ) => {
    master.occurrenceChanges = { ...master.occurrenceChanges, [originalStart.toISOString()]: change };
    eventReader(context, request).mailbox.events.upsert(master);
  };

  // Update an event, a series, or one occurrence, which becomes an exception (https://learn.microsoft.com/graph/api/event-update).
  router.add('PATCH', '/users/:userId/events/:eventId', MAILBOX, (request) => {
    const { mailbox } = eventReader(context, request);
    const found = findEvent(mailbox, request.params['eventId'] as string);
    const body = jsonBody<EventJson>(request);
    const properties = propertiesOf(body);
    const now = new Date().toISOString();
    if (found.kind === 'event') {
      const event = found.event;
      Object.assign(event, properties, {
        details: { ...event.details, ...properties.details },
        lastModifiedDateTime: now,
      });
      if (body.recurrence !== undefined) {
        event.recurrence = body.recurrence;
        event.type = body.recurrence ? 'seriesMaster' : 'singleInstance';
      }
      if (body.singleValueExtendedProperties) event.singleValueExtendedProperties = body.singleValueExtendedProperties;
      mailbox.events.upsert(event);
      return answer(request, 200, found);
    }
    const { master, instance } = found;
    const changed = { ...instance.change?.changed, ...properties };
    refuseCrossingOccurrence(master, instance.originalStart, changed.start);
    changeOccurrence(request, master, instance.originalStart, { changed, lastModifiedDateTime: now });
    return answer(request, 200, findEvent(mailbox, instance.id));
  });

  // Deleting an occurrence cancels it in its series (https://learn.microsoft.com/graph/api/event-delete).
  router.add('DELETE', '/users/:userId/events/:eventId', MAILBOX, (request) => {
    const { mailbox } = eventReader(context, request);
    const found = findEvent(mailbox, request.params['eventId'] as string);
    if (found.kind === 'event') mailbox.events.remove(found.event.id);
    else
      changeOccurrence(request, found.master, found.instance.originalStart, {
        cancelled: true,
        lastModifiedDateTime: new Date().toISOString(),
      });
    return { status: 204 };
  });

  // Only the organizer cancels; the attendees get the comment; 202 (https://learn.microsoft.com/graph/api/event-cancel).
  router.add('POST', '/users/:userId/events/:eventId/cancel', MAILBOX, (request) => {
    const { mailbox, user } = eventReader(context, request);
    const found = findEvent(mailbox, request.params['eventId'] as string);
    const event = found.kind === 'event' ? found.event : found.master;
    if (event.organizer.emailAddress.address.toLowerCase() !== user.mail.toLowerCase())
      throw badRequest(
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
        'ErrorAccessDenied',
      );
    const { comment, Comment } = jsonBody<{ comment?: string; Comment?: string }>(request);
    notify(user, event, `Canceled: ${event.subject}`, comment ?? Comment ?? '', event.attendees);
    if (found.kind === 'event') mailbox.events.remove(event.id);
    else
      changeOccurrence(request, found.master, found.instance.originalStart, {
        cancelled: true,
        lastModifiedDateTime: new Date().toISOString(),
      });
    return { status: 202 };
  });
}

/**
 * An occurrence cannot move to or before the day of the previous occurrence, nor to or after the day of the next
 * one: 400 ErrorOccurrenceCrossingBoundary (https://learn.microsoft.com/graph/api/event-update#response).
 */
function refuseCrossingOccurrence(master: EventRecord, originalStart: Date, start: EventRecord['start'] | undefined) {
  if (!start) return;
  const zone = seriesZone(master);
  const dayOf = (at: Date) => wallTimeOf(at, zone).slice(0, 10);
  const day = dayOf(instantOf(start));
  const { previous, next } = adjacentOriginalStarts(master, originalStart);
  if ((previous && day <= dayOf(previous)) || (next && day >= dayOf(next)))
    throw badRequest(
      'Modified occurrence is crossing or overlapping adjacent occurrence.',
      'ErrorOccurrenceCrossingBoundary',
    );
}
