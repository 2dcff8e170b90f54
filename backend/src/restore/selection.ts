import { ObjectId, type Db } from 'mongodb';
import { VersionReads, type Catalog, type ItemVersion } from '../catalog/index.js';
import type { RestoreSelection } from '../restore-model/model.js';

/** More than this many items in one request is refused: split it, or restore the resource. */
export const maxItemsPerRestore = 100_000;

export class SelectionTooLargeError extends Error {
  constructor(readonly count: number) {
    super(`the selection holds ${count} items, more than ${maxItemsPerRestore} in one restore`);
    this.name = 'SelectionTooLargeError';
  }
}

/**
 * The catalog versions a selection names, oldest container path first so folders are created once. Deleted items
 * are included when the point in time sees them: that is what restoring "as of" means.
 */
export async function resolveSelection(db: Db, catalog: Catalog, selection: RestoreSelection): Promise<ItemVersion[]> {
  const versions = new VersionReads(db);
  const tenantId = catalog.tenantId;
  let found: ItemVersion[];
  switch (selection.type) {
    case 'versions': {
      const ids = selection.versionIds.filter((id) => ObjectId.isValid(id)).map((id) => new ObjectId(id));
      found = await versions.byIds(tenantId, ids);
      break;
    }
    case 'folder': {
      const at = selection.at ?? new Date();
      const containerIds = [selection.containerId];
      if (selection.includeSubfolders) containerIds.push(...(await subfolderIds(catalog, selection)));
      found = await versions.visibleInFolders(tenantId, selection.resourceId, containerIds, at);
      break;
    }
    case 'resource':
      found = await versions.visibleInResource(tenantId, selection.resourceId, selection.at ?? new Date());
      break;
    case 'search': {
      const hits = await catalog.search({
        words: selection.words,
        ...(selection.resourceIds && { resourceIds: selection.resourceIds }),
        ...(selection.from && { from: selection.from }),
        ...(selection.to && { to: selection.to }),
        limit: selection.limit ?? 1_000,
      });
      const at = selection.at ?? new Date();
      found = hits.filter((version) => isVisibleAt(version, at));
      break;
    }
  }
  if (found.length > maxItemsPerRestore) throw new SelectionTooLargeError(found.length);
  return found
    .filter((version) => version.content !== undefined)
    .sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.containerPath.localeCompare(b.containerPath));
}

function isVisibleAt(version: ItemVersion, at: Date): boolean {
  return version.validFrom <= at && (version.validTo === null || version.validTo > at);
}

async function subfolderIds(
  catalog: Catalog,
  selection: { resourceId: string; containerId: string },
): Promise<string[]> {
  const folders = await catalog.listFolders(selection.resourceId);
  const root = folders.find((folder) => folder.folderId === selection.containerId);
  if (!root) return [];
  const prefix = root.path === '' ? '' : `${root.path}/`;
  // Mail and contact folders share a resource and may share names: a subfolder is of the root's kind.
  const kind = kindOf(root.folderId);
  return folders
    .filter(
      (folder) =>
        folder.folderId !== root.folderId && kindOf(folder.folderId) === kind && folder.path.startsWith(prefix),
    )
    .map((folder) => folder.folderId);
}

/** `mail`, `contacts`…: the catalog folder id's prefix before its first `:` (empty for ids without one). */
function kindOf(folderId: string): string {
  const colon = folderId.indexOf(':');
  return colon < 0 ? '' : folderId.slice(0, colon);
}
