import { DeltaCollection } from './delta-collection.js';
import type { ChangeClock } from './clock.js';
import { defaultCalendarId, findFolder, isVisibleMailFolder, rootFolderId } from './mailbox.js';
import type {
  ContactRecord,
  EventRecord,
  FolderRecord,
  Mailbox,
  MailboxOnlyItemRecord,
  MessageRecord,
} from './records.js';

/**
 * The mailbox as the mailbox import/export API sees it: one tree of folders of every class (mail, contacts,
 * calendars) holding items of every class, with the same ids the mail, contacts and calendar APIs use
 * (https://learn.microsoft.com/graph/api/resources/mailboxfolder, /graph/api/resources/mailboxitem).
 */

/** Folder classes ("Describes the folder class type", https://learn.microsoft.com/graph/api/resources/mailboxfolder). */
export type FolderClass = 'IPF.Note' | 'IPF.Contact' | 'IPF.Appointment' | 'IPF.Task' | 'IPF.StickyNote';

export interface MailboxFolderView {
  record: FolderRecord;
  type: FolderClass;
  /** True for the default calendar, which holds the events without a calendarId. */
  isDefaultCalendar: boolean;
}

export type MailboxItemView =
  | { kind: 'message'; record: MessageRecord }
  | { kind: 'contact'; record: ContactRecord }
  | { kind: 'event'; record: EventRecord }
  | { kind: 'task'; record: MailboxOnlyItemRecord }
  | { kind: 'note'; record: MailboxOnlyItemRecord };

/** Message classes of items (https://learn.microsoft.com/graph/api/resources/mailboxitem: "The message class ID"). */
export const ITEM_CLASS: Record<MailboxItemView['kind'], string> = {
  message: 'IPM.Note',
  contact: 'IPM.Contact',
  event: 'IPM.Appointment',
  task: 'IPM.Task',
  note: 'IPM.StickyNote',
};

/** The folder class that holds each item class. */
export const FOLDER_CLASS_OF: Record<MailboxItemView['kind'], FolderClass> = {
  message: 'IPF.Note',
  contact: 'IPF.Contact',
  event: 'IPF.Appointment',
  task: 'IPF.Task',
  note: 'IPF.StickyNote',
};

/** The folder collection of each class of task and note folders. */
function mailboxOnlyFolders(mailbox: Mailbox): Array<[FolderClass, DeltaCollection<FolderRecord>]> {
  return [
    ['IPF.Task', mailbox.taskFolders],
    ['IPF.StickyNote', mailbox.noteFolders],
  ];
}

export function defaultCalendarFolder(mailbox: Mailbox): FolderRecord {
  return {
    id: defaultCalendarId(mailbox.userId),
    seq: 1,
    displayName: 'Calendario',
    parentFolderId: rootFolderId(mailbox.userId),
    wellKnownName: 'calendar',
  };
}

/** Every folder under Top of Information Store: mail folders, contact folders, the default calendar and the others. */
export function mailboxFolders(mailbox: Mailbox): MailboxFolderView[] {
  const view = (record: FolderRecord, type: FolderClass, isDefaultCalendar = false): MailboxFolderView => ({
    record,
    type,
    isDefaultCalendar,
  });
  return [
    ...[...mailbox.folders.values()].filter(isVisibleMailFolder).map((record) => view(record, 'IPF.Note')),
    ...[...mailbox.contactFolders.values()].map((record) => view(record, 'IPF.Contact')),
    view(defaultCalendarFolder(mailbox), 'IPF.Appointment', true),
    ...[...mailbox.calendars.values()].map((record) => view(record, 'IPF.Appointment')),
    ...mailboxOnlyFolders(mailbox).flatMap(([type, folders]) =>
      [...folders.values()].map((record) => view(record, type)),
    ),
  ];
}

/** The class of a folder record (mail folders are the default). */
export function viewOf(mailbox: Mailbox, record: FolderRecord): MailboxFolderView {
  if (record.id === defaultCalendarId(mailbox.userId))
    return { record, type: 'IPF.Appointment', isDefaultCalendar: true };
  if (mailbox.calendars.get(record.id)) return { record, type: 'IPF.Appointment', isDefaultCalendar: false };
  if (mailbox.contactFolders.get(record.id)) return { record, type: 'IPF.Contact', isDefaultCalendar: false };
  for (const [type, folders] of mailboxOnlyFolders(mailbox))
    if (folders.get(record.id)) return { record, type, isDefaultCalendar: false };
  return { record, type: 'IPF.Note', isDefaultCalendar: false };
}

