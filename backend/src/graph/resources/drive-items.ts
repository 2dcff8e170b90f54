import type { GraphReads } from './graph-access.js';
import { userPath } from './user-path.js';

/** The driveItem fields Custodia uses (https://learn.microsoft.com/graph/api/resources/driveitem). */
export interface GraphDriveItem {
  id: string;
  name?: string;
  eTag?: string;
  cTag?: string;
  size?: number;
  root?: object;
  deleted?: { state?: string };
  file?: { mimeType?: string; hashes?: Record<string, string> };
  folder?: { childCount?: number };
  parentReference?: { driveId?: string; id?: string };
  lastModifiedDateTime?: string;
  createdDateTime?: string;
  fileSystemInfo?: { createdDateTime?: string; lastModifiedDateTime?: string };
  lastModifiedBy?: { user?: { displayName?: string; email?: string } };
}

/** What a restore reads of an item it found or wrote. */
export const driveItemCheckSelect = '$select=id,name,size';

function drivePath(driveId: string): string {
  return `/drives/${encodeURIComponent(driveId)}`;
}

function itemPath(driveId: string, itemId: string): string {
  return `${drivePath(driveId)}/items/${encodeURIComponent(itemId)}`;
}

/** The id of a user's OneDrive (https://learn.microsoft.com/graph/api/drive-get). */
export function userDriveIdPath(userId: string): string {
  return `${userPath(userId)}/drive?$select=id`;
}

/** A user's OneDrive id, read on the directory's budget (the drive's own budget needs its id). */
export async function readUserDriveId(graph: Pick<GraphReads, 'getJson'>, userId: string): Promise<string> {
  return (await graph.getJson<{ id: string }>(userDriveIdPath(userId), { resource: { kind: 'directory' } })).id;
}

/** The first request of a drive's delta round, from its root (https://learn.microsoft.com/graph/api/driveitem-delta). */
export function driveDeltaStart(driveId: string): string {
  return `${drivePath(driveId)}/root/delta`;
}

/** The drive's root folder, its id and name. */
export function driveRootPath(driveId: string): string {
  return `${drivePath(driveId)}/root?$select=id,name`;
}

/** One item, with the fields `select` (`$select=…`) names. */
export function driveItemPath(driveId: string, itemId: string, select: string): string {
  return `${itemPath(driveId, itemId)}?${select}`;
}

/** A file's bytes: Graph answers 302 to a pre-authenticated download URL (/graph/api/driveitem-get-content). */
export function driveItemContentPath(driveId: string, itemId: string): string {
  return `${itemPath(driveId, itemId)}/content`;
}

/** A folder's children: listed, and folders created there (https://learn.microsoft.com/graph/api/driveitem-post-children). */
export function driveChildrenPath(driveId: string, parentId: string): string {
  return `${itemPath(driveId, parentId)}/children`;
}

/** The child of a folder by name, with the fields `select` names (`/items/{parent-id}:/{name}`). */
export function driveChildByNamePath(driveId: string, parentId: string, name: string, select: string): string {
  return `${driveChildAddress(driveId, parentId, name)}?${select}`;
}

/** A file written by name into a folder, and what happens when the name is taken. */
export interface DriveChildWrite {
  driveId: string;
  parentId: string;
  name: string;
  conflictBehavior: 'fail' | 'replace';
}

/** The simple upload of a file by name, for an empty file (https://learn.microsoft.com/graph/api/driveitem-put-content). */
export function driveChildContentPath(write: DriveChildWrite): string {
  return `${driveChildAddress(write.driveId, write.parentId, write.name)}:/content?${conflictQuery(write)}`;
}

/** An upload session for a file by name (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). */
export function driveChildUploadSessionPath(write: DriveChildWrite): string {
  return `${driveChildAddress(write.driveId, write.parentId, write.name)}:/createUploadSession?${conflictQuery(write)}`;
}

function conflictQuery(write: DriveChildWrite): string {
  return `@microsoft.graph.conflictBehavior=${write.conflictBehavior}`;
}

function driveChildAddress(driveId: string, parentId: string, name: string): string {
  return `${itemPath(driveId, parentId)}:/${encodeURIComponent(name)}`;
}
