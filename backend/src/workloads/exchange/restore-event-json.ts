import type { GraphAttendee, GraphDateTimeZone, GraphEvent, ItemBody } from '../../graph/index.js';
import { bodyText, canonical, fieldDifferences, writableCopy, type GraphJson } from './restore-outlook-json.js';
import { ianaZoneOf, wallTimeIn } from './windows-time-zones.js';

/** Kept under this module's name for the tests that build events to create. */
export type { GraphEvent } from '../../graph/index.js';

/** Set by Exchange, or not accepted by a POST of a new event. */
const eventReadOnly = [
  'attendees',
  'organizer',
  'webLink',
  'iCalUId',
  'uid',
  'seriesMasterId',
  'type',
  'originalStart',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'isOrganizer',
  'responseStatus',
  'onlineMeeting',
  'onlineMeetingUrl',
  // A restored event would get a new Teams meeting: its old join link cannot come back.
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'occurrenceId',
  'hasAttachments',
  'isDraft',
  'isCancelled',
  'bodyPreview',
  'cancelledOccurrences',
  'exceptionOccurrences',
  'occurrenceDates',
  'occurrenceWindow',
  'instances',
  'attachments',
  'calendar',
  'extensions',
  'transactionId',
];

/** The line that keeps who was invited, since the restored event invites nobody. */
export const attendeesLabel = 'Partecipanti / Attendees:';

export function attendeeText(attendee: GraphAttendee): string {
  const { name, address } = attendee.emailAddress ?? {};
  const who = name && address ? `${name} <${address}>` : (address ?? name ?? '');
  return attendee.type && attendee.type !== 'required' ? `${who} (${attendee.type})` : who;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The body with a line naming the attendees appended (before `</body>` in HTML). */
function bodyWithAttendees(body: ItemBody | undefined, attendees: readonly GraphAttendee[]): ItemBody | undefined {
  if (attendees.length === 0) return body;
  const line = `${attendeesLabel} ${attendees.map(attendeeText).join(', ')}`;
  const content = body?.content ?? '';
  if (body?.contentType?.toLowerCase() !== 'html') {
    return { contentType: 'text', content: content ? `${content}\n\n${line}` : line };
  }
  const paragraph = `<p>${escapeHtml(line)}</p>`;
  const close = content.toLowerCase().lastIndexOf('</body>');
  return {
    contentType: 'html',
    content: close >= 0 ? `${content.slice(0, close)}${paragraph}${content.slice(close)}` : `${content}${paragraph}`,
  };
}

/**
 * The JSON that creates the backed-up event without sending a single invitation: attendees are left out (posting
 * them makes Exchange invite them, learn.microsoft.com/graph/api/user-post-events) and written into the body instead.
 * A series master keeps its recurrence, so the series is recreated with its pattern and range.
 */
export function eventToCreate(original: GraphEvent, marker: string): GraphJson {
  const json = writableCopy(original, eventReadOnly, marker);
  const body = bodyWithAttendees(original.body, original.attendees ?? []);
  if (body) json.body = body;
  if (!original.isAllDay) {
    json.start = inZone(original.start, original.originalStartTimeZone);
    json.end = inZone(original.end, original.originalEndTimeZone);
  }
  return json;
}

/**
 * Graph lists events in UTC unless asked otherwise (learn.microsoft.com/graph/api/user-list-events), so a backup holds
 * UTC times and the zone the event was created in apart. Posted back in UTC, a weekly 09:00 meeting in Rome would move
 * by an hour with daylight saving time: the times go back as wall-clock times in their original zone.
 */
export function inZone(value: GraphDateTimeZone | undefined, zone: string | undefined): GraphDateTimeZone | undefined {
  if (!value?.dateTime || value.timeZone?.toUpperCase() !== 'UTC' || !zone || zone.toUpperCase() === 'UTC')
    return value;
  const iana = ianaZoneOf(zone);
  if (!iana) return value;
  return { dateTime: wallTimeIn(new Date(`${value.dateTime.slice(0, 19)}Z`), iana), timeZone: zone };
}

const seconds = (value: GraphDateTimeZone | undefined): string =>
  `${(value?.dateTime ?? '').slice(0, 19)} ${value?.timeZone ?? ''}`;

/** Subject, start and end: what makes two events the same event for the conflict policy. */
export function eventIdentity(event: GraphEvent): string {
  return `${(event.subject ?? '').trim()}\n${seconds(event.start)}\n${seconds(event.end)}`;
}

/**
 * Where a restored event differs from its backup: subject, start and end with their time zones, location, isAllDay,
 * showAs, recurrence, the body's words (and the attendees line in it); attendees must be absent.
 */
export function eventDifferences(original: GraphEvent, restored: GraphEvent): string[] {
  const differences = fieldDifferences(original, restored, ['subject', 'isAllDay', 'recurrence']);
  if (seconds(original.start) !== seconds(restored.start)) differences.push('start');
  if (seconds(original.end) !== seconds(restored.end)) differences.push('end');
  if (canonical(original.location?.displayName) !== canonical(restored.location?.displayName))
    differences.push('location');
  if (original.showAs !== undefined && original.showAs !== restored.showAs) differences.push('showAs');
  const restoredText = bodyText(restored.body);
  if (!restoredText.includes(bodyText(original.body))) differences.push('body');
  const attendees = original.attendees ?? [];
  if ((restored.attendees ?? []).length > 0) differences.push('attendees');
  const listed = attendees.every((attendee) => restoredText.includes(attendeeText(attendee)));
  if (attendees.length > 0 && (!restoredText.includes(attendeesLabel) || !listed)) differences.push('attendeesInBody');
  return differences;
}
