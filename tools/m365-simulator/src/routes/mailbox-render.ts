import { changeKeyOf } from './mail-render.js';
import type { MailboxFolderView, MailboxItemView } from '../model/mailbox-view.js';
import { folderItems, childFolders, ITEM_CLASS } from '../model/mailbox-view.js';
import type { Mailbox, MessageSource } from '../model/records.js';

/** Dates of the mailbox API come in whole seconds, as in every example (`2021-09-15T12:16:38Z`). */
export function wholeSeconds(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `parentMailboxUrl`: "The routing link to the actual underlying mailbox where the folder physically resides". */
export function mailboxUrl(graphBaseUrl: string, mailboxId: string): string {
  return `${graphBaseUrl}/admin/exchange/mailboxes/${mailboxId}`;
}

/** The mailboxFolder resource (https://learn.microsoft.com/graph/api/resources/mailboxfolder), counts computed live. */
export function renderMailboxFolder(
  mailbox: Mailbox,
  folder: MailboxFolderView,
  parentMailboxUrl: string,
): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.mailboxFolder',
    id: folder.record.id,
    displayName: folder.record.displayName,
    parentFolderId: folder.record.parentFolderId,
    parentMailboxUrl,
    childFolderCount: childFolders(mailbox, folder.record.id).length,
    totalItemCount: folderItems(mailbox, folder).length,
    // "For user-created folders, the value is null."
    wellKnownName: folder.record.wellKnownName ?? null,
    type: folder.type,
  };
}

const mimeSizes = new WeakMap<MessageSource, number>();

/** "The length of the item in bytes": a message's MIME, a contact's or event's stored form. */
export function itemSize(item: MailboxItemView): number {
  if (item.kind !== 'message') return Buffer.byteLength(JSON.stringify(item.record));
  let size = mimeSizes.get(item.record.source);
  if (size === undefined) {
    size = item.record.source.mime().length;
    mimeSizes.set(item.record.source, size);
  }
  return size;
}

export function itemChangeKey(item: MailboxItemView): string {
  return changeKeyOf(item.record.seq, item.record.id);
}

export function itemCategories(item: MailboxItemView): string[] {
  if (item.kind === 'message' || item.kind === 'task' || item.kind === 'note') return item.record.categories;
  const categories = item.record.details?.['categories'];
  return Array.isArray(categories) ? categories.map(String) : [];
}

/** The mailboxItem resource (https://learn.microsoft.com/graph/api/resources/mailboxitem), with its weak ETag. */
export function renderMailboxItem(item: MailboxItemView): Record<string, unknown> {
  const changeKey = itemChangeKey(item);
  return {
    '@odata.type': '#microsoft.graph.mailboxItem',
    '@odata.etag': `W/"${changeKey}"`,
    id: item.record.id,
    createdDateTime: wholeSeconds(item.record.createdDateTime),
    lastModifiedDateTime: wholeSeconds(item.record.lastModifiedDateTime),
    changeKey,
    categories: itemCategories(item),
    type: ITEM_CLASS[item.kind],
    size: itemSize(item),
  };
}
