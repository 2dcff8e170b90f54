import type { SimulatorContext } from '../context.js';
import { deltaPage } from '../http/delta.js';
import { GraphError, notFound } from '../http/errors.js';
import { ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest } from '../http/types.js';
import type { ChannelRecord, ChatMessageRecord } from '../model/records.js';
import { requireGroup } from './directory.js';

const TEAMS = { resource: 'teams' as const, query: [] };
/** Options the simulator implements on message lists (https://learn.microsoft.com/graph/api/channel-list-messages#optional-query-parameters). */
const PAGED_TEAMS = { resource: 'teams' as const, query: ['$top', '$skiptoken'] };

function renderChatMessage(message: ChatMessageRecord, teamId: string, channelId: string): Record<string, unknown> {
  return {
    id: message.id,
    replyToId: message.replyToId,
    etag: String(message.seq),
    messageType: 'message',
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    lastEditedDateTime: null,
    deletedDateTime: message.deletedDateTime,
    subject: null,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${message.id}?groupId=${teamId}`,
    policyViolation: null,
    eventDetail: null,
    from: {
      application: null,
      device: null,
      user: {
        '@odata.type': '#microsoft.graph.teamworkUserIdentity',
        ...message.from.user,
        userIdentityType: 'aadUser',
      },
    },
    body: message.body,
    channelIdentity: { teamId, channelId },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

function renderChannel(channel: ChannelRecord): Record<string, unknown> {
  return {
    id: channel.id,
    createdDateTime: channel.createdDateTime,
    displayName: channel.displayName,
    // The channel-list and channel-get examples show a description on every channel, General's included.
    description: channel.description ?? '',
    membershipType: 'standard',
  };
}

/** Teams: channels, channel messages with replies, and messages delta (https://learn.microsoft.com/graph/api/chatmessage-delta). */
export function registerTeamsRoutes(router: Router, context: SimulatorContext): void {
  const teamOf = (request: GraphRequest) => {
    const team = context.tenant.teams.get(request.params['teamId'] as string);
    if (!team) throw notFound(`team ${request.params['teamId'] as string}`);
    return team;
  };
  const channelOf = (request: GraphRequest) => {
    const channel = teamOf(request).channels.find((candidate) => candidate.id === request.params['channelId']);
    if (!channel) throw notFound(`channel ${request.params['channelId'] as string}`);
    return channel;
  };

  const renderTeam = (teamId: string) => {
    const group = requireGroup(context, teamId);
    return {
      id: teamId,
      displayName: group.displayName,
      description: group.description,
      isArchived: false,
      visibility: group.visibility.toLowerCase(),
    };
  };
  // Every team of the tenant, with a few properties (https://learn.microsoft.com/graph/api/teams-list).
  router.add('GET', '/teams', { resource: 'directory' as const, query: [] }, (request) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#teams`,
      value: [...context.tenant.teams.keys()].map(renderTeam),
    }),
  );
  router.add('GET', '/teams/:teamId', TEAMS, (request) => ok(renderTeam(teamOf(request).id)));
  // https://learn.microsoft.com/graph/api/channel-list
  router.add('GET', '/teams/:teamId/channels', TEAMS, (request) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#teams('${teamOf(request).id}')/channels`,
      value: teamOf(request).channels.map(renderChannel),
    }),
  );
  router.add('GET', '/teams/:teamId/channels/:channelId', TEAMS, (request) => ok(renderChannel(channelOf(request))));
  // Top-level messages, newest first, at most 50 per page (https://learn.microsoft.com/graph/api/channel-list-messages).
  router.add('GET', '/teams/:teamId/channels/:channelId/messages', PAGED_TEAMS, (request) => {
    const channel = channelOf(request);
    const messages = [...channel.messages.values()].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    return pageOf(
      request,
      messages.map((message) => renderChatMessage(message, request.params['teamId'] as string, channel.id)),
      { defaultSize: 20, maxSize: 50 },
    );
  });
  router.add(
    'GET',
    '/teams/:teamId/channels/:channelId/messages/delta',
    { resource: 'teams' as const, query: ['$top', '$skiptoken', '$deltatoken'] },
    (request) => {
      const channel = channelOf(request);
      return deltaPage(request, {
        scope: `channel:${channel.id}`,
        clock: context.tenant.clock,
        collections: [channel.messages],
        render: (message) => renderChatMessage(message, request.params['teamId'] as string, channel.id),
        renderRemoved: (id) => ({ id, '@removed': { reason: 'deleted' } }),
        tokenStyle: 'odata',
        defaultPageSize: 20,
        maxPageSize: 50,
        resyncError: () =>
          new GraphError(410, 'SyncStateNotFound', 'The delta token is no longer valid; synchronize again.'),
        forceResync: (scope) => context.faults.forceResync(scope),
      });
    },
  );
  router.add('GET', '/teams/:teamId/channels/:channelId/messages/:messageId', TEAMS, (request) => {
    const channel = channelOf(request);
    const message = channel.messages.get(request.params['messageId'] as string);
    if (!message) throw notFound(`message ${request.params['messageId'] as string}`);
    return ok(renderChatMessage(message, request.params['teamId'] as string, channel.id));
  });
  router.add('GET', '/teams/:teamId/channels/:channelId/messages/:messageId/replies', PAGED_TEAMS, (request) => {
    const channel = channelOf(request);
    const messageId = request.params['messageId'] as string;
    if (!channel.messages.get(messageId)) throw notFound(`message ${messageId}`);
    const replies = (channel.replies.get(messageId) ?? []).map((reply) =>
      renderChatMessage(reply, request.params['teamId'] as string, channel.id),
    );
    return pageOf(request, replies, { defaultSize: 20, maxSize: 50 });
  });
}
