import { driveItemIdFrom } from '../util/ids.js';
import type { ChangeClock } from './clock.js';
import type { ContentSource } from './content.js';
import { DeltaCollection, Residency } from './delta-collection.js';
import type { DriveItemRecord, DriveRecord, IdentitySet } from './records.js';

/** Default storage per drive: 1 TiB for a OneDrive (the drive-get example's total), 25 TiB for a site's library. */
const DEFAULT_QUOTA: Record<DriveRecord['driveType'], number> = {
  business: 1024 ** 4,
  documentLibrary: 25 * 1024 ** 4,
};

export function createDrive(
  clock: ChangeClock,
  drive: Omit<DriveRecord, 'items' | 'rootId' | 'createdDateTime' | 'residency' | 'quotaTotal'> & {
    quotaTotal?: number;
  },
  createdDateTime: string,
): DriveRecord {
  const rootId = driveItemIdFrom(drive.id, 'root');
  const residency = new Residency();
  const items = new DeltaCollection<DriveItemRecord>(clock, residency);
  items.seed({
    id: rootId,
    seq: 1,
    name: 'root',
    parentId: null,
    isFolder: true,
    content: null,
    mimeType: '',
    createdDateTime,
    lastModifiedDateTime: createdDateTime,
    versions: [],
  });
  return {
    ...drive,
    quotaTotal: drive.quotaTotal ?? DEFAULT_QUOTA[drive.driveType],
    rootId,
    items,
    residency,
    createdDateTime,
  };
}

export function childrenOf(drive: DriveRecord, parentId: string): DriveItemRecord[] {
  return [...drive.items.values()]
    .filter((item) => item.parentId === parentId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function findChild(drive: DriveRecord, parentId: string, name: string): DriveItemRecord | undefined {
  const lower = name.toLowerCase();
  return childrenOf(drive, parentId).find((item) => item.name.toLowerCase() === lower);
}

/** Resolves `root:/a/b.txt:`-style paths relative to a folder (https://learn.microsoft.com/graph/onedrive-addressing-driveitems). */
export function resolvePath(drive: DriveRecord, fromId: string, path: string): DriveItemRecord | undefined {
  let current = drive.items.get(fromId);
  for (const name of path.split('/').filter((part) => part.length > 0)) {
    if (!current) return undefined;
    current = findChild(drive, current.id, name);
  }
  return current;
}

export function pathOf(drive: DriveRecord, item: DriveItemRecord): string {
  const names: string[] = [];
  let parent = item.parentId ? drive.items.get(item.parentId) : undefined;
  while (parent && parent.parentId) {
    names.unshift(parent.name);
    parent = parent.parentId ? drive.items.get(parent.parentId) : undefined;
  }
  return `/drive/root:${names.length ? `/${names.join('/')}` : ''}`;
}

export function newItem(
  drive: DriveRecord,
  parentId: string,
  name: string,
  content: ContentSource | null,
  at: string,
  by?: IdentitySet,
): DriveItemRecord {
  return {
    ...(by ? { createdBy: by, lastModifiedBy: by } : {}),
    id: driveItemIdFrom(drive.id, parentId, name, at),
    seq: 1,
    name,
    parentId,
    isFolder: content === null,
    content,
    mimeType: content ? mimeTypeOf(name) : '',
    createdDateTime: at,
    lastModifiedDateTime: at,
    versions: content ? [{ id: '1.0', lastModifiedDateTime: at, content, ...(by ? { lastModifiedBy: by } : {}) }] : [],
  };
}

/** A new version of a file: the previous ones stay readable under `versions` (https://learn.microsoft.com/graph/api/driveitem-list-versions). */
export function replaceContent(
  drive: DriveRecord,
  item: DriveItemRecord,
  content: ContentSource,
  at: string,
  by?: IdentitySet,
): DriveItemRecord {
  item.content = content;
  item.lastModifiedDateTime = at;
  if (by) item.lastModifiedBy = by;
  item.versions.push({
    id: `${item.versions.length + 1}.0`,
    lastModifiedDateTime: at,
    content,
    ...(by ? { lastModifiedBy: by } : {}),
  });
  return drive.items.upsert(item);
}

/** Deleting a folder deletes what it contains: each descendant is reported with the `deleted` facet. */
export function deleteItem(drive: DriveRecord, item: DriveItemRecord): void {
  for (const child of childrenOf(drive, item.id)) deleteItem(drive, child);
  drive.items.remove(item.id);
}

/** True when `item` is `folder` or lies anywhere below it. */
export function isWithin(drive: DriveRecord, item: DriveItemRecord, folder: DriveItemRecord): boolean {
  for (let current: DriveItemRecord | undefined = item; current;) {
    if (current.id === folder.id) return true;
    current = current.parentId ? drive.items.get(current.parentId) : undefined;
  }
  return false;
}

/**
 * Renames and/or moves an item within its drive (https://learn.microsoft.com/graph/api/driveitem-move): its
 * descendants follow it unchanged, so delta reports only the item itself.
 */
export function relocateItem(
  drive: DriveRecord,
  item: DriveItemRecord,
  target: { parentId: string; name: string },
  at: string,
  by?: IdentitySet,
): DriveItemRecord {
  item.parentId = target.parentId;
  item.name = target.name;
  item.lastModifiedDateTime = at;
  if (by) item.lastModifiedBy = by;
  return drive.items.upsert(item);
}

/** The times a client gives in `fileSystemInfo` (https://learn.microsoft.com/graph/api/resources/filesysteminfo); others keep theirs. */
export function setFileSystemInfo(
  item: DriveItemRecord,
  info: { createdDateTime?: unknown; lastModifiedDateTime?: unknown } | undefined,
): void {
  if (info === undefined) return;
  const created = typeof info.createdDateTime === 'string' ? info.createdDateTime : undefined;
  const modified = typeof info.lastModifiedDateTime === 'string' ? info.lastModifiedDateTime : undefined;
  item.fileSystemInfo = {
    ...item.fileSystemInfo,
    ...(created ? { createdDateTime: created } : {}),
    ...(modified ? { lastModifiedDateTime: modified } : {}),
  };
}

/** Bytes a drive holds: every kept version of every file counts, as SharePoint counts version history. */
export function usedBytes(drive: DriveRecord): number {
  let used = 0;
  for (const item of drive.items.values()) for (const version of item.versions) used += version.content.size;
  return used;
}

const MIME_TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  zip: 'application/zip',
  csv: 'text/csv',
  bin: 'application/octet-stream',
};

function mimeTypeOf(name: string): string {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}
