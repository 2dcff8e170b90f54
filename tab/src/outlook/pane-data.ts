import { meBackupsConversation, meBackupsItems, meBackupsPoints, meBackupsResources } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { ItemVersion } from '../api/model.js';

export interface PaneData {
  /** Backed-up versions of the open message's conversation, newest first. */
  readonly versions: ItemVersion[];
  /** Messages the backups saw in the conversation's folder that were deleted since. */
  readonly deleted: ItemVersion[];
}

/** How many restore points back the pane looks for deleted items (each is one browse of the folder). */
const pointsLooked = 5;

async function deletedFromFolder(api: ApiClient, mailbox: string, folderId: string): Promise<ItemVersion[]> {
  const points = await meBackupsPoints(api, { params: { resourceId: mailbox } });
  const pages = await Promise.all(
    points.items.slice(0, pointsLooked).map((point) =>
      meBackupsItems(api, {
        params: { resourceId: mailbox },
        query: { containerId: folderId, at: point.finishedAt, limit: 200 },
      }),
    ),
  );
  const byId = new Map<string, ItemVersion>();
  for (const version of pages.flatMap((page) => page.items)) {
    if (version.deletedAt) byId.set(version.id, version);
  }
  return [...byId.values()];
}

/**
 * What the pane shows for the open message, from the person's own mailbox backups only. The conversation is the one
 * Outlook says the message belongs to (Office.js `item.conversationId`, which the backup keeps from Graph's message):
 * a reply whose subject was changed stays in it, and another thread that happens to share the subject does not.
 */
export async function loadPaneData(api: ApiClient, conversationId: string | undefined): Promise<PaneData> {
  if (!conversationId) return { versions: [], deleted: [] };
  const { items } = await meBackupsResources(api, { query: { kind: 'mailbox' } });
  const mailbox = items[0];
  if (!mailbox) return { versions: [], deleted: [] };
  const found = await meBackupsConversation(api, {
    params: { resourceId: mailbox.id },
    query: { conversationId, limit: 100 },
  });
  const versions = found.items;
  // The folder the open message sits in, as the latest backup of it saw it.
  const folderId = versions.find((version) => !version.deletedAt)?.containerId ?? versions[0]?.containerId;
  const deleted = folderId ? await deletedFromFolder(api, mailbox.id, folderId) : [];
  return { versions, deleted };
}
