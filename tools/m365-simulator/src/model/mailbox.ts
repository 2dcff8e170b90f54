import { exchangeIdFrom } from '../util/ids.js';
import type { ChangeClock } from './clock.js';
import { DeltaCollection, Residency } from './delta-collection.js';
import type { MessageContent } from '../mime/types.js';
import { conversationOf, replyTo } from './conversation.js';
import type { FolderRecord, Mailbox, MessageRecord, MessageSource } from './records.js';

/** Outlook's well-known folders (https://learn.microsoft.com/graph/api/resources/mailfolder#well-known-folder-names). */
export const WELL_KNOWN_FOLDERS: ReadonlyArray<[string, string]> = [
  ['inbox', 'Posta in arrivo'],
  ['sentitems', 'Posta inviata'],
  ['drafts', 'Bozze'],
  ['deleteditems', 'Posta eliminata'],
  ['junkemail', 'Posta indesiderata'],
  ['archive', 'Archivio'],
  ['outbox', 'Posta in uscita'],
];

export function rootFolderId(userId: string): string {
  return exchangeIdFrom('AAMkAGI2', userId, 'msgfolderroot');
}

/** The default calendar, which holds every event without a calendarId. */
export function defaultCalendarId(userId: string): string {
  return exchangeIdFrom('AAMkAGI2', userId, 'calendar');
}

/**
 * Soft-deleted items live in the Recoverable Items folder, outside the folders mail clients show ("Top of Information
 * Store"): reachable by its well-known name `recoverableitemsdeletions`, never listed by mailFolders or their delta
 * (https://learn.microsoft.com/graph/api/resources/mailfolder#well-known-folder-names).
 */
export const RECOVERABLE_ITEMS_DELETIONS = 'recoverableitemsdeletions';

/** Whether a mail folder is one of the user's visible folders (under Top of Information Store). */
export function isVisibleMailFolder(folder: FolderRecord): boolean {
  return folder.wellKnownName !== RECOVERABLE_ITEMS_DELETIONS;
}

export function createMailbox(clock: ChangeClock, userId: string): Mailbox {
  const residency = new Residency();
  const mailbox: Mailbox = {
    userId,
    residency,
    folders: new DeltaCollection<FolderRecord>(clock, residency),
    messages: new Map(),
    messageFolder: new Map(),
    contactFolders: new DeltaCollection<FolderRecord>(clock, residency),
    contacts: new Map(),
    events: new DeltaCollection(clock, residency),
    calendars: new DeltaCollection<FolderRecord>(clock, residency),
    taskFolders: new DeltaCollection<FolderRecord>(clock, residency),
    noteFolders: new DeltaCollection<FolderRecord>(clock, residency),
    mailboxOnlyItems: new Map(),
  };
  for (const [wellKnownName, displayName] of WELL_KNOWN_FOLDERS) {
    addFolder(mailbox, clock, { displayName, parentFolderId: rootFolderId(userId), wellKnownName }, false);
  }
  addFolder(
    mailbox,
    clock,
    {
      displayName: 'Deletions',
      parentFolderId: exchangeIdFrom('AAMkAGI2', userId, 'recoverableitemsroot'),
      wellKnownName: RECOVERABLE_ITEMS_DELETIONS,
    },
    false,
  );
  const contacts: FolderRecord = {
    id: exchangeIdFrom('AAMkAGI2', userId, 'contacts'),
    seq: 1,
    displayName: 'Contatti',
    parentFolderId: rootFolderId(userId),
    wellKnownName: 'contacts',
  };
  mailbox.contactFolders.seed(contacts);
  mailbox.contacts.set(contacts.id, new DeltaCollection(clock, residency));
  seedMailboxOnlyFolder(mailbox, clock, mailbox.taskFolders, { wellKnownName: 'tasks', displayName: 'Attività' });
  seedMailboxOnlyFolder(mailbox, clock, mailbox.noteFolders, { wellKnownName: 'notes', displayName: 'Note' });
  return mailbox;
}

/** The default Tasks or Notes folder (well-known names `tasks`, `notes`), empty until items are added. */
function seedMailboxOnlyFolder(
  mailbox: Mailbox,
  clock: ChangeClock,
  folders: DeltaCollection<FolderRecord>,
  folder: { wellKnownName: string; displayName: string },
): void {
  const record: FolderRecord = {
    id: exchangeIdFrom('AAMkAGI2', mailbox.userId, folder.wellKnownName),
    seq: 1,
    displayName: folder.displayName,
    parentFolderId: rootFolderId(mailbox.userId),
    wellKnownName: folder.wellKnownName,
  };
  folders.seed(record);
  mailbox.mailboxOnlyItems.set(record.id, new DeltaCollection(clock, mailbox.residency));
}

export function addFolder(
  mailbox: Mailbox,
  clock: ChangeClock,
  folder: { displayName: string; parentFolderId: string; wellKnownName?: string; id?: string; isHidden?: boolean },
  asChange: boolean,
): FolderRecord {
  const record: FolderRecord = {
    id: folder.id ?? exchangeIdFrom('AAMkAGI2', mailbox.userId, 'folder', folder.parentFolderId, folder.displayName),
    seq: 1,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    ...(folder.wellKnownName ? { wellKnownName: folder.wellKnownName } : {}),
    ...(folder.isHidden && { isHidden: true }),
  };
  if (asChange) mailbox.folders.upsert(record);
  else mailbox.folders.seed(record);
  mailbox.messages.set(record.id, new DeltaCollection<MessageRecord>(clock, mailbox.residency));
  return record;
}

