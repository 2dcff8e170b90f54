import { createHash } from 'node:crypto';
import type { DriveItemRecord, DriveRecord, SiteRecord } from '../model/records.js';
import { childrenOf, pathOf } from '../model/drive.js';

function etagOf(item: DriveItemRecord): string {
  const guid = createHash('md5').update(item.id).digest('hex').toUpperCase();
  return `"{${guid.slice(0, 8)}-${guid.slice(8, 12)}-${guid.slice(12, 16)}-${guid.slice(16, 20)}-${guid.slice(20)}},${item.seq}"`;
}

/** The driveItem resource (https://learn.microsoft.com/graph/api/resources/driveitem) with its file/folder/root facets. */
export function renderItem(drive: DriveRecord, item: DriveItemRecord, downloadUrl?: string): Record<string, unknown> {
  const isRoot = item.parentId === null;
  const entity: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: item.id,
    name: item.name,
    eTag: etagOf(item),
    cTag: `"c:${etagOf(item).slice(1)}`,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    size: item.isFolder ? folderSize(drive, item) : (item.content?.size ?? 0),
    webUrl: `https://sim.sharepoint.com/${drive.id}/${encodeURIComponent(item.name)}`,
    parentReference: isRoot
      ? { driveId: drive.id, driveType: drive.driveType }
      : { driveId: drive.id, driveType: drive.driveType, id: item.parentId, path: pathOf(drive, item) },
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
  };
  if (isRoot) entity['root'] = {};
  if (item.isFolder) entity['folder'] = { childCount: childrenOf(drive, item.id).length };
  else entity['file'] = { mimeType: item.mimeType };
  if (downloadUrl) entity['@microsoft.graph.downloadUrl'] = downloadUrl;
  return entity;
}

function folderSize(drive: DriveRecord, folder: DriveItemRecord): number {
  let total = 0;
  for (const child of childrenOf(drive, folder.id))
    total += child.isFolder ? folderSize(drive, child) : (child.content?.size ?? 0);
  return total;
}

/** A removed item in drive delta: the `deleted` facet (https://learn.microsoft.com/graph/api/driveitem-delta). */
export function renderDeleted(drive: DriveRecord, id: string): Record<string, unknown> {
  return { id, deleted: { state: 'deleted' }, parentReference: { driveId: drive.id, driveType: drive.driveType } };
}

export function renderDrive(drive: DriveRecord): Record<string, unknown> {
  return {
    id: drive.id,
    name: drive.name,
    driveType: drive.driveType,
    createdDateTime: drive.createdDateTime,
    description: '',
    owner: drive.owner,
    quota: { total: 1_099_511_627_776, used: 0, remaining: 1_099_511_627_776, deleted: 0, state: 'normal' },
    webUrl: `https://sim.sharepoint.com/${drive.id}`,
  };
}

export function renderSite(site: SiteRecord): Record<string, unknown> {
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    webUrl: site.webUrl,
    createdDateTime: site.createdDateTime,
    siteCollection: { hostname: site.id.split(',')[0] },
  };
}
