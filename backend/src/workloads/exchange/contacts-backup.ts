import type { UnitContext } from '../../backup/unit-context.js';
import { listContactFolders, type ContactFolderNode } from './contact-folders.js';
import { backupOutlookJsonStream, type OutlookJsonItem } from './outlook-json-backup.js';

interface GraphContact extends OutlookJsonItem {
  displayName?: string;
  companyName?: string | null;
  emailAddresses?: { address?: string; name?: string }[];
  lastModifiedDateTime?: string;
}

const containerIdOf = (folderId: string): string => `contacts:${folderId}`;

/**
 * Backs up every contact folder of a mailbox (the default Contacts folder and its child folders at any depth) by
 * contact delta, each contact as its JSON. The folders go into the catalog, so they can be browsed and restored; a
 * folder gone since the last run closes its contacts.
 * https://learn.microsoft.com/graph/api/contact-delta
 */
export async function backupContacts(context: UnitContext, userId: string): Promise<void> {
  const user = encodeURIComponent(userId);
  const folders = await listContactFolders(context.graph, userId);
  await recordContactFolders(context, folders);
  const cursors = await context.catalog.deltaCursorsOf(context.resource.resourceId);
  for (const folder of folders) {
    const containerId = containerIdOf(folder.id);
    await backupOutlookJsonStream<GraphContact>(context, {
      userId,
      kind: 'contact',
      containerId,
      containerPath: folder.path,
      startLink: `/users/${user}/contactFolders/${encodeURIComponent(folder.id)}/contacts/delta`,
      saved: cursors.get(containerId) ?? null,
      describe: (contact) => {
        const addresses = (contact.emailAddresses ?? [])
          .map((email) => email.address?.toLowerCase())
          .filter((address): address is string => Boolean(address));
        return {
          name: contact.displayName ?? '',
          to: addresses,
          ...(contact.lastModifiedDateTime !== undefined && { itemDate: new Date(contact.lastModifiedDateTime) }),
          properties: { companyName: contact.companyName ?? undefined },
        };
      },
    });
  }
}

/** Records the contact folders as the catalog's folders, and closes those that are gone (and their contacts). */
async function recordContactFolders(context: UnitContext, folders: readonly ContactFolderNode[]): Promise<void> {
  const resourceId = context.resource.resourceId;
  const known = new Map((await context.catalog.listFolders(resourceId)).map((folder) => [folder.folderId, folder]));
  const seen = new Set(folders.map((folder) => containerIdOf(folder.id)));
  for (const folder of known.values()) {
    if (folder.deletedAt === null && folder.folderId.startsWith(containerIdOf('')) && !seen.has(folder.folderId)) {
      context.progress.addDeletions(
        await context.catalog.recordFolderDeleted(resourceId, folder.folderId, context.runId, new Date()),
      );
    }
  }
  for (const folder of folders) {
    const folderId = containerIdOf(folder.id);
    await context.catalog.recordFolder(known.get(folderId), {
      resourceId,
      folderId,
      parentId: folder.parentId === null ? null : containerIdOf(folder.parentId),
      displayName: folder.displayName,
      path: folder.path,
      ...(folder.wellKnownName !== undefined && { wellKnownName: folder.wellKnownName }),
      deletedAt: null,
      lastRunId: context.runId,
    });
  }
}