/** Resolves a folder id or a well-known name (`inbox`, `sentitems`...), as Graph accepts both in the path. */
export function findFolder(mailbox: Mailbox, idOrName: string): FolderRecord | undefined {
  const direct = mailbox.folders.get(idOrName);
  if (direct) return direct;
  const name = idOrName.toLowerCase();
  if (name === 'msgfolderroot')
    return { id: rootFolderId(mailbox.userId), seq: 1, displayName: 'Top of Information Store', parentFolderId: '' };
  for (const folder of mailbox.folders.values()) if (folder.wellKnownName === name) return folder;
  return undefined;
}

export function folderMessages(mailbox: Mailbox, folderId: string): DeltaCollection<MessageRecord> {
  const messages = mailbox.messages.get(folderId);
  if (!messages) throw new Error(`folder ${folderId} has no message collection`);
  return messages;
}

export function findMessage(mailbox: Mailbox, messageId: string): MessageRecord | undefined {
  const folderId = mailbox.messageFolder.get(messageId);
  return folderId ? mailbox.messages.get(folderId)?.get(messageId) : undefined;
}

export interface NewMessage {
  id: string;
  folderId: string;
  source: MessageSource;
  content: MessageContent;
  isRead: boolean;
  isDraft: boolean;
  receivedDateTime: string;
  sentDateTime: string;
  createdDateTime: string;
  extendedProperties?: Array<{ id: string; value: string }>;
  importance?: MessageRecord['importance'];
}

export function messageRecord(input: NewMessage): MessageRecord {
  const { content } = input;
  return {
    id: input.id,
    seq: 1,
    parentFolderId: input.folderId,
    createdDateTime: input.createdDateTime,
    lastModifiedDateTime: input.createdDateTime,
    receivedDateTime: input.receivedDateTime,
    sentDateTime: input.sentDateTime,
    isRead: input.isRead,
    isDraft: input.isDraft,
    importance: input.importance ?? 'normal',
    inferenceClassification: 'focused',
    flag: { flagStatus: 'notFlagged' },
    categories: [],
    subject: content.subject,
    ...(content.from ? { from: content.from } : {}),
    to: content.to,
    cc: content.cc,
    bcc: content.bcc ?? [],
    replyTo: content.replyTo ?? [],
    hasAttachments: content.attachments.some((attachment) => !attachment.isInline),
    internetMessageId: `<${content.messageId}>`,
    ...conversationOf(content, input.id),
    ...(content.inReplyTo && { inReplyTo: content.inReplyTo }),
    source: input.source,
    singleValueExtendedProperties: input.extendedProperties ?? [],
  };
}

/**
 * A reply whose parent is in the mailbox joins the parent's conversation, even when its `References` do not name the
 * thread's root (a client that writes `In-Reply-To` only).
 */
function joinParentConversation(mailbox: Mailbox, record: MessageRecord): void {
  const parentId = `<${record.inReplyTo}>`;
  for (const messages of mailbox.messages.values())
    for (const candidate of messages.values())
      if (candidate.internetMessageId === parentId && candidate.id !== record.id) {
        Object.assign(record, replyTo(candidate, record.internetMessageId));
        return;
      }
}

/** Puts a message into its folder: `asChange` ticks the clock (a mutation), otherwise it is part of the initial tenant. */
export function storeMessage(mailbox: Mailbox, record: MessageRecord, asChange: boolean): MessageRecord {
  if (record.inReplyTo && !mailbox.messageFolder.has(record.id)) joinParentConversation(mailbox, record);
  const messages = folderMessages(mailbox, record.parentFolderId);
  if (asChange) messages.upsert(record);
  else messages.seed(record);
  mailbox.messageFolder.set(record.id, record.parentFolderId);
  return record;
}

export function touchMessage(mailbox: Mailbox, record: MessageRecord): MessageRecord {
  record.lastModifiedDateTime = new Date().toISOString();
  return storeMessage(mailbox, record, true);
}

export function deleteMessage(mailbox: Mailbox, record: MessageRecord): void {
  folderMessages(mailbox, record.parentFolderId).remove(record.id);
  mailbox.messageFolder.delete(record.id);
}

/** A move is a removal from one folder's delta and an addition to the other's (Graph gives the moved item a new id). */
export function moveMessage(mailbox: Mailbox, record: MessageRecord, destinationId: string): MessageRecord {
  deleteMessage(mailbox, record);
  const moved: MessageRecord = {
    ...record,
    id: exchangeIdFrom('AAMkAGI2', record.id, 'moved', destinationId),
    parentFolderId: destinationId,
  };
  return touchMessage(mailbox, moved);
}

/**
 * `DELETE .../messages/{id}` is a soft delete: the message leaves its folder (delta reports it removed) and goes to
 * Recoverable Items Deletions with a new id, where clients no longer see it but the user can still recover it
 * (https://learn.microsoft.com/graph/api/message-delete, /graph/api/resources/mailfolder#well-known-folder-names).
 */
export function softDeleteMessage(mailbox: Mailbox, record: MessageRecord): MessageRecord {
  const deletions = findFolder(mailbox, RECOVERABLE_ITEMS_DELETIONS);
  if (!deletions) throw new Error(`mailbox ${mailbox.userId} has no ${RECOVERABLE_ITEMS_DELETIONS} folder`);
  return moveMessage(mailbox, record, deletions.id);
}
