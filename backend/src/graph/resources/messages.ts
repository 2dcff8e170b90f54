import type { GraphWrites } from './graph-access.js';
import { outlookItemPath } from './outlook-items.js';
import { mailboxResource, userPath } from './user-path.js';

/** A recipient or sender (https://learn.microsoft.com/graph/api/resources/recipient). */
export interface GraphRecipient {
  emailAddress?: { name?: string; address?: string };
}

/**
 * A message as Custodia reads it (https://learn.microsoft.com/graph/api/resources/message): the delta query selects
 * enough to catalog, search and restore with fidelity; a restore reads back what it checks.
 */
export interface GraphMessage {
  id: string;
  '@removed'?: { reason: string };
  changeKey?: string;
  subject?: string;
  from?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  receivedDateTime?: string;
  sentDateTime?: string;
  isRead?: boolean;
  isDraft?: boolean;
  /** A followupFlag; kept as Graph gave it. */
  flag?: { flagStatus?: string };
  importance?: string;
  categories?: string[];
  hasAttachments?: boolean;
  internetMessageId?: string;
  conversationId?: string;
  parentFolderId?: string;
}

const messageSelect = [
  'id',
  'changeKey',
  'subject',
  'from',
  'toRecipients',
  'ccRecipients',
  'receivedDateTime',
  'sentDateTime',
  'isRead',
  'isDraft',
  'flag',
  'importance',
  'categories',
  'hasAttachments',
  'internetMessageId',
  'conversationId',
].join(',');

/** The first request of a folder's message delta round (https://learn.microsoft.com/graph/delta-query-messages). */
export function messageDeltaStart(userId: string, folderId: string): string {
  return `${folderMessagesPath(userId, folderId)}/delta?$select=${messageSelect}`;
}

/** The messages of one folder: listed, and created there (https://learn.microsoft.com/graph/api/mailfolder-post-messages). */
export function folderMessagesPath(userId: string, folderId: string): string {
  return `${userPath(userId)}/mailFolders/${encodeURIComponent(folderId)}/messages`;
}

/** One message: read back, updated, deleted. */
export function messagePath(userId: string, messageId: string): string {
  return outlookItemPath(userId, 'messages', messageId);
}

/** A message's MIME (https://learn.microsoft.com/graph/outlook-get-mime-message). */
export function messageMimePath(userId: string, messageId: string): string {
  return `${messagePath(userId, messageId)}/$value`;
}

/**
 * A message's attachments: added one by one, or, from 3 MB, through `createUploadSession` below this path
 * (https://learn.microsoft.com/graph/api/message-post-attachments, /graph/api/attachment-createuploadsession).
 */
export function messageAttachmentsPath(userId: string, messageId: string): string {
  return `${messagePath(userId, messageId)}/attachments`;
}

/** An upload session for an attachment of 3 MB or more (https://learn.microsoft.com/graph/api/attachment-createuploadsession). */
export function attachmentUploadSessionPath(userId: string, messageId: string): string {
  return `${messageAttachmentsPath(userId, messageId)}/createUploadSession`;
}

/** Creates a message in a folder from its JSON (a draft unless the JSON says otherwise). */
export function createMessage<T>(graph: GraphWrites, userId: string, folderId: string, json: unknown): Promise<T> {
  return graph.sendJson<T>('POST', folderMessagesPath(userId, folderId), json, { resource: mailboxResource(userId) });
}

/** Changes some of a message's properties (https://learn.microsoft.com/graph/api/message-update). */
export async function updateMessage(
  graph: GraphWrites,
  userId: string,
  messageId: string,
  patch: unknown,
): Promise<void> {
  await graph.sendJson('PATCH', messagePath(userId, messageId), patch, { resource: mailboxResource(userId) });
}

/** Sends a message from the user's mailbox, kept in Sent Items (https://learn.microsoft.com/graph/api/user-sendmail). */
export async function sendMail(graph: GraphWrites, sender: string, message: unknown): Promise<void> {
  await graph.sendJson('POST', `${userPath(sender)}/sendMail`, { message }, { resource: mailboxResource(sender) });
}
