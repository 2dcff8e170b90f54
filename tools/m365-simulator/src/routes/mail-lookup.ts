import { notFound } from '../http/errors.js';
import { findFolder, findMessage } from '../model/mailbox.js';
import type { FolderRecord, Mailbox, MessageRecord } from '../model/records.js';

/** A folder by id or well-known name (https://learn.microsoft.com/graph/api/resources/mailfolder#well-known-folder-names), else 404. */
export function folderOf(mailbox: Mailbox, idOrName: string): FolderRecord {
  const folder = findFolder(mailbox, idOrName);
  if (!folder) throw notFound(`folder ${idOrName}`);
  return folder;
}

/** A message by id, in whichever folder it is, else 404 ErrorItemNotFound. */
export function messageOf(mailbox: Mailbox, id: string): MessageRecord {
  const message = findMessage(mailbox, id);
  if (!message) throw notFound(`message ${id}`);
  return message;
}
