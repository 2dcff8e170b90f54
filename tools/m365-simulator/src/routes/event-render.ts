import { createHash } from 'node:crypto';
import { badRequest } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';
import { iCalUIdFrom, instantOf, type SeriesInstance } from '../model/event-occurrences.js';
import type { EventRecord } from '../model/records.js';
import { ianaZoneOf, wallTimeOf } from '../model/time-zones.js';

/** The zone event times are shown in: UTC unless `Prefer: outlook.timezone` names another. */
export interface TimeZoneView {
  name: string;
  iana: string;
}

const UTC_VIEW: TimeZoneView = { name: 'UTC', iana: 'UTC' };

/**
 * `Prefer: outlook.timezone="Pacific Standard Time"` shows start and end in that zone and is confirmed by
 * `Preference-Applied`; without it times are in UTC (https://learn.microsoft.com/graph/api/user-list-events#support-various-time-zones).
 * A zone the simulator cannot resolve is refused rather than ignored.
 */
export function timeZoneViewOf(request: GraphRequest): { view: TimeZoneView; headers: Record<string, string> } {
  const prefer = request.headers['prefer'];
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const name = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(text)?.[1];
  if (name === undefined) return { view: UTC_VIEW, headers: {} };
  const iana = ianaZoneOf(name);
  if (!iana) throw badRequest(`The time zone '${name}' is not supported.`, 'ErrorTimeZoneNotSupported');
  return { view: { name, iana }, headers: { 'preference-applied': `outlook.timezone="${name}"` } };
}

const NEVER = '0001-01-01T00:00:00Z';

/** Outlook's `dateTimeTimeZone` in the view's zone with seven fractional digits; an all-day event keeps its dates. */
function renderTime(value: { dateTime: string; timeZone: string }, isAllDay: boolean, view: TimeZoneView) {
  const dateTime = isAllDay ? `${value.dateTime.slice(0, 19)}.0000000` : wallTimeOf(instantOf(value), view.iana);
  return { dateTime, timeZone: view.name };
}

function renderLocation(displayName: string) {
  return displayName
    ? { displayName, locationType: 'default', uniqueId: displayName, uniqueIdType: 'private' }
    : { displayName: '', locationType: 'default', uniqueIdType: 'unknown' };
}

const plainText = (body: EventRecord['body']) =>
  (body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ') : body.content).replace(/\s+/g, ' ').trim();

/**
 * An event with the properties Graph returns by default
 * (https://learn.microsoft.com/graph/api/resources/event#json-representation); properties the simulator keeps as
 * posted (`details`) replace the defaults.
 */
export function renderEvent(event: EventRecord, view: TimeZoneView, owner: string): Record<string, unknown> {
  const changeKey = createHash('sha256').update(`${event.id}\n${event.seq}`).digest('base64').slice(0, 24);
  const isOrganizer = event.organizer.emailAddress.address.toLowerCase() === owner.toLowerCase();
  const details = event.details ?? {};
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey,
    categories: [],
    transactionId: null,
    originalStartTimeZone: event.start.timeZone,
    originalEndTimeZone: event.end.timeZone,
    iCalUId: event.iCalUId ?? iCalUIdFrom(event.id),
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: plainText(event.body).slice(0, 255),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: event.isAllDay,
    isCancelled: false,
    isOrganizer,
    responseRequested: true,
    seriesMasterId: null,
    showAs: event.showAs ?? 'busy',
    type: event.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    allowNewTimeProposals: true,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: isOrganizer ? 'organizer' : 'none', time: NEVER },
    body: event.body,
    start: renderTime(event.start, event.isAllDay, view),
    end: renderTime(event.end, event.isAllDay, view),
    location: renderLocation(event.location.displayName),
    locations: event.location.displayName ? [renderLocation(event.location.displayName)] : [],
    recurrence: event.recurrence,
    attendees: event.attendees.map((attendee) => ({ ...attendee, status: { response: 'none', time: NEVER } })),
    organizer: event.organizer,
    ...details,
    onlineMeeting: details['isOnlineMeeting'] === true ? onlineMeetingOf(event.id) : null,
  };
}

/** The join details Graph initialises once `isOnlineMeeting` is set (https://learn.microsoft.com/graph/api/event-update). */
function onlineMeetingOf(eventId: string) {
  const digits = createHash('sha256').update(eventId).digest().readUInt32BE(0).toString().padStart(9, '0');
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${digits}%40thread.v2/0`,
    conferenceId: digits,
    tollNumber: '+39 02 0000 0000',
  };
}

/**
 * One occurrence of a series (`type: occurrence`) or a changed one (`type: exception`) with its `seriesMasterId` and
 * `originalStart` (https://learn.microsoft.com/graph/api/event-list-instances, /graph/api/resources/event).
 */
export function renderInstance(
  master: EventRecord,
  instance: SeriesInstance,
  view: TimeZoneView,
  owner: string,
): Record<string, unknown> {
  const changed = instance.change?.changed;
  const occurrence: EventRecord = {
    ...master,
    ...changed,
    id: instance.id,
    iCalUId: iCalUIdFrom(`${master.iCalUId ?? master.id}\n${instance.originalStart.toISOString()}`),
    start: instance.start,
    end: instance.end,
    details: { ...master.details, ...changed?.details },
    lastModifiedDateTime: instance.change?.lastModifiedDateTime ?? master.lastModifiedDateTime,
  };
  return {
    ...renderEvent(occurrence, view, owner),
    originalStartTimeZone: master.start.timeZone,
    originalEndTimeZone: master.end.timeZone,
    type: changed ? 'exception' : 'occurrence',
    seriesMasterId: master.id,
    recurrence: null,
    originalStart: instance.originalStart.toISOString().replace(/\.000Z$/, 'Z'),
  };
}

/** Navigation properties of an event, selectable besides those `renderEvent` writes. */
const EVENT_RELATIONSHIPS = [
  'attachments',
  'calendar',
  'extensions',
  'instances',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
  'originalStart',
];

/**
 * `$select` of a property the v1.0 event does not have is refused as Graph refuses it, 400 "Could not find a property
 * named 'occurrenceId' on type 'microsoft.graph.event'." (https://learn.microsoft.com/graph/query-parameters#select-parameter):
 * beta-only properties such as `occurrenceId`, `cancelledOccurrences` and `exceptionOccurrences` among them.
 */
export function refuseUnknownEventProperties(request: GraphRequest, rendered: Record<string, unknown>): void {
  const names = [request.query.get('$select'), request.query.get('$expand')]
    .filter((value): value is string => value !== null)
    .flatMap((value) => value.replace(/\([^)]*\)/g, '').split(','))
    .map((name) => name.split('(')[0]?.trim() ?? '')
    .filter((name) => name.length > 0);
  const known = new Set([...Object.keys(rendered), ...EVENT_RELATIONSHIPS].map((name) => name.toLowerCase()));
  const unknown = names.find((name) => !known.has(name.toLowerCase()));
  if (unknown !== undefined)
    throw badRequest(
      `Could not find a property named '${unknown}' on type 'microsoft.graph.event'.`,
      'RequestBroker--ParseUri',
    );
}
