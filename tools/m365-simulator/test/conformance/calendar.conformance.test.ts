import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import {
  documented,
  expectDocumentedAnswer,
  send,
  shapeDifferences,
  type ExampleRequest,
  type RawExchange,
} from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

let sim: RunningSimulator;
let token: string;
let userId: string;

type Json = Record<string, unknown>;
const page = (name: string, anchor = '') =>
  `https://learn.microsoft.com/graph/api/${name}?view=graph-rest-1.0${anchor ? `#${anchor}` : ''}`;

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  userId = sim.control.listUsers()[5]?.id ?? '';
});

afterAll(async () => {
  await sim.stop();
});

/** An event as the pages show one (user-list-events, event-get): the documented default properties. */
const EVENT_SHAPE = {
  '@odata.etag': 'W/"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw=="',
  id: 'AAMkAGIAAAoZDOFAAA=',
  subject: 'Orientation ',
  bodyPreview: 'Dana, this is the time you selected for our orientation.',
  body: { contentType: 'html', content: '<html><head></head><body><p>Dana</p></body></html>' },
  start: { dateTime: '2017-04-21T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2017-04-21T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
  location: {
    displayName: 'Assembly Hall',
    locationType: 'default',
    uniqueId: 'Assembly Hall',
    uniqueIdType: 'private',
  },
  locations: [{ displayName: 'Assembly Hall', locationType: 'default', uniqueIdType: 'unknown' }],
  attendees: [
    {
      type: 'required',
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: { name: 'Samantha Booth', address: 'samanthab@contoso.com' },
    },
  ],
  organizer: { emailAddress: { name: 'Samantha Booth', address: 'samanthab@contoso.com' } },
};

/** The user-post-events example: an event with a location and an attendee. */
async function postEvent(subject = "Let's go for lunch"): Promise<Json> {
  const answer = await send(sim, {
    method: 'POST',
    path: `/users/${userId}/events`,
    token,
    headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    body: {
      subject,
      body: { contentType: 'HTML', content: 'Does noon work for you?' },
      start: { dateTime: '2017-04-15T12:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2017-04-15T14:00:00', timeZone: 'Pacific Standard Time' },
      location: { displayName: "Harry's Bar" },
      attendees: [{ emailAddress: { address: 'samanthab@contoso.com', name: 'Samantha Booth' }, type: 'required' }],
      allowNewTimeProposals: true,
    },
  });
  expect(answer.status).toBe(201);
  return answer.body as Json;
}

/** The user-post-calendars example: a calendar by its name. */
function postCalendar(name: string): Promise<RawExchange> {
  return send(sim, { method: 'POST', path: `/users/${userId}/calendars`, token, body: { name } });
}

/** A request to one of the user's events, or to an occurrence by its id, with `action` after the id (`/cancel`). */
function sendToEvent(
  eventId: unknown,
  request: Omit<ExampleRequest, 'path' | 'token'> = {},
  action = '',
): Promise<RawExchange> {
  return send(sim, { ...request, path: `/users/${userId}/events/${String(eventId)}${action}`, token });
}

async function seriesMaster(): Promise<Json> {
  const answer = await send(sim, { path: `/users/${userId}/events?$top=100`, token });
  return (answer.body as { value: Json[] }).value.find((event) => event['type'] === 'seriesMaster') as Json;
}

async function instancesOf(masterId: string, headers: Record<string, string> = {}): Promise<Json[]> {
  const window = 'startDateTime=2026-01-01T00:00:00.0000000&endDateTime=2026-03-01T00:00:00.0000000';
  const answer = await send(sim, { path: `/users/${userId}/events/${masterId}/instances?${window}`, token, headers });
  expect(answer.status).toBe(200);
  return (answer.body as { value: Json[] }).value;
}

describe('calendars', () => {
  const CALENDAR_SHAPE = {
    '@odata.id': "https://graph.microsoft.com/v1.0/users('ddfcd489')/calendars('AAMkAGI2TGuLAAA=')",
    id: 'AAMkAGI2TGuLAAA=',
    name: 'Calendar',
    color: 'auto',
    changeKey: 'nfZyf7VcrEKLNoU37KWlkQAAA0x0+w==',
    canShare: true,
    canViewPrivateItems: true,
    hexColor: '',
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: false,
    owner: { name: 'Samantha Booth', address: 'samanthab@contoso.com' },
  };

  documented(
    {
      endpoint: 'GET /users/:userId/calendars',
      page: page('user-list-calendars', 'example'),
      shows: "the user's calendars with the documented properties and @odata.context",
    },
    async () => {
      const answer = await send(sim, { path: `/users/${userId}/calendars`, token });
      expectDocumentedAnswer(answer, 200, { '@odata.context': 'string', value: [CALENDAR_SHAPE] });
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/calendars',
      page: page('user-post-calendars', 'example'),
      shows: '201 Created with the new calendar; a name the mailbox already uses is 409',
    },
    async () => {
      const answer = await postCalendar('Volunteer');
      expectDocumentedAnswer(answer, 201, { '@odata.context': 'string', ...CALENDAR_SHAPE });
      expect((answer.body as Json)['name']).toBe('Volunteer');
      const again = await postCalendar('volunteer');
      expectGraphError(again, 409);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/calendar',
      page: page('calendar-get', 'example'),
      shows: "the user's primary calendar",
    },
    async () => {
      const answer = await send(sim, { path: `/users/${userId}/calendar`, token });
      expectDocumentedAnswer(answer, 200, { '@odata.context': 'string', ...CALENDAR_SHAPE });
      expect((answer.body as Json)['isDefaultCalendar']).toBe(true);
    },
  );
});

describe('events', () => {
  documented(
    {
      endpoint: 'POST /users/:userId/events',
      page: page(
        'user-post-events',
        'example-1-create-an-event-in-the-specified-time-zone-and-assign-the-event-an-optional-transactionid-value',
      ),
      shows:
        '201 Created; times shown in the Prefer zone, the zone given kept as originalStartTimeZone; one invitation per attendee',
    },
    async () => {
      const before = sim.control.outbox().length;
      const created = await postEvent();
      expect(shapeDifferences(created, { '@odata.context': 'string', ...EVENT_SHAPE })).toEqual([]);
      expect(created).toMatchObject({
        start: { dateTime: '2017-04-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' },
        originalStartTimeZone: 'Pacific Standard Time',
        type: 'singleInstance',
      });
      expect(sim.control.outbox().length).toBe(before + 1);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/events',
      page: page('user-list-events', 'example'),
      shows: 'the selected properties in Pacific Standard Time (Preference-Applied); location brings locations',
    },
    async () => {
      await postEvent('Orientation');
      const answer = await send(sim, {
        path: `/users/${userId}/events?$select=subject,body,bodyPreview,organizer,attendees,start,end,location`,
        token,
        headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('preference-applied')).toBe('outlook.timezone="Pacific Standard Time"');
      const withLocation = {
        ...(answer.body as Json),
        value: (answer.body as { value: Json[] }).value.filter((event) => event['subject'] === 'Orientation'),
      };
      expect(shapeDifferences(withLocation, { '@odata.context': 'string', value: [EVENT_SHAPE] })).toEqual([]);
      expect(Object.keys(withLocation.value[0] ?? {})).not.toContain('showAs');
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/events/:eventId',
      page: page('event-get', 'example'),
      shows:
        'one event, times in UTC with seven fractional digits without Prefer; $select of a beta-only property is 400',
    },
    async () => {
      const created = await postEvent('New Product Regulations Touchpoint');
      const id = String(created['id']);
      const answer = await send(sim, {
        path: `/users/${userId}/events/${id}?$select=subject,body,bodyPreview,organizer,attendees,start,end,location,hideAttendees`,
        token,
      });
      expect(answer.status).toBe(200);
      const { locations: _locations, ...shape } = EVENT_SHAPE;
      expect(shapeDifferences(answer.body, { '@odata.context': 'string', hideAttendees: false, ...shape })).toEqual([]);
      expect((answer.body as Json)['start']).toEqual({ dateTime: '2017-04-15T19:00:00.0000000', timeZone: 'UTC' });
      const beta = await send(sim, { path: `/users/${userId}/events/${id}?$select=id,occurrenceId`, token });
      expectGraphError(beta, 400);
    },
  );

  documented(
    {
      endpoint: 'PATCH /users/:userId/events/:eventId',
      page: page('event-update', 'example'),
      shows: '200 with the updated event; isOnlineMeeting initialises onlineMeeting',
    },
    async () => {
      const created = await postEvent('To update');
      // The page's example response echoes every property of its example request.
      const update = {
        originalStartTimeZone: 'originalStartTimeZone-value',
        originalEndTimeZone: 'originalEndTimeZone-value',
        responseStatus: { response: '', time: 'datetime-value' },
        recurrence: null,
        reminderMinutesBeforeStart: 99,
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        isReminderOn: true,
        hideAttendees: false,
      };
      const answer = await sendToEvent(created['id'], {
        method: 'PATCH',
        body: { ...update, categories: ['Red category'] },
      });
      expectDocumentedAnswer(answer, 200, {
        ...update,
        onlineMeeting: {
          joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
          conferenceId: '177513992',
          tollNumber: '+91',
        },
      });
      expect(answer.body).toMatchObject({ reminderMinutesBeforeStart: 99, categories: ['Red category'] });
    },
  );

  documented(
    {
      endpoint: 'PATCH /users/:userId/events/:eventId',
      page: page('event-update', 'response'),
      shows:
        "an occurrence's id updates only that occurrence, which becomes an exception; moving it past the next one is 400 ErrorOccurrenceCrossingBoundary",
      pageExample: false,
    },
    async () => {
      const master = await seriesMaster();
      const [, second] = await instancesOf(String(master['id']));
      const id = String(second?.['id']);
      const moved = await sendToEvent(id, {
        method: 'PATCH',
        body: {
          subject: 'Spostata',
          start: { dateTime: '2026-01-20T10:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-01-20T11:00:00', timeZone: 'UTC' },
        },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id, type: 'exception', subject: 'Spostata', seriesMasterId: master['id'] });
      const listed = await instancesOf(String(master['id']));
      expect(listed.filter((instance) => instance['type'] === 'exception').map((instance) => instance['id'])).toEqual([
        id,
      ]);
      const crossing = await sendToEvent(id, {
        method: 'PATCH',
        body: {
          start: { dateTime: '2026-02-02T10:00:00', timeZone: 'UTC' },
          end: { dateTime: '2026-02-02T11:00:00', timeZone: 'UTC' },
        },
      });
      expect(crossing.status).toBe(400);
      expect((crossing.body as { error: { code: string } }).error.code).toBe('ErrorOccurrenceCrossingBoundary');
    },
  );

  documented(
    {
      endpoint: 'DELETE /users/:userId/events/:eventId',
      page: page('event-delete', 'example'),
      shows: "204 No Content; an occurrence's id deletes only that occurrence, gone from the instances",
    },
    async () => {
      const created = await postEvent('To delete');
      const answer = await sendToEvent(created['id'], { method: 'DELETE' });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      const master = await seriesMaster();
      const [, , third] = await instancesOf(String(master['id']));
      const occurrence = await sendToEvent(third?.['id'], { method: 'DELETE' });
      expect(occurrence.status).toBe(204);
      expect((await instancesOf(String(master['id']))).map((instance) => instance['id'])).not.toContain(third?.['id']);
      const gone = await sendToEvent(third?.['id']);
      expect(gone.status).toBe(404);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/events/:eventId/cancel',
      page: page('event-cancel', 'example'),
      shows: '202 Accepted with no body; the attendees get the comment; an occurrence is cancelled alone',
    },
    async () => {
      const created = await postEvent('To cancel');
      const before = sim.control.outbox().length;
      const answer = await sendToEvent(
        created['id'],
        { method: 'POST', body: { Comment: 'Cancelling for this week due to all hands' } },
        '/cancel',
      );
      expect(answer.status).toBe(202);
      expect(answer.text).toBe('');
      expect(
        sim.control
          .outbox()
          .slice(before)
          .map((entry) => entry.message.body.content),
      ).toEqual(['Cancelling for this week due to all hands']);
      const master = await seriesMaster();
      const [first] = await instancesOf(String(master['id']));
      const occurrence = await sendToEvent(first?.['id'], { method: 'POST', body: { comment: 'Oggi no' } }, '/cancel');
      expect(occurrence.status).toBe(202);
      expect((await instancesOf(String(master['id']))).map((instance) => instance['id'])).not.toContain(first?.['id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/events/:eventId/instances',
      page: page('event-list-instances', 'example'),
      shows:
        'the occurrences and exceptions in the window with seriesMasterId, type and UTC times; pages by Prefer: odata.maxpagesize',
    },
    async () => {
      const master = await seriesMaster();
      const answer = await send(sim, {
        path:
          `/users/${userId}/events/${String(master['id'])}/instances?startDateTime=2019-04-08T09:00:00.0000000` +
          '&endDateTime=2030-04-30T09:00:00.0000000&$select=subject,bodyPreview,seriesMasterId,type,recurrence,start,end',
        token,
        headers: { Prefer: 'odata.maxpagesize=2' },
      });
      expect(answer.status).toBe(200);
      const documentedInstance = {
        '@odata.etag': 'W/"x3IAvB5fbUWf4XNcBFLNUwAAKuA3yQ=="',
        id: 'AAMkAGUzYAgI1sE1TatAAEYAAAAAlNFb2CNPe0ucP9you',
        subject: 'Review strategy for Q3',
        bodyPreview: '',
        seriesMasterId: 'AAMkAGUzYRgWAAA=',
        type: 'occurrence',
        recurrence: null,
        start: { dateTime: '2019-04-08T20:30:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2019-04-08T21:00:00.0000000', timeZone: 'UTC' },
      };
      expect(shapeDifferences(answer.body, { '@odata.context': 'string', value: [documentedInstance] })).toEqual([]);
      const body = answer.body as { value: Json[]; '@odata.nextLink'?: string };
      expect(body.value).toHaveLength(2);
      expect(body['@odata.nextLink']).toContain('$skiptoken=');
      const missing = await send(sim, { path: `/users/${userId}/events/${String(master['id'])}/instances`, token });
      expect(missing.status).toBe(400);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/calendarView/delta',
      page: page('event-delta', 'example'),
      shows:
        'lowercase startdatetime/enddatetime; Prefer: odata.maxpagesize=2 counts occurrences; a nextLink with $skiptoken; $select refused',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${userId}/calendarView/delta?startdatetime=2026-01-01T00:00:00Z&enddatetime=2026-03-01T00:00:00Z`,
        token,
        headers: { Prefer: 'odata.maxpagesize=2' },
      });
      expectDocumentedAnswer(answer, 200, {
        '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/calendarView/delta?$skiptoken={_skipToken_}',
        value: [
          {
            originalStartTimeZone: 'originalStartTimeZone-value',
            originalEndTimeZone: 'originalEndTimeZone-value',
            responseStatus: { response: 'response-value', time: 'datetime-value' },
            transactionId: null,
            iCalUId: 'iCalUId-value',
            reminderMinutesBeforeStart: 99,
            isDraft: false,
            isReminderOn: true,
          },
        ],
      });
      // Every page holds at most two values, a series' occurrences counted one by one.
      let next = (answer.body as Json)['@odata.nextLink'] as string | undefined;
      const occurrences: Json[] = [];
      while (next) {
        const following = await send(sim, { path: next, token, headers: { Prefer: 'odata.maxpagesize=2' } });
        const body = following.body as { value: Json[]; '@odata.nextLink'?: string };
        expect(body.value.length).toBeLessThanOrEqual(2);
        occurrences.push(...body.value.filter((event) => event['type'] === 'occurrence'));
        next = body['@odata.nextLink'];
      }
      expect(occurrences.length).toBeGreaterThan(2);
      const selected = await send(sim, {
        path: `/users/${userId}/calendarView/delta?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-03-01T00:00:00Z&$select=subject`,
        token,
      });
      expect(selected.status).toBe(400);
    },
  );
});

describe('events of a named calendar', () => {
  documented(
    {
      endpoint: 'POST /users/:userId/calendars/:calendarId/events',
      page: page('calendar-post-events', 'example'),
      shows: '201 Created in that calendar, not in the default one',
    },
    async () => {
      const calendar = await postCalendar('Progetti');
      const calendarId = String((calendar.body as Json)['id']);
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/calendars/${calendarId}/events`,
        token,
        body: {
          subject: "Let's go for lunch",
          body: { contentType: 'HTML', content: 'Does mid month work for you?' },
          start: { dateTime: '2019-03-15T12:00:00', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2019-03-15T14:00:00', timeZone: 'Pacific Standard Time' },
          location: { displayName: "Harry's Bar" },
          attendees: [{ emailAddress: { address: 'adelev@contoso.com', name: 'Adele Vance' }, type: 'required' }],
        },
      });
      expectDocumentedAnswer(answer, 201, { '@odata.context': 'string', ...EVENT_SHAPE });
      const inDefault = await send(sim, { path: `/users/${userId}/events?$top=100&$select=id`, token });
      expect((inDefault.body as { value: Json[] }).value.map((event) => event['id'])).not.toContain(
        (answer.body as Json)['id'],
      );
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/calendars/:calendarId/events',
      page: page('calendar-list-events', 'example'),
      shows: "the calendar's events with the documented properties",
    },
    async () => {
      const calendars = await send(sim, { path: `/users/${userId}/calendars`, token });
      const progetti = (calendars.body as { value: Json[] }).value.find((calendar) => calendar['name'] === 'Progetti');
      const answer = await send(sim, { path: `/users/${userId}/calendars/${String(progetti?.['id'])}/events`, token });
      expectDocumentedAnswer(answer, 200, { '@odata.context': 'string', value: [EVENT_SHAPE] });
      const filtered = await send(sim, {
        path: `/users/${userId}/calendars/${String(progetti?.['id'])}/events?$filter=subject eq 'x'`,
        token,
      });
      expect(filtered.status).toBe(400);
    },
  );
});
