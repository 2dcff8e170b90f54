import { searchTermsOf, type NewItemVersion, type StoredContent, type TeamMember } from '../../catalog/index.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { channelMessagesDeltaStart, listChannels, listReplies, type GraphChannelMessage } from '../../graph/index.js';
import { listGroupUserMembers, userAddress } from '../../graph/directory/index.js';

/** Graph allows at most four requests per second per app on one team or channel. */
const channelConcurrency = 2;

/**
 * Backs up a team's channels: each channel's messages by delta, each message stored as its JSON
 * together with its replies (Graph cannot post messages back as their authors, so channel
 * messages are restored as an export, not in place).
 * https://learn.microsoft.com/graph/api/chatmessage-delta, /graph/api/chatmessage-list-replies
 */
export async function backupTeam(context: UnitContext, teamId: string): Promise<void> {
  await recordMembers(context, teamId);
  const resource = { kind: 'team', teamId } as const;
  const resourceId = context.resource.resourceId;
  const known = new Map((await context.catalog.listFolders(resourceId)).map((folder) => [folder.folderId, folder]));
  const cursors = await context.catalog.deltaCursorsOf(resourceId);
  for await (const channels of listChannels(context.graph, teamId)) {
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
      const recipe: PageRecipe<GraphChannelMessage> = {
        idOf: (message) => message.id,
        isRemoved: (message) => message['@removed'] !== undefined || Boolean(message.deletedDateTime),
        isContent: (message) => !message.replyToId,
        versionKeyOf: (message) => message.etag ?? message.lastModifiedDateTime ?? message.id,
        concurrency: channelConcurrency,
        async fetchContent(message): Promise<StoredContent> {
          const replies = await listReplies(context.graph, teamId, channel.id, message.id);
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
        startLink: channelMessagesDeltaStart(teamId, channel.id),
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

/**
 * Who belongs to the team, read anew once a run: one request per team (a page holds up to 999 members), as cheap as
 * asking a delta of the group's members whether anything changed, and without a cursor to keep. The Items list
 * shows the team under each of them.
 */
async function recordMembers(context: UnitContext, teamId: string): Promise<void> {
  const members: TeamMember[] = [];
  for await (const page of listGroupUserMembers(context.graph, teamId)) {
    for (const user of page) {
      const email = userAddress(user);
      members.push({ userId: user.id, ...(email !== undefined && { email }) });
    }
  }
  await context.catalog.recordTeamMembers(context.resource.resourceId, members);
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
