import { searchTermsOf, type NewItemVersion, type StoredContent } from '../../catalog/index.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';

interface GraphChannel {
  id: string;
  displayName?: string;
}

/** https://learn.microsoft.com/graph/api/resources/chatmessage */
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

/** Graph allows at most four requests per second per app on one team or channel. */
const channelConcurrency = 2;

/**
 * Backs up a team's channels: each channel's messages by delta, each message stored as its JSON
 * together with its replies (Graph cannot post messages back as their authors, so channel
 * messages are restored as an export, not in place).
 * https://learn.microsoft.com/graph/api/chatmessage-delta, /graph/api/chatmessage-list-replies
 */
export async function backupTeam(context: UnitContext, teamId: string): Promise<void> {
  const resource = { kind: 'team', teamId } as const;
  const team = encodeURIComponent(teamId);
  const resourceId = context.resource.resourceId;
  const known = new Map((await context.catalog.listFolders(resourceId)).map((folder) => [folder.folderId, folder]));
  const cursors = await context.catalog.deltaCursorsOf(resourceId);
  for await (const channels of context.graph.pages<GraphChannel>(`/teams/${team}/channels`, { resource })) {
    for (const channel of channels) {
      const containerId = `channel:${channel.id}`;
      const channelPath = channel.displayName ?? channel.id;
      await context.catalog.recordFolder(known.get(containerId), {
        resourceId,
        folderId: containerId,
        parentId: null,
        displayName: channelPath,
        path: channelPath,
        deletedAt: null,
        lastRunId: context.runId,
      });
      const messagesPath = `/teams/${team}/channels/${encodeURIComponent(channel.id)}/messages`;
      const recipe: PageRecipe<GraphChannelMessage> = {
        idOf: (message) => message.id,
        isRemoved: (message) => message['@removed'] !== undefined || Boolean(message.deletedDateTime),
        isContent: (message) => !message.replyToId,
        versionKeyOf: (message) => message.etag ?? message.lastModifiedDateTime ?? message.id,
        concurrency: channelConcurrency,
        async fetchContent(message): Promise<StoredContent> {
          const replies: GraphChannelMessage[] = [];
          for await (const page of context.graph.pages<GraphChannelMessage>(
            `${messagesPath}/${encodeURIComponent(message.id)}/replies`,
            { resource },
          )) {
            replies.push(...page);
          }
          const document = Buffer.from(JSON.stringify({ message, replies }), 'utf8');
          return context.store.put(context.tenantId, document, 'item');
        },
        toVersion: (message, content) => channelMessageVersion(context, message, content, containerId, channelPath),
      };
      await syncDeltaStream<GraphChannelMessage>({
        catalog: context.catalog,
        graph: context.graph,
        resource,
        resourceId,
        stream: containerId,
        saved: cursors.get(containerId) ?? null,
        startLink: `${messagesPath}/delta`,
        scope: { containerId },
        runId: context.runId,
        resyncOf: context.resyncOf,
        onPage: async (page, round) => {
          await recordDeltaPage(context, page.items, recipe, round);
        },
        onProgress: () => context.progress.checkpoint(),
      });
    }
  }
}

function channelMessageVersion(
  context: UnitContext,
  message: GraphChannelMessage,
  content: StoredContent,
  containerId: string,
  containerPath: string,
): NewItemVersion {
  const author = message.from?.user?.displayName;
  const text = (message.body?.content ?? '').replace(/<[^>]+>/g, ' ');
  return {
    resourceId: context.resource.resourceId,
    kind: 'channelMessage',
    graphId: message.id,
    versionKey: message.etag ?? message.lastModifiedDateTime ?? message.id,
    containerId,
    containerPath,
    name: message.subject || text.trim().slice(0, 120),
    ...(author !== undefined && { from: author }),
    size: content.size,
    ...(message.createdDateTime !== undefined && { itemDate: new Date(message.createdDateTime) }),
    properties: { authorId: message.from?.user?.id, lastModifiedDateTime: message.lastModifiedDateTime },
    content,
    searchTerms: searchTermsOf(message.subject, author, text.slice(0, 2_000)),
  };
}
