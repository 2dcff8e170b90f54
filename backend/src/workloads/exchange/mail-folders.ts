import type { UnitContext } from '../../backup-unit/unit-context.js';
import { childFolderPath } from '../../catalog/index.js';
import {
  childMailFolders,
  inboxFolderPath,
  topMailFolders,
  type GraphListing,
  type GraphMailFolder,
} from '../../graph/index.js';

export interface MailFolderNode extends GraphMailFolder {
  /** From the top of the mailbox, as the catalog stores it (folder-path.ts). */
  path: string;
}

/**
 * Every mail folder of the mailbox, nested ones included, with its path. Costs one listing for the
 * top level plus one per folder that has children (Graph's `childFolderCount` says which), and the read of the Inbox
 * by its well-known name unless `rememberedInboxId`, the Inbox's id as an earlier run read it, is still listed: the
 * Inbox cannot be deleted, and a folder's id is its own while it lives, so a listed id that was the Inbox's still is;
 * a mailbox whose folders were recreated lists other ids, and the Inbox is read again by its name.
 * https://learn.microsoft.com/graph/api/user-list-mailfolders, /graph/api/mailfolder-list-childfolders
 */
export async function listMailFolders(
  context: UnitContext,
  userId: string,
  rememberedInboxId?: string,
): Promise<MailFolderNode[]> {
  const resource = { kind: 'mailbox', userId } as const;
  const result: MailFolderNode[] = [];
  const pending: { listing: GraphListing; parentPath: string }[] = [
    { listing: topMailFolders(userId), parentPath: '' },
  ];
  while (pending.length > 0) {
    const { listing, parentPath } = pending.shift()!;
    for await (const page of context.graph.pages<GraphMailFolder>(listing.path, {
      resource,
      maxPageSize: listing.maxPageSize,
    })) {
      for (const folder of page) {
        const path = childFolderPath(parentPath, folder.displayName);
        result.push({ ...folder, path });
        if ((folder.childFolderCount ?? 0) > 0) {
          pending.push({ listing: childMailFolders(userId, folder.id), parentPath: path });
        }
      }
    }
  }
  // The Inbox is marked so that "My backups" can open on it, wherever its name sorts.
  const inboxId = result.some((folder) => folder.id === rememberedInboxId)
    ? rememberedInboxId
    : (await context.graph.getJson<{ id: string }>(inboxFolderPath(userId), { resource })).id;
  return result.map((folder) => (folder.id === inboxId ? { ...folder, wellKnownName: 'inbox' } : folder));
}