/** A folder by id or, as the docs' examples do (`folders/Inbox/items`), by well-known name in any case. */
export function findMailboxFolder(mailbox: Mailbox, idOrName: string): MailboxFolderView | undefined {
  const folders = mailboxFolders(mailbox);
  const byId = folders.find((folder) => folder.record.id === idOrName);
  if (byId) return byId;
  const name = idOrName.toLowerCase();
  const byName = folders.find((folder) => folder.record.wellKnownName === name);
  if (byName) return byName;
  // Hidden folders (Recoverable Items) are reachable by well-known name, never listed.
  const hidden = findFolder(mailbox, idOrName);
  return hidden && !isVisibleMailFolder(hidden)
    ? { record: hidden, type: 'IPF.Note', isDefaultCalendar: false }
    : undefined;
}

/** The folders every folder-delta round enumerates; the default calendar never changes, so it is seeded at sequence 1. */
export function folderCollections(mailbox: Mailbox, clock: ChangeClock): Array<DeltaCollection<FolderRecord>> {
  const defaults = new DeltaCollection<FolderRecord>(clock);
  defaults.seed(defaultCalendarFolder(mailbox));
  return [
    mailbox.folders,
    mailbox.contactFolders,
    defaults,
    mailbox.calendars,
    mailbox.taskFolders,
    mailbox.noteFolders,
  ];
}

export function folderItems(mailbox: Mailbox, folder: MailboxFolderView): MailboxItemView[] {
  if (folder.type === 'IPF.Contact')
    return [...(mailbox.contacts.get(folder.record.id)?.values() ?? [])].map((record) => ({ kind: 'contact', record }));
  if (folder.type === 'IPF.Appointment') {
    const calendarId = folder.isDefaultCalendar ? undefined : folder.record.id;
    return [...mailbox.events.values()]
      .filter((record) => record.calendarId === calendarId)
      .map((record) => ({ kind: 'event', record }));
  }
  if (folder.type === 'IPF.Task' || folder.type === 'IPF.StickyNote') {
    const kind = folder.type === 'IPF.Task' ? 'task' : 'note';
    return [...(mailbox.mailboxOnlyItems.get(folder.record.id)?.values() ?? [])].map((record) => ({ kind, record }));
  }
  return [...(mailbox.messages.get(folder.record.id)?.values() ?? [])].map((record) => ({ kind: 'message', record }));
}

export function childFolders(mailbox: Mailbox, parentId: string): MailboxFolderView[] {
  return mailboxFolders(mailbox).filter((folder) => folder.record.parentFolderId === parentId);
}

/** Whether `folder` is `ancestorId` or lies below it. */
export function isWithin(mailbox: Mailbox, folder: FolderRecord, ancestorId: string): boolean {
  const byId = new Map(mailboxFolders(mailbox).map((view) => [view.record.id, view.record]));
  let current: FolderRecord | undefined = folder;
  for (let depth = 0; current && depth < 1000; depth++) {
    if (current.parentFolderId === ancestorId) return true;
    current = byId.get(current.parentFolderId);
  }
  return false;
}

/** An item of any class anywhere in the mailbox, with the folder that holds it. */
export function findItemInMailbox(
  mailbox: Mailbox,
  itemId: string,
): { item: MailboxItemView; folderId: string } | undefined {
  const folderId = mailbox.messageFolder.get(itemId);
  const message = folderId ? mailbox.messages.get(folderId)?.get(itemId) : undefined;
  if (message && folderId) return { item: { kind: 'message', record: message }, folderId };
  for (const [contactFolderId, contacts] of mailbox.contacts) {
    const contact = contacts.get(itemId);
    if (contact) return { item: { kind: 'contact', record: contact }, folderId: contactFolderId };
  }
  for (const [folderId, items] of mailbox.mailboxOnlyItems) {
    const record = items.get(itemId);
    if (record) return { item: { kind: mailboxOnlyKind(record), record }, folderId };
  }
  const event = mailbox.events.get(itemId);
  if (event)
    return { item: { kind: 'event', record: event }, folderId: event.calendarId ?? defaultCalendarId(mailbox.userId) };
  return undefined;
}

export function mailboxOnlyKind(record: MailboxOnlyItemRecord): 'task' | 'note' {
  return record.itemClass === 'IPM.Task' ? 'task' : 'note';
}
