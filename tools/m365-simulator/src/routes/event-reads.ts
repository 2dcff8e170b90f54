import type { SimulatorContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { withExtendedProperties } from '../http/extended-properties.js';
import { applySelect, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import { seriesInstances } from '../model/event-occurrences.js';
import { defaultCalendarId } from '../model/mailbox.js';
import type { EventRecord, Mailbox } from '../model/records.js';
import { calendarWindowOf } from './calendar-window.js';
import { findEvent, type FoundEvent } from './event-lookup.js';
import { refuseUnknownEventProperties, renderEvent, renderInstance, timeZoneViewOf } from './event-render.js';
import { mailboxTarget } from './targets.js';

/** The calendar an id names: undefined for the default calendar (events without a calendarId). */
export function calendarIdOf(mailbox: Mailbox, id: string): string | undefined {
  if (id === defaultCalendarId(mailbox.userId)) return undefined;
  const calendar = mailbox.calendars.get(id);
  if (!calendar) throw notFound(`calendar ${id}`);
  return calendar.id;
}

/**
 * How one request sees events: in the zone `Prefer: outlook.timezone` names, with the single-value extended
 * properties `$expand` asks for (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get), and
 * `$select` checked against the event's properties.
 */
export function eventReader(context: SimulatorContext, request: GraphRequest) {
  const { mailbox, user } = mailboxTarget(context, request);
  // location and locations always correspond (https://learn.microsoft.com/graph/api/resources/event): one selects both.
  const select = request.query.get('$select');
  if (select && /(^|,)\s*location\s*(,|$)/i.test(select) && !/(^|,)\s*locations\s*(,|$)/i.test(select))
    request.query.set('$select', `${select},locations`);
  const { view, headers } = timeZoneViewOf(request);
  const checked = (rendered: Record<string, unknown>) => {
    refuseUnknownEventProperties(request, rendered);
    return rendered;
  };
  const renderOne = (event: EventRecord) =>
    checked(
      withExtendedProperties(request, renderEvent(event, view, user.mail), event.singleValueExtendedProperties ?? []),
    );
  const renderFound = (found: FoundEvent) =>
    found.kind === 'event'
      ? renderOne(found.event)
      : checked(
          withExtendedProperties(
            request,
            renderInstance(found.master, found.instance, view, user.mail),
            found.master.singleValueExtendedProperties ?? [],
          ),
        );
  return { mailbox, user, view, headers, renderOne, renderFound };
}

const LIST_OPTIONS = ['$select', '$top', '$skiptoken', '$expand'];

/** Event reads: the list of a calendar (single events and series masters), one event or occurrence, a series' instances. */
export function registerEventReadRoutes(router: Router, context: SimulatorContext): void {
  const MAILBOX = { resource: 'mailbox' as const };
  const eventsIn = (request: GraphRequest, calendarId: (mailbox: Mailbox) => string | undefined) => {
    const reader = eventReader(context, request);
    const inCalendar = calendarId(reader.mailbox);
    const events = [...reader.mailbox.events.values()].filter((event) => event.calendarId === inCalendar);
    const response = pageOf(request, events.map(reader.renderOne), {
      defaultSize: 10,
      maxSize: 1000,
      context: `users('${reader.user.id}')/events`,
    });
    return { ...response, headers: { ...response.headers, ...reader.headers } };
  };
  // The events of the default calendar: single events and series masters (https://learn.microsoft.com/graph/api/user-list-events).
  router.add('GET', '/users/:userId/events', { ...MAILBOX, query: LIST_OPTIONS }, (request) =>
    eventsIn(request, () => undefined),
  );
  // https://learn.microsoft.com/graph/api/calendar-list-events
  router.add('GET', '/users/:userId/calendars/:calendarId/events', { ...MAILBOX, query: LIST_OPTIONS }, (request) =>
    eventsIn(request, (mailbox) => calendarIdOf(mailbox, request.params['calendarId'] as string)),
  );
  // An event, a series master, or one occurrence or exception by its id (https://learn.microsoft.com/graph/api/event-get).
  router.add('GET', '/users/:userId/events/:eventId', { ...MAILBOX, query: ['$select', '$expand'] }, (request) => {
    const reader = eventReader(context, request);
    const rendered = reader.renderFound(findEvent(reader.mailbox, request.params['eventId'] as string));
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#users('${reader.user.id}')/events/$entity`,
      ...rendered,
    };
    return ok(applySelect(body, request.query.get('$select')), reader.headers);
  });
  // The occurrences and exceptions of a series in a window, cancelled ones left out, pages as
  // `Prefer: odata.maxpagesize` or `$top` ask (https://learn.microsoft.com/graph/api/event-list-instances).
  router.add(
    'GET',
    '/users/:userId/events/:eventId/instances',
    { ...MAILBOX, query: ['$select', '$top', '$skiptoken'] },
    (request) => {
      const reader = eventReader(context, request);
      const eventId = request.params['eventId'] as string;
      const found = findEvent(reader.mailbox, eventId);
      const { from, to } = calendarWindowOf(request);
      const master = found.kind === 'event' && found.event.recurrence ? found.event : undefined;
      const value = master
        ? seriesInstances(master, from, to).map((instance) =>
            reader.renderFound({ kind: 'occurrence', master, instance }),
          )
        : [];
      const response = pageOf(request, value, {
        defaultSize: 10,
        maxSize: 1000,
        context: `users('${reader.user.id}')/events('${eventId}')/instances`,
      });
      return { ...response, headers: { ...response.headers, ...reader.headers } };
    },
  );
}
