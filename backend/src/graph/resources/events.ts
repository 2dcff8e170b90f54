import type { GraphListing, GraphReads } from './graph-access.js';
import type { ExtendedProperty, ItemBody } from './outlook-items.js';
import { outlookItemPath, type OutlookItemSegment } from './outlook-items.js';
import { mailboxResource, userPath } from './user-path.js';

export interface GraphDateTimeZone {
  dateTime?: string;
  timeZone?: string;
}

export interface GraphAttendee {
  emailAddress?: { name?: string; address?: string };
  type?: string;
}

/**
 * An event as Graph serves it (https://learn.microsoft.com/graph/api/resources/event): the fields Custodia reads; the
 * rest travels untouched, backed up and restored as the JSON Graph gave.
 */
export interface GraphEvent {
  [property: string]: unknown;
  id: string;
  changeKey?: string;
  subject?: string;
  body?: ItemBody;
  start?: GraphDateTimeZone;
  end?: GraphDateTimeZone;
  location?: { displayName?: string };
  attendees?: GraphAttendee[];
  organizer?: { emailAddress?: { name?: string; address?: string } };
  recurrence?: unknown;
  isAllDay?: boolean;
  showAs?: string;
  type?: string;
  iCalUId?: string;
  uid?: string;
  /** The zones the event was created in; start and end may come in UTC. */
  originalStartTimeZone?: string;
  originalEndTimeZone?: string;
  parentFolderId?: string;
  singleValueExtendedProperties?: ExtendedProperty[];
}

/** A calendar of the user (https://learn.microsoft.com/graph/api/resources/calendar). */
export interface GraphCalendar {
  id: string;
  name: string;
}

const eventSegment: OutlookItemSegment = 'events';

/** The events of the user's default calendar, where new ones are created (https://learn.microsoft.com/graph/api/user-post-events). */
export function userEventsPath(userId: string): string {
  return `${userPath(userId)}/${eventSegment}`;
}

/**
 * The calendar's one listing: single events and series masters with their recurrence, 500 to a page
 * (https://learn.microsoft.com/graph/api/user-list-events).
 */
export function eventListing(userId: string): GraphListing {
  return { path: userEventsPath(userId), maxPageSize: 500 };
}

/** One event or occurrence: read, updated, deleted. */
export function eventPath(userId: string, eventId: string): string {
  return outlookItemPath(userId, eventSegment, eventId);
}

/**
 * A series' occurrences and exceptions between two instants, with the fields `select` names
 * (https://learn.microsoft.com/graph/api/event-list-instances).
 */
export function eventInstancesPath(
  userId: string,
  seriesId: string,
  window: { from: string; to: string },
  select: string,
): string {
  return `${eventPath(userId, seriesId)}/instances?startDateTime=${window.from}&endDateTime=${window.to}&$select=${select}`;
}

/** The user's default calendar, its id and name (https://learn.microsoft.com/graph/api/calendar-get). */
function defaultCalendarPath(userId: string): string {
  return `${userPath(userId)}/calendar?$select=id,name`;
}

/** The id of the user's default calendar. */
export async function defaultCalendarId(graph: Pick<GraphReads, 'getJson'>, userId: string): Promise<string> {
  const calendar = await graph.getJson<GraphCalendar>(defaultCalendarPath(userId), {
    resource: mailboxResource(userId),
  });
  return calendar.id;
}

/** The user's calendars: listed and created (https://learn.microsoft.com/graph/api/user-post-calendars). */
export function calendarsPath(userId: string): string {
  return `${userPath(userId)}/calendars`;
}

/** The events of one calendar, where they are listed and created (https://learn.microsoft.com/graph/api/calendar-post-events). */
export function calendarEventsPath(userId: string, calendarId: string): string {
  return `${calendarsPath(userId)}/${encodeURIComponent(calendarId)}/events`;
}
