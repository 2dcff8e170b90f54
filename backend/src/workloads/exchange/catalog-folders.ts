import type { UnitContext } from '../../backup-unit/unit-context.js';

/** A backed-up folder of one kind (contact folders, task folders…) as the catalog keeps it. */
export interface BackedUpFolder {
  id: string;
  displayName: string;
  /** As the catalog stores it (folder-path.ts). */
  path: string;
  /** The parent when it is itself a backed-up folder of the same kind. */
  parentId: string | null;
  wellKnownName?: string;
}

/**
 * Records one kind of folder of a mailbox as the catalog's folders (ids `<prefix>:<folder id>`, so they can be browsed
 * and restored) and closes those of that kind that are gone since the last run, with their items.
 */
export async function recordMailboxFolders(
  context: UnitContext,
  prefix: string,
  folders: readonly BackedUpFolder[],
): Promise<void> {
  const resourceId = context.resource.resourceId;
  const containerIdOf = (folderId: string): string => `${prefix}:${folderId}`;
  const known = new Map((await context.catalog.listFolders(resourceId)).map((folder) => [folder.folderId, folder]));
  const seen = new Set(folders.map((folder) => containerIdOf(folder.id)));
  for (const folder of known.values()) {
    if (folder.deletedAt === null && folder.folderId.startsWith(containerIdOf('')) && !seen.has(folder.folderId)) {
      context.progress.addDeletions(
        await context.catalog.recordFolderDeleted(resourceId, folder.folderId, context.runId, new Date()),
      );
    }
  }
  await context.catalog.recordFolders(
    known,
    folders.map((folder) => ({
      resourceId,
      folderId: containerIdOf(folder.id),
      parentId: folder.parentId === null ? null : containerIdOf(folder.parentId),
      displayName: folder.displayName,
      path: folder.path,
      ...(folder.wellKnownName !== undefined && { wellKnownName: folder.wellKnownName }),
      deletedAt: null,
      lastRunId: context.runId,
    })),
  );
}
