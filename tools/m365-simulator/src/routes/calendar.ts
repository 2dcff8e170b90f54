import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { badRequest, GraphError } from '../http/errors.js';
import { applySelect, jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import { defaultCalendarId } from '../model/mailbox.js';
import type { FolderRecord, UserRecord } from '../model/records.js';
import { exchangeIdFrom } from '../util/ids.js';
import { registerCalendarViewDelta } from './calendar-view-delta.js';
import { registerEventReadRoutes } from './event-reads.js';
import { registerEventWriteRoutes } from './event-writes.js';
import { mailboxTarget } from './targets.js';

const DEFAULT_CALENDAR_NAME = 'Calendario';

/** A calendar with the properties Graph returns by default (https://learn.microsoft.com/graph/api/resources/calendar). */
function renderCalendar(base: string, user: UserRecord, id: string, name: string, isDefaultCalendar: boolean) {
  return {
    '@odata.id': `${base}/users('${user.id}')/calendars('${id}')`,
    id,
    name,
    color: 'auto',
    hexColor: '',
    isDefaultCalendar,
    changeKey: exchangeIdFrom('', id, 'changeKey').slice(0, 24),
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: !isDefaultCalendar,
    owner: { name: user.displayName, address: user.mail },
  };
}

/**
 * Calendar: the default calendar and those created (list, get the default one, create), and through the modules it
 * registers, events (list, get, instances, create, update, delete, cancel) and the calendarView delta.
 */
export function registerCalendarRoutes(router: Router, context: SimulatorContext): void {
  const MAILBOX = { resource: 'mailbox' as const };
  const contextOf = (user: UserRecord, path: string) => ({ context: `users('${user.id}')/${path}` });
  const calendarsOf = (base: string, user: UserRecord, calendars: Iterable<FolderRecord>) => [
    renderCalendar(base, user, defaultCalendarId(user.id), DEFAULT_CALENDAR_NAME, true),
    ...[...calendars].map((calendar) => renderCalendar(base, user, calendar.id, calendar.displayName, false)),
  ];

  // The user's primary calendar (https://learn.microsoft.com/graph/api/calendar-get: GET /users/{id}/calendar).
  router.add('GET', '/users/:userId/calendar', { ...MAILBOX, query: ['$select'] }, (request) => {
    const { user } = mailboxTarget(context, request);
    const calendar = renderCalendar(
      request.graphBaseUrl,
      user,
      defaultCalendarId(user.id),
      DEFAULT_CALENDAR_NAME,
      true,
    );
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#users('${user.id}')/calendar/$entity`,
      ...calendar,
    };
    return ok(applySelect(body, request.query.get('$select')));
  });
  // Calendars: the default one and those created (https://learn.microsoft.com/graph/api/user-list-calendars).
  router.add('GET', '/users/:userId/calendars', { ...MAILBOX, query: ['$select', '$top', '$skiptoken'] }, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    return pageOf(request, calendarsOf(request.graphBaseUrl, user, mailbox.calendars.values()), {
      defaultSize: 10,
      maxSize: 1000,
      ...contextOf(user, 'calendars'),
    });
  });
  // https://learn.microsoft.com/graph/api/user-post-calendars: a name the mailbox already uses answers 409.
  router.add('POST', '/users/:userId/calendars', { ...MAILBOX, query: [] }, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const { name } = jsonBody<{ name?: string }>(request);
    if (!name) throw badRequest('name is required.', 'ErrorInvalidRequest');
    const taken = calendarsOf(request.graphBaseUrl, user, mailbox.calendars.values()).some(
      (calendar) => calendar.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const calendar = mailbox.calendars.upsert({
      id: exchangeIdFrom('AAMkAGI2', mailbox.userId, 'calendar', randomUUID()),
      seq: 0,
      displayName: name,
      parentFolderId: defaultCalendarId(user.id),
    });
    const body = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#users('${user.id}')/calendars/$entity`,
      ...renderCalendar(request.graphBaseUrl, user, calendar.id, calendar.displayName, false),
    };
    return { status: 201, body };
  });
  registerEventReadRoutes(router, context);
  registerEventWriteRoutes(router, context);
  registerCalendarViewDelta(router, context);
}
