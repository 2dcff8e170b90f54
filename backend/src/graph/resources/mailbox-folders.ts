import type { MailboxApiClient } from './mailbox-import-export.js';
import { GraphRequestError } from '../errors.js';
import type { ResourceKey } from '../resource.js';

/**
 * Folders and items of a mailbox as the mailbox import/export API shows them: every folder of every class (mail,
 * contacts, calendars, tasks, notes) and every item with its message class. Tasks and notes are reachable only here
 * in Graph v1.0. https://learn.microsoft.com/graph/api/resources/mailboxfolder, /graph/api/resources/mailboxitem
 */

export interface MailboxFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  /** The folder class: `IPF.Note`, `IPF.Contact`, `IPF.Appointment`, `IPF.Task`, `IPF.StickyNote`… */
  type: string;
  wellKnownName?: string | null;
  /** The number of items in the folder (https://learn.microsoft.com/graph/api/resources/mailboxfolder). */
  totalItemCount?: number;
}

export interface MailboxItem {
  id: string;
  /** The message class: `IPM.Task`, `IPM.StickyNote`… */
  type?: string;
  changeKey?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  categories?: string[];
  size?: number;
  singleValueExtendedProperties?: { id: string; value: string }[];
  '@removed'?: { reason: string };
}

/** The mailbox API client with paging (`@odata.nextLink` followed to the end). */
export interface MailboxFolderClient extends MailboxApiClient {
  pages<T>(path: string, options: { resource: ResourceKey; maxPageSize?: number }): AsyncIterable<T[]>;
}

/** A user's primary mailbox, as the mailbox API addresses it, and the user whose Graph budget the calls use. */
export interface MailboxAddress {
  mailboxId: string;
  userId: string;
}

/** PidTagSubject as an extended property id: the one property of a task or note the catalog shows and searches. */
export const subjectPropertyId = 'String 0x37';

const mailboxPath = (mailboxId: string): string => `/admin/exchange/mailboxes/${encodeURIComponent(mailboxId)}`;

/** Folders per page of the folder delta, which honours `Prefer: odata.maxpagesize`: a usual mailbox in one page. */
const folderDeltaPageSize = 250;

/**
 * Every folder of the mailbox: one full round of the folder delta, which enumerates the whole tree flat.
 * https://learn.microsoft.com/graph/api/mailboxfolder-delta
 */
export async function listMailboxFolders(
  graph: MailboxFolderClient,
  mailbox: MailboxAddress,
): Promise<MailboxFolder[]> {
  const { path, maxPageSize } = mailboxFolderDelta(mailbox.mailboxId);
  return allPages<MailboxFolder>(graph, mailbox, path, maxPageSize);
}

/** The first request of the folder delta round that listMailboxFolders makes, with its page size. */
export function mailboxFolderDelta(mailboxId: string): { path: string; maxPageSize: number } {
  const select = '$select=id,displayName,parentFolderId,type,wellKnownName,totalItemCount';
  return { path: `${mailboxPath(mailboxId)}/folders/delta?${select}`, maxPageSize: folderDeltaPageSize };
}

/** The delta of one folder's items (new, changed, removed). https://learn.microsoft.com/graph/api/mailboxitem-delta */
export function mailboxItemDeltaPath(mailboxId: string, folderId: string): string {
  return `${mailboxPath(mailboxId)}/folders/${encodeURIComponent(folderId)}/items/delta`;
}

/**
 * One item with its subject, read through the documented `$expand` of a single-value extended property.
 * https://learn.microsoft.com/graph/api/mailboxitem-get, /graph/api/singlevaluelegacyextendedproperty-get
 */
export async function getMailboxItem(
  graph: MailboxApiClient,
  mailbox: MailboxAddress,
  folderId: string,
  itemId: string,
): Promise<MailboxItem & { subject: string }> {
  const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${subjectPropertyId}')`);
  const item = await graph.getJson<MailboxItem>(
    `${mailboxPath(mailbox.mailboxId)}/folders/${encodeURIComponent(folderId)}/items/${encodeURIComponent(itemId)}?$expand=${expand}`,
    { resource: { kind: 'mailbox', userId: mailbox.userId } },
  );
  const subject = item.singleValueExtendedProperties?.[0]?.value ?? '';
  return { ...item, subject };
}

/**
 * Creates a folder of a class below `parentId`. https://learn.microsoft.com/graph/api/mailboxfolder-post-childfolders
 */
export async function createMailboxFolder(
  graph: MailboxApiClient,
  mailbox: MailboxAddress,
  parentId: string,
  folder: { displayName: string; type: string },
): Promise<MailboxFolder> {
  return graph.sendJson<MailboxFolder>(
    'POST',
    `${mailboxPath(mailbox.mailboxId)}/folders/${encodeURIComponent(parentId)}/childFolders`,
    folder,
    { resource: { kind: 'mailbox', userId: mailbox.userId } },
  );
}

/** Whether the folder exists in the mailbox. https://learn.microsoft.com/graph/api/mailboxfolder-get */
export async function mailboxFolderExists(
  graph: MailboxApiClient,
  mailbox: MailboxAddress,
  folderId: string,
): Promise<boolean> {
  try {
    await graph.getJson<MailboxFolder>(
      `${mailboxPath(mailbox.mailboxId)}/folders/${encodeURIComponent(folderId)}?$select=id`,
      { resource: { kind: 'mailbox', userId: mailbox.userId } },
    );
    return true;
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 404) return false;
    throw error;
  }
}

/** The child folders of one folder. https://learn.microsoft.com/graph/api/mailboxfolder-list-childfolders */
export async function listChildFolders(
  graph: MailboxFolderClient,
  mailbox: MailboxAddress,
  parentId: string,
): Promise<MailboxFolder[]> {
  return allPages<MailboxFolder>(
    graph,
    mailbox,
    `${mailboxPath(mailbox.mailboxId)}/folders/${encodeURIComponent(parentId)}/childFolders?$select=id,displayName,parentFolderId,type`,
  );
}

/** The items of one folder (ids and change keys). https://learn.microsoft.com/graph/api/mailboxfolder-list-items */
export async function listFolderItems(
  graph: MailboxFolderClient,
  mailbox: MailboxAddress,
  folderId: string,
): Promise<MailboxItem[]> {
  const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${subjectPropertyId}')`);
  return allPages<MailboxItem>(
    graph,
    mailbox,
    `${mailboxPath(mailbox.mailboxId)}/folders/${encodeURIComponent(folderId)}/items?$select=id,changeKey,createdDateTime,type&$expand=${expand}`,
  );
}

async function allPages<T>(
  graph: MailboxFolderClient,
  mailbox: MailboxAddress,
  path: string,
  maxPageSize?: number,
): Promise<T[]> {
  const all: T[] = [];
  const resource = { kind: 'mailbox', userId: mailbox.userId } as const;
  for await (const page of graph.pages<T>(path, { resource, ...(maxPageSize !== undefined && { maxPageSize }) }))
    all.push(...page);
  return all;
}
