import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

const GRAPH = 'https://learn.microsoft.com/graph/api';

/** A chatMessage as the examples of channel-list-messages and chatmessage-get show one. */
const CHAT_MESSAGE = {
  id: '1616965872395',
  replyToId: null,
  etag: '1616965872395',
  messageType: 'message',
  createdDateTime: '2021-03-28T21:11:12.395Z',
  lastModifiedDateTime: '2021-03-28T21:11:12.395Z',
  lastEditedDateTime: null,
  deletedDateTime: null,
  subject: null,
  summary: null,
  chatId: null,
  importance: 'normal',
  locale: 'en-us',
  webUrl: null,
  policyViolation: null,
  eventDetail: null,
  from: {
    application: null,
    device: null,
    user: {
      '@odata.type': '#microsoft.graph.teamworkUserIdentity',
      id: '8ea0e38b-efb3-4757-924a-5f94061cf8c2',
      displayName: 'Robin Kline',
      userIdentityType: 'aadUser',
    },
  },
  body: { contentType: 'text', content: 'Hello World' },
  channelIdentity: {
    teamId: 'fbe2bf47-16c8-47cf-b4a5-4b9b187c508b',
    channelId: '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2',
  },
  attachments: [],
  mentions: [],
  reactions: [],
};

let sim: RunningSimulator;
let token: string;
let team = '';
let channel = '';
let message = '';

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  const teams = await send(sim, { path: '/teams', token });
  team = (teams.body as { value: Array<{ id: string }> }).value[0]?.id ?? '';
  const channels = await send(sim, { path: `/teams/${team}/channels`, token });
  channel = encodeURIComponent((channels.body as { value: Array<{ id: string }> }).value[0]?.id ?? '');
  const messages = await send(sim, { path: `/teams/${team}/channels/${channel}/messages`, token });
  message = (messages.body as { value: Array<{ id: string }> }).value[0]?.id ?? '';
});

afterAll(async () => {
  await sim.stop();
});

describe('teams and channels', () => {
  documented(
    {
      endpoint: 'GET /teams',
      page: `${GRAPH}/teams-list?view=graph-rest-1.0#example-1-get-a-list-of-teams`,
      shows: 'every team with its id, displayName, description',
    },
    async () => {
      const answer = await send(sim, { path: '/teams', token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#teams',
          value: [
            {
              id: '172b0cce-e65d-44ce-9a49-91d9f2e8493a',
              displayName: 'Contoso Team',
              description: 'This is a Contoso team, used to showcase the range of properties supported by this API',
            },
          ],
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId',
      page: `${GRAPH}/team-get?view=graph-rest-1.0#example-1-get-a-team`,
      shows: 'a team by the id of its group',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          id: '893075dd-2487-4122-925f-022c42e20265',
          displayName: 'My Sample Team',
          description: 'My Sample Team’s Description',
          isArchived: false,
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels',
      page: `${GRAPH}/channel-list?view=graph-rest-1.0#example-1-list-all-channels`,
      shows: 'the channels of a team with @odata.context',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#teams('893075dd-2487-4122-925f-022c42e20265')/channels",
          value: [
            {
              id: '19:561fbdbbfca848a484f0a6f00ce9dbbd@thread.skype',
              createdDateTime: '2020-05-27T19:22:25.692Z',
              displayName: 'General',
              description: 'AutoTestTeam_20210311_150740.2550_fim3udfdjen9',
              membershipType: 'standard',
            },
          ],
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels/:channelId',
      page: `${GRAPH}/channel-get?view=graph-rest-1.0#example-1-get-a-channel`,
      shows: 'one channel',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels/${channel}`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          id: '19:561fbdbbfca848a484f0a6f00ce9dbbd@thread.tacv2',
          createdDateTime: '2020-05-27T19:22:25.692Z',
          displayName: 'General',
          description: 'test',
          membershipType: 'standard',
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels',
      page: `${GRAPH}/channel-list?view=graph-rest-1.0#optional-query-parameters`,
      shows: 'a query option the simulator does not implement ($filter) is refused with 400',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels?$filter=membershipType eq 'private'`, token });
      expectGraphError(answer, 400, { code: 'BadRequest' });
    },
  );
});

describe('channel messages', () => {
  documented(
    {
      endpoint: 'GET /teams/:teamId/channels/:channelId/messages',
      page: `${GRAPH}/channel-list-messages?view=graph-rest-1.0#example-1-list-all-the-messages-in-a-channel`,
      shows: 'top-level messages of a channel, each a chatMessage',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels/${channel}/messages?$top=2`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { value: [CHAT_MESSAGE] })).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels/:channelId/messages/:messageId',
      page: `${GRAPH}/chatmessage-get?view=graph-rest-1.0#example-1-get-a-message-in-a-channel`,
      shows: 'one channel message',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels/${channel}/messages/${message}`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, CHAT_MESSAGE)).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels/:channelId/messages/:messageId/replies',
      page: `${GRAPH}/chatmessage-list-replies?view=graph-rest-1.0#example`,
      shows: 'the replies of a message, each with its replyToId',
    },
    async () => {
      const answer = await send(sim, { path: `/teams/${team}/channels/${channel}/messages/${message}/replies`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { value: [] })).toEqual([]);
      for (const reply of (answer.body as { value: Array<{ replyToId: string }> }).value)
        expect(reply.replyToId).toBe(message);
    },
  );

  documented(
    {
      endpoint: 'GET /teams/:teamId/channels/:channelId/messages/delta',
      page: `${GRAPH}/chatmessage-delta?view=graph-rest-1.0#example-1-initial-synchronization`,
      shows: 'pages of messages then an @odata.deltaLink',
    },
    async () => {
      let path = `/teams/${team}/channels/${channel}/messages/delta?$top=2`;
      let last: Record<string, unknown> = {};
      for (let pages = 0; pages < 100; pages++) {
        const answer = await send(sim, { path, token });
        expect(answer.status).toBe(200);
        last = answer.body as Record<string, unknown>;
        expect(shapeDifferences(last, { value: [] })).toEqual([]);
        const next = last['@odata.nextLink'];
        if (typeof next !== 'string') break;
        path = next;
      }
      expect(typeof last['@odata.deltaLink']).toBe('string');
    },
  );
});
