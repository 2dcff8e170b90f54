import { contentLines, escapeText, parameterValue } from './export-content-lines.js';
import { htmlToText } from './restore-mail-json.js';
import { ianaZoneOf } from './windows-time-zones.js';
import type { GraphAttendee, GraphDateTimeZone, GraphEvent } from '../../graph/index.js';
import { inZone } from './restore-event-json.js';

/** Graph's patternedRecurrence (learn.microsoft.com/graph/api/resources/patternedrecurrence). */
interface GraphRecurrence {
  pattern?: {
    type?: string;
    interval?: number;
    daysOfWeek?: string[];
    dayOfMonth?: number;
    month?: number;
    index?: string;
    firstDayOfWeek?: string;
  };
  range?: { type?: string; endDate?: string; numberOfOccurrences?: number };
}

type CalendarAttendee = GraphAttendee & { status?: { response?: string } };

export interface IcsEvent extends GraphEvent {
  lastModifiedDateTime?: string;
  sensitivity?: string;
  attendees?: CalendarAttendee[];
}

const weekdays: Record<string, string> = {
  sunday: 'SU',
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
};
const setPositions: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/** `2026-01-12T09:00:00.0000000` → `20260112T090000`. */
const basicDateTime = (dateTime: string): string => dateTime.slice(0, 19).replace(/[-:]/g, '');
const basicDate = (date: string): string => date.slice(0, 10).replace(/-/g, '');
const utcStamp = (at: Date): string => `${basicDateTime(at.toISOString())}Z`;

/** DTSTART/DTEND: a date for all-day events, UTC with `Z`, or local time with its TZID. */
function dateProperty(name: string, value: GraphDateTimeZone | undefined, allDay: boolean): string[] {
  if (!value?.dateTime) return [];
  if (allDay) return [`${name};VALUE=DATE:${basicDate(value.dateTime)}`];
  const zone = value.timeZone ?? 'UTC';
  if (/^(utc|gmt|etc\/utc)$/i.test(zone)) return [`${name}:${basicDateTime(value.dateTime)}Z`];
  return [`${name};TZID=${parameterValue(ianaZoneOf(zone) ?? zone)}:${basicDateTime(value.dateTime)}`];
}

/** Graph's recurrence as an RRULE (RFC 5545 3.3.10); undefined for a pattern it does not know. */
export function recurrenceRule(recurrence: unknown, allDay: boolean): string | undefined {
  const { pattern, range } = (recurrence ?? {}) as GraphRecurrence;
  if (!pattern?.type) return undefined;
  const byDay = (pattern.daysOfWeek ?? []).map((day) => weekdays[day.toLowerCase()]).filter(Boolean);
  const setPosition = setPositions[pattern.index ?? 'first'] ?? 1;
  const parts: Record<string, string> = {
    daily: 'FREQ=DAILY',
    weekly: `FREQ=WEEKLY;BYDAY=${byDay.join(',')}`,
    absoluteMonthly: `FREQ=MONTHLY;BYMONTHDAY=${pattern.dayOfMonth}`,
    relativeMonthly: `FREQ=MONTHLY;BYDAY=${byDay.join(',')};BYSETPOS=${setPosition}`,
    absoluteYearly: `FREQ=YEARLY;BYMONTH=${pattern.month};BYMONTHDAY=${pattern.dayOfMonth}`,
    relativeYearly: `FREQ=YEARLY;BYMONTH=${pattern.month};BYDAY=${byDay.join(',')};BYSETPOS=${setPosition}`,
  };
  const rule = parts[pattern.type];
  if (!rule) return undefined;
  const pieces = [rule, `INTERVAL=${pattern.interval ?? 1}`];
  if (pattern.type === 'weekly' && pattern.firstDayOfWeek) {
    pieces.push(`WKST=${weekdays[pattern.firstDayOfWeek.toLowerCase()] ?? 'MO'}`);
  }
  if (range?.type === 'numbered' && range.numberOfOccurrences) pieces.push(`COUNT=${range.numberOfOccurrences}`);
  // Graph's end date is inclusive; UNTIL of a timed series is in UTC (RFC 5545 3.3.10), so the end of that day.
  if (range?.type === 'endDate' && range.endDate) {
    pieces.push(`UNTIL=${basicDate(range.endDate)}${allDay ? '' : 'T235959Z'}`);
  }
  return `RRULE:${pieces.join(';')}`;
}

const partStats: Record<string, string> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentativelyAccepted: 'TENTATIVE',
  organizer: 'ACCEPTED',
};

function attendeeLine(attendee: CalendarAttendee): string[] {
  const address = attendee.emailAddress?.address;
  if (!address) return [];
  const name = attendee.emailAddress?.name;
  const role = attendee.type === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
  const params = [
    ...(name ? [`CN=${parameterValue(name)}`] : []),
    ...(attendee.type === 'resource' ? ['CUTYPE=RESOURCE'] : []),
    `ROLE=${role}`,
    `PARTSTAT=${partStats[attendee.status?.response ?? ''] ?? 'NEEDS-ACTION'}`,
  ];
  return [`ATTENDEE;${params.join(';')}:mailto:${address}`];
}

/** The body's text with its paragraphs and line breaks, for DESCRIPTION. */
function descriptionOf(event: IcsEvent): string {
  const content = event.body?.content ?? '';
  const text =
    event.body?.contentType?.toLowerCase() === 'html'
      ? htmlToText(content.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|tr|h\d)>/gi, '\n'))
      : content;
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * An event's Graph JSON as an iCalendar object (RFC 5545) with one VEVENT: UID, DTSTAMP, DTSTART/DTEND (TZID or
 * UTC), SUMMARY, LOCATION, DESCRIPTION, RRULE, ORGANIZER, ATTENDEE, TRANSP, CLASS; escaped and folded.
 */
export function eventToIcs(event: IcsEvent, stampFallback: Date): string {
  const allDay = event.isAllDay === true;
  const modified = event.lastModifiedDateTime ? new Date(event.lastModifiedDateTime) : stampFallback;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Custodia//Backup export//IT',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.iCalUId ?? event.uid ?? event.id)}`,
    `DTSTAMP:${utcStamp(Number.isNaN(modified.getTime()) ? stampFallback : modified)}`,
    // In the zone the event was created in, so that a series keeps its local time across daylight-saving changes.
    ...dateProperty('DTSTART', allDay ? event.start : inZone(event.start, event.originalStartTimeZone), allDay),
    ...dateProperty('DTEND', allDay ? event.end : inZone(event.end, event.originalEndTimeZone), allDay),
    `SUMMARY:${escapeText(event.subject ?? '')}`,
  ];
  if (event.location?.displayName) lines.push(`LOCATION:${escapeText(event.location.displayName)}`);
  const description = descriptionOf(event);
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  const rule = recurrenceRule(event.recurrence, allDay);
  if (rule) lines.push(rule);
  const organizer = event.organizer?.emailAddress;
  if (organizer?.address) {
    lines.push(`ORGANIZER${organizer.name ? `;CN=${parameterValue(organizer.name)}` : ''}:mailto:${organizer.address}`);
  }
  for (const attendee of event.attendees ?? []) lines.push(...attendeeLine(attendee));
  lines.push(`TRANSP:${event.showAs === 'free' ? 'TRANSPARENT' : 'OPAQUE'}`);
  if (event.sensitivity === 'private' || event.sensitivity === 'confidential') {
    lines.push(`CLASS:${event.sensitivity.toUpperCase()}`);
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return contentLines(lines);
}
