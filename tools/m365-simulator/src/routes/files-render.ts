import { createHash } from 'node:crypto';
import type { DriveItemRecord, DriveRecord, IdentitySet, SiteRecord } from '../model/records.js';
import { childrenOf, pathOf, usedBytes } from '../model/drive.js';

function tagGuid(item: DriveItemRecord): string {
  const guid = createHash('md5').update(item.id).digest('hex').toUpperCase();
  return `{${guid.slice(0, 8)}-${guid.slice(8, 12)}-${guid.slice(12, 16)}-${guid.slice(16, 20)}-${guid.slice(20)}}`;
}

/** The eTag changes with any change to the item, metadata included (https://learn.microsoft.com/graph/api/resources/driveitem). */
export function etagOf(item: DriveItemRecord): string {
  return `"${tagGuid(item)},${item.seq}"`;
}

/** The cTag changes only when the content does: a rename or a move keeps it (https://learn.microsoft.com/graph/api/resources/driveitem). */
export function ctagOf(item: DriveItemRecord): string {
  return `"c:${tagGuid(item)},${Math.max(1, item.versions.length)}"`;
}

/** Who wrote an item the simulator holds no writer for: the drive's owner, or SharePoint's system account. */
function ownerIdentity(drive: DriveRecord): IdentitySet {
  return drive.owner.user ? { user: drive.owner.user } : { user: { displayName: 'System Account' } };
}

export interface ItemRendering {
  downloadUrl?: string;
  /**
   * As drive delta shows it: no `cTag` and no `parentReference.path` on OneDrive for Business
   * (https://learn.microsoft.com/graph/api/driveitem-delta#remarks).
   */
  forDelta?: boolean;
}

/** The driveItem resource (https://learn.microsoft.com/graph/api/resources/driveitem) with its file/folder/root facets. */
export function renderItem(
  drive: DriveRecord,
  item: DriveItemRecord,
  rendering: ItemRendering = {},
): Record<string, unknown> {
  const isRoot = item.parentId === null;
  const parentReference: Record<string, unknown> = { driveId: drive.id, driveType: drive.driveType };
  if (!isRoot) parentReference['id'] = item.parentId;
  if (!isRoot && !rendering.forDelta) parentReference['path'] = pathOf(drive, item);
  const entity: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    id: item.id,
    name: item.name,
    eTag: etagOf(item),
    ...(rendering.forDelta ? {} : { cTag: ctagOf(item) }),
    createdBy: item.createdBy ?? ownerIdentity(drive),
    createdDateTime: item.createdDateTime,
    lastModifiedBy: item.lastModifiedBy ?? item.createdBy ?? ownerIdentity(drive),
    lastModifiedDateTime: item.lastModifiedDateTime,
    size: item.isFolder ? folderSize(drive, item) : (item.content?.size ?? 0),
    webUrl: `https://sim.sharepoint.com/${drive.id}/${encodeURIComponent(item.name)}`,
    parentReference,
    fileSystemInfo: {
      createdDateTime: item.fileSystemInfo?.createdDateTime ?? item.createdDateTime,
      lastModifiedDateTime: item.fileSystemInfo?.lastModifiedDateTime ?? item.lastModifiedDateTime,
    },
  };
  if (isRoot) entity['root'] = {};
  if (item.isFolder) entity['folder'] = { childCount: childrenOf(drive, item.id).length };
  else entity['file'] = { mimeType: item.mimeType };
  if (rendering.downloadUrl) entity['@microsoft.graph.downloadUrl'] = rendering.downloadUrl;
  return entity;
}

function folderSize(drive: DriveRecord, folder: DriveItemRecord): number {
  let total = 0;
  for (const child of childrenOf(drive, folder.id))
    total += child.isFolder ? folderSize(drive, child) : (child.content?.size ?? 0);
  return total;
}

/**
 * A removed item in drive delta: the `deleted` facet, present and empty as the delta page's examples show it
 * (https://learn.microsoft.com/graph/api/driveitem-delta, https://learn.microsoft.com/graph/api/resources/deleted);
 * OneDrive for Business omits `name` and `cTag` of deleted items.
 */
export function renderDeleted(drive: DriveRecord, id: string): Record<string, unknown> {
  return { id, deleted: {}, parentReference: { driveId: drive.id, driveType: drive.driveType } };
}

/** The quota facet (https://learn.microsoft.com/graph/api/resources/quota): `used` counts every kept version. */
export function renderQuota(drive: DriveRecord): Record<string, unknown> {
  const used = usedBytes(drive);
  const remaining = Math.max(0, drive.quotaTotal - used);
  const state =
    used > drive.quotaTotal
      ? 'exceeded'
      : remaining < drive.quotaTotal / 100
        ? 'critical'
        : remaining < drive.quotaTotal / 10
          ? 'nearing'
          : 'normal';
  return { deleted: 0, remaining, state, total: drive.quotaTotal, used };
}

/** The drive resource (https://learn.microsoft.com/graph/api/resources/drive). */
export function renderDrive(drive: DriveRecord): Record<string, unknown> {
  return {
    createdDateTime: drive.createdDateTime,
    description: '',
    id: drive.id,
    lastModifiedDateTime: drive.createdDateTime,
    name: drive.name,
    webUrl: `https://sim.sharepoint.com/${drive.id}`,
    driveType: drive.driveType,
    createdBy: { user: { displayName: 'System Account' } },
    lastModifiedBy: ownerIdentity(drive),
    owner: drive.owner,
    quota: renderQuota(drive),
  };
}

/** The site resource (https://learn.microsoft.com/graph/api/resources/site): each simulated site is its collection's top site. */
export function renderSite(site: SiteRecord): Record<string, unknown> {
  return {
    id: site.id,
    name: site.name,
    displayName: site.displayName,
    description: '',
    webUrl: site.webUrl,
    createdDateTime: site.createdDateTime,
    lastModifiedDateTime: site.createdDateTime,
    root: {},
    siteCollection: { hostname: site.id.split(',')[0] },
  };
}
