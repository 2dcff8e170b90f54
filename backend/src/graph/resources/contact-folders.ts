import { userPath } from './user-path.js';

/** The fields of a Graph contactFolder we use (https://learn.microsoft.com/graph/api/resources/contactfolder). */
export interface GraphContactFolder {
  id: string;
  displayName: string;
  parentFolderId?: string;
}

/**
 * The default Contacts folder's well-known name. Graph v1.0 documents none (only beta's contactFolder has
 * `wellKnownName`): Exchange may answer to it in `/contactFolders/contacts`, so it is tried and its refusal tolerated.
 */
export const defaultContactFolderName = 'contacts';

const folderSelect = '$select=id,displayName,parentFolderId';

/** The read of one contact folder; by its well-known name, the first read of the default one. */
export function contactFolderPath(userId: string, id: string = defaultContactFolderName): string {
  return `${userPath(userId)}/contactFolders/${encodeURIComponent(id)}?${folderSelect}`;
}

/** One contact folder's child folders (https://learn.microsoft.com/graph/api/contactfolder-list-childfolders). */
export function childContactFoldersPath(userId: string, folderId: string): string {
  return `${userPath(userId)}/contactFolders/${encodeURIComponent(folderId)}/childFolders?${folderSelect}`;
}

/**
 * The two one-item listings that name the default Contacts folder's id (its first contact's, or first child folder's,
 * `parentFolderId`): `/users/{id}/contacts` and `/users/{id}/contactFolders`, which v1.0 documents for the default
 * folder (https://learn.microsoft.com/graph/api/user-list-contacts, /graph/api/user-list-contactfolders).
 */
export function defaultContactFolderProbes(userId: string): string[] {
  const user = userPath(userId);
  return [`${user}/contacts`, `${user}/contactFolders`].map((listing) => `${listing}?$select=id,parentFolderId&$top=1`);
}
