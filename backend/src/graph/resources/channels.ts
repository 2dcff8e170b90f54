import type { GraphReads } from './graph-access.js';

/** A channel of a team (https://learn.microsoft.com/graph/api/resources/channel). */
export interface GraphChannel {
  id: string;
  displayName?: string;
}

/** A channel message or reply (https://learn.microsoft.com/graph/api/resources/chatmessage). */
export interface GraphChannelMessage {
  id: string;
  '@removed'?: { reason: string };
  etag?: string;
  lastModifiedDateTime?: string;
  createdDateTime?: string;
  deletedDateTime?: string | null;
  subject?: string | null;
  from?: { user?: { id?: string; displayName?: string } } | null;
  body?: { contentType?: string; content?: string };
  replyToId?: string | null;
}

function teamChannelsPath(teamId: string): string {
  return `/teams/${encodeURIComponent(teamId)}/channels`;
}

/** A team's channels, a page at a time (https://learn.microsoft.com/graph/api/channel-list). */
export function listChannels(graph: Pick<GraphReads, 'pages'>, teamId: string): AsyncIterable<GraphChannel[]> {
  return graph.pages<GraphChannel>(teamChannelsPath(teamId), { resource: { kind: 'team', teamId } });
}

function channelMessagesPath(teamId: string, channelId: string): string {
  return `${teamChannelsPath(teamId)}/${encodeURIComponent(channelId)}/messages`;
}

/** The first request of a channel's message delta round (https://learn.microsoft.com/graph/api/chatmessage-delta). */
export function channelMessagesDeltaStart(teamId: string, channelId: string): string {
  return `${channelMessagesPath(teamId, channelId)}/delta`;
}

/** Every reply to one channel message (https://learn.microsoft.com/graph/api/chatmessage-list-replies). */
export async function listReplies(
  graph: Pick<GraphReads, 'pages'>,
  teamId: string,
  channelId: string,
  messageId: string,
): Promise<GraphChannelMessage[]> {
  const replies: GraphChannelMessage[] = [];
  const path = `${channelMessagesPath(teamId, channelId)}/${encodeURIComponent(messageId)}/replies`;
  for await (const page of graph.pages<GraphChannelMessage>(path, { resource: { kind: 'team', teamId } }))
    replies.push(...page);
  return replies;
}
