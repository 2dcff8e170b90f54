import { driveItemIdFrom } from '../util/ids.js';
import type { ChangeClock } from './clock.js';
import type { ContentSource } from './content.js';
import { DeltaCollection, Residency } from './delta-collection.js';
import type { DriveItemRecord, DriveRecord } from './records.js';

export function createDrive(
  clock: ChangeClock,
  drive: Omit<DriveRecord, 'items' | 'rootId' | 'createdDateTime' | 'residency'>,
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
  return { ...drive, rootId, items, residency, createdDateTime };
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
): DriveItemRecord {
  return {
    id: driveItemIdFrom(drive.id, parentId, name, at),
    seq: 1,
    name,
    parentId,
    isFolder: content === null,
    content,
    mimeType: content ? mimeTypeOf(name) : '',
    createdDateTime: at,
    lastModifiedDateTime: at,
    versions: content ? [{ id: '1.0', lastModifiedDateTime: at, content }] : [],
  };
}

/** A new version of a file: the previous ones stay readable under `versions` (https://learn.microsoft.com/graph/api/driveitem-list-versions). */
export function replaceContent(
  drive: DriveRecord,
  item: DriveItemRecord,
  content: ContentSource,
  at: string,
): DriveItemRecord {
  item.content = content;
  item.lastModifiedDateTime = at;
  item.versions.push({ id: `${item.versions.length + 1}.0`, lastModifiedDateTime: at, content });
  return drive.items.upsert(item);
}

/** Deleting a folder deletes what it contains: each descendant is reported with the `deleted` facet. */
export function deleteItem(drive: DriveRecord, item: DriveItemRecord): void {
  for (const child of childrenOf(drive, item.id)) deleteItem(drive, child);
  drive.items.remove(item.id);
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
