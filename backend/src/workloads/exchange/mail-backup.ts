import { searchTermsOf, type DeltaCursor, type NewItemVersion, type StoredContent } from '../../catalog/index.js';
import {
  needsDeltaPoll,
  syncPolledStreams,
  type PolledDeltaStream,
  type PrefetchedDeltaPage,
} from '../../backup-unit/delta-prefetch.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { messageDeltaStart, messageMimePath, type GraphMessage, type GraphRecipient } from '../../graph/index.js';
import { fullFidelityExporter } from './full-fidelity-export.js';
import { listMailFolders, type MailFolderNode } from './mail-folders.js';
import { MessageAttachmentNames } from './mime-attachment-names.js';

/** Messages per delta page; Graph honours `Prefer: odata.maxpagesize` for message delta. */
const deltaPageSize = 500;
/** Graph allows four concurrent requests per app and mailbox. */
const mailboxConcurrency = 4;

/**
 * Backs up every mail folder of one mailbox by per-folder delta: new and changed messages'
 * MIME (`$value`) into the store, deletions and moves out as closed versions. Folders that
 * disappeared close their messages. Incremental polls go 20 to a JSON batch (delta-prefetch.ts); a folder that is
 * empty at Graph and in the catalog is not polled at all (needsDeltaPoll). `inboxId`: the Inbox's id as an earlier run
 * read it (mail-folders.ts).
 * https://learn.microsoft.com/graph/delta-query-messages, /graph/outlook-get-mime-message
 */
export async function backupMailbox(context: UnitContext, userId: string, inboxId?: string): Promise<void> {
  const resourceId = context.resource.resourceId;
  const folders = await listMailFolders(context, userId, inboxId);
  const seen = new Set(folders.map((folder) => `mail:${folder.id}`));
  const known = new Map((await context.catalog.listFolders(resourceId)).map((folder) => [folder.folderId, folder]));
  const cursors = await context.catalog.deltaCursorsOf(resourceId);

  for (const folder of known.values()) {
    if (folder.deletedAt === null && folder.folderId.startsWith('mail:') && !seen.has(folder.folderId)) {
      context.progress.addDeletions(
        await context.catalog.recordFolderDeleted(resourceId, folder.folderId, context.runId, new Date()),
      );
    }
  }

  await context.catalog.recordFolders(
    known,
    folders.map((folder) => ({
      resourceId,
      folderId: `mail:${folder.id}`,
      parentId: folder.parentFolderId ? `mail:${folder.parentFolderId}` : null,
      displayName: folder.displayName,
      path: folder.path,
      ...(folder.wellKnownName !== undefined && { wellKnownName: folder.wellKnownName }),
      deletedAt: null,
      lastRunId: context.runId,
    })),
  );
  const polled: PolledDeltaStream<GraphMessage>[] = [];
  for (const folder of folders) {
    const saved = cursors.get(`mail:${folder.id}`) ?? null;
    if (!(await needsDeltaPoll(context, `mail:${folder.id}`, folder.totalItemCount, saved))) continue;
    polled.push({
      saved,
      firstRound: { startLink: messageDeltaStart(userId, folder.id), itemCount: folder.totalItemCount },
      sync: (prefetched) => backupMailFolder(context, userId, folder, saved, prefetched),
    });
  }
  const exporter = fullFidelityExporter(context, userId);
  await syncPolledStreams<GraphMessage>(context.graph, { kind: 'mailbox', userId }, deltaPageSize, polled, {
    // Graph gives no message size here: a message with attachments may be large (full-fidelity-export.ts).
    onItemsAhead: (messages) =>
      exporter.offerAhead(
        messages
          .filter((message) => !message['@removed'])
          .map((message) => ({ id: message.id, mayBeLarge: message.hasAttachments !== false })),
      ),
  });
  exporter.forgetAhead();
}

async function backupMailFolder(
  context: UnitContext,
  userId: string,
  folder: MailFolderNode,
  saved: DeltaCursor | null,
  prefetched: PrefetchedDeltaPage<GraphMessage> | undefined,
): Promise<void> {
  const resource = { kind: 'mailbox', userId } as const;
  const containerId = `mail:${folder.id}`;
  const attachmentNames = new MessageAttachmentNames();
  const recipe: PageRecipe<GraphMessage> = {
    idOf: (message) => message.id,
    isRemoved: (message) => message['@removed'] !== undefined,
    isContent: () => true,
    versionKeyOf: (message) => message.changeKey ?? message.id,
    concurrency: mailboxConcurrency,
    async fetchContent(message): Promise<StoredContent> {
      const { stream } = await context.graph.getStream(messageMimePath(userId, message.id), { resource });
      return context.store.putStream(context.tenantId, attachmentNames.watch(message.id, stream), 'item');
    },
    toVersion: (message, content) =>
      attachmentNames.addTo(messageVersion(context, message, content, containerId, folder.path)),
    addFullFidelity: (versions) => fullFidelityExporter(context, userId).addStreams(versions),
  };

  await syncDeltaStream<GraphMessage>({
    catalog: context.catalog,
    graph: context.graph,
    resource,
    resourceId: context.resource.resourceId,
    stream: containerId,
    saved,
    ...(prefetched && { prefetched }),
    startLink: messageDeltaStart(userId, folder.id),
    maxPageSize: deltaPageSize,
    scope: { containerId },
    runId: context.runId,
    resyncOf: context.resyncOf,
    onPage: async (page, round) => {
      await recordDeltaPage(context, page.items, recipe, round);
    },
    onProgress: () => context.progress.checkpoint(),
  });
}

function address(recipient: GraphRecipient | undefined): string | undefined {
  return recipient?.emailAddress?.address?.toLowerCase();
}

function messageVersion(
  context: UnitContext,
  message: GraphMessage,
  content: StoredContent,
  containerId: string,
  containerPath: string,
): NewItemVersion {
  const from = address(message.from);
  const to = [...(message.toRecipients ?? []), ...(message.ccRecipients ?? [])]
    .map(address)
    .filter((value): value is string => value !== undefined);
  return {
    resourceId: context.resource.resourceId,
    kind: 'message',
    graphId: message.id,
    versionKey: message.changeKey ?? message.id,
    containerId,
    containerPath,
    name: message.subject ?? '',
    ...(from !== undefined && { from }),
    to,
    size: content.size,
    ...(message.receivedDateTime !== undefined && { itemDate: new Date(message.receivedDateTime) }),
    properties: {
      sentDateTime: message.sentDateTime,
      receivedDateTime: message.receivedDateTime,
      isRead: message.isRead,
      isDraft: message.isDraft,
      flag: message.flag,
      importance: message.importance,
      categories: message.categories,
      hasAttachments: message.hasAttachments,
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      fromName: message.from?.emailAddress?.name,
    },
    content,
    searchTerms: searchTermsOf(message.subject, from, message.from?.emailAddress?.name, ...to),
  };
}
