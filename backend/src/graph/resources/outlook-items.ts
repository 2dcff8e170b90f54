import type { GraphWrites } from './graph-access.js';
import { mailboxResource, userPath } from './user-path.js';

/** Under which a single Outlook item of a user is read, updated and deleted (`/users/{id}/{segment}/{itemId}`). */
export type OutlookItemSegment = 'messages' | 'contacts' | 'events';

/** The folder collections that nest and are created by name: mail folders and contact folders. */
export type OutlookFolderCollection = 'mailFolders' | 'contactFolders';

/** A message's, contact's or event's body (https://learn.microsoft.com/graph/api/resources/itembody). */
export interface ItemBody {
  contentType?: string;
  content?: string;
}

/** A single-value extended property (MAPI), as `$expand=singleValueExtendedProperties` brings it along. */
export interface ExtendedProperty {
  id: string;
  value: string;
}

/** One message, contact or event of a user. */
export function outlookItemPath(userId: string, segment: OutlookItemSegment, itemId: string): string {
  return `${userPath(userId)}/${segment}/${encodeURIComponent(itemId)}`;
}

/** Deletes one message, contact or event (moved to Deleted Items, as Outlook does). */
export async function deleteOutlookItem(
  graph: GraphWrites,
  userId: string,
  segment: OutlookItemSegment,
  itemId: string,
): Promise<void> {
  await graph.sendJson('DELETE', outlookItemPath(userId, segment, itemId), undefined, {
    resource: mailboxResource(userId),
  });
}

/**
 * Where folders of one level are listed and created: the top of the mailbox (mail) or of the default Contacts folder
 * (contacts), or a folder's `childFolders`.
 * https://learn.microsoft.com/graph/api/user-post-mailfolders, /graph/api/mailfolder-post-childfolders,
 * /graph/api/user-post-contactfolders, /graph/api/contactfolder-post-childfolders
 */
export function outlookFolderLevel(userId: string, collection: OutlookFolderCollection, parentId?: string): string {
  const top = `${userPath(userId)}/${collection}`;
  return parentId === undefined ? top : `${top}/${encodeURIComponent(parentId)}/childFolders`;
}
