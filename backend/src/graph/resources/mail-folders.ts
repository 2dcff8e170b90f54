import type { GraphListing } from './graph-access.js';
import { userPath } from './user-path.js';

/** The fields of a Graph mailFolder we use (https://learn.microsoft.com/graph/api/resources/mailfolder). */
export interface GraphMailFolder {
  id: string;
  displayName: string;
  parentFolderId?: string;
  childFolderCount?: number;
  /** "The number of items in the mailFolder". */
  totalItemCount?: number;
  wellKnownName?: string;
}

const folderSelect = '$select=id,displayName,parentFolderId,childFolderCount,totalItemCount&includeHiddenFolders=true';
const folderPageSize = 100;

/**
 * The Inbox read by its well-known name, which names it whatever the mailbox's language (Graph v1.0's mailFolder
 * lists no `wellKnownName`): https://learn.microsoft.com/graph/api/resources/mailfolder (well-known folder names).
 */
export function inboxFolderPath(userId: string): string {
  return `${userPath(userId)}/mailFolders/inbox?$select=id`;
}

/** The mailbox's top-level folders (https://learn.microsoft.com/graph/api/user-list-mailfolders). */
export function topMailFolders(userId: string): GraphListing {
  return { path: `${userPath(userId)}/mailFolders?${folderSelect}`, maxPageSize: folderPageSize };
}

/** One folder's child folders (https://learn.microsoft.com/graph/api/mailfolder-list-childfolders). */
export function childMailFolders(userId: string, folderId: string): GraphListing {
  return {
    path: `${userPath(userId)}/mailFolders/${encodeURIComponent(folderId)}/childFolders?${folderSelect}`,
    maxPageSize: folderPageSize,
  };
}
