import { randomUUID } from 'node:crypto';
import { badRequest } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';
import { parseMime } from '../mime/parse.js';
import type { Address, AttachmentContent, MessageContent } from '../mime/types.js';
import { messageRecord } from '../model/mailbox.js';
import { contentSource, mimeSource } from '../model/message-source.js';
import type { MessageRecord, UserRecord } from '../model/records.js';
import { exchangeIdFrom } from '../util/ids.js';
import { jsonBody } from '../http/odata.js';

interface RecipientJson {
  emailAddress?: { name?: string; address?: string };
}

interface AttachmentJson {
  '@odata.type'?: string;
  name?: string;
  contentType?: string;
  contentBytes?: string;
  isInline?: boolean;
  contentId?: string;
}

export interface MessageJson {
  subject?: string;
  body?: { contentType?: string; content?: string };
  from?: RecipientJson;
  sender?: RecipientJson;
  toRecipients?: RecipientJson[];
  ccRecipients?: RecipientJson[];
  isRead?: boolean;
  internetMessageId?: string;
  attachments?: AttachmentJson[];
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

/** PidTagMessageFlags (https://learn.microsoft.com/office/client-developer/outlook/mapi/pidtagmessageflags-canonical-property). */
const MSGFLAG_READ = 0x1;
const MSGFLAG_UNSENT = 0x8;

function address(recipient: RecipientJson | undefined): Address | undefined {
  const value = recipient?.emailAddress;
  return value?.address ? { name: value.name ?? '', address: value.address } : undefined;
}

export function attachmentFromJson(json: AttachmentJson): AttachmentContent {
  if (json['@odata.type'] && json['@odata.type'] !== '#microsoft.graph.fileAttachment') {
    throw badRequest(`Only file attachments are supported by the simulator, not ${json['@odata.type']}.`);
  }
  if (!json.name || json.contentBytes === undefined)
    throw badRequest('A file attachment needs name and contentBytes.', 'ErrorInvalidRequest');
  return {
    name: json.name,
    contentType: json.contentType ?? 'application/octet-stream',
    isInline: json.isInline ?? false,
    ...(json.contentId ? { contentId: json.contentId } : {}),
    bytes: Buffer.from(json.contentBytes, 'base64'),
  };
}

export function contentFromJson(json: MessageJson, fallbackFrom: UserRecord, date: Date): MessageContent {
  const from = address(json.from) ??
    address(json.sender) ?? { name: fallbackFrom.displayName, address: fallbackFrom.mail };
  return {
    subject: json.subject ?? '',
    from,
    to: (json.toRecipients ?? []).map(address).filter((value): value is Address => value !== undefined),
    cc: (json.ccRecipients ?? []).map(address).filter((value): value is Address => value !== undefined),
    date,
    messageId: json.internetMessageId?.replace(/^<|>$/g, '') ?? `${randomUUID()}@custodia.sim`,
    body: {
      contentType: json.body?.contentType?.toLowerCase() === 'html' ? 'html' : 'text',
      content: json.body?.content ?? '',
    },
    attachments: (json.attachments ?? []).map(attachmentFromJson),
  };
}

function extendedProperty(json: MessageJson, id: string): string | undefined {
  return json.singleValueExtendedProperties?.find((property) => property.id.toLowerCase() === id.toLowerCase())?.value;
}

/**
 * `POST .../messages` (https://learn.microsoft.com/graph/api/user-post-messages). With `Content-Type: text/plain` the
 * body is base64 MIME and the message is created as a draft; as JSON it is a draft too unless PidTagMessageFlags
 * (`Integer 0x0E07`) clears "unsent", and `SystemTime 0x0039` / `SystemTime 0x0E06` set the sent and received times.
 */
export function messageFromRequest(request: GraphRequest, user: UserRecord, folderId: string): MessageRecord {
  const now = new Date().toISOString();
  const id = exchangeIdFrom('AAMkAGI2', user.id, 'created', randomUUID());
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('text/plain')) {
    const mime = Buffer.from(request.body.toString('latin1').replace(/\s+/g, ''), 'base64');
    if (mime.length === 0)
      throw badRequest('The MIME content is empty or not base64.', 'ErrorMimeContentInvalidBase64String');
    const content = parseMime(mime);
    const date = content.date.getTime() > 0 ? content.date.toISOString() : now;
    return messageRecord({
      id,
      folderId,
      source: mimeSource(mime),
      content,
      isRead: true,
      isDraft: true,
      receivedDateTime: date,
      sentDateTime: date,
      createdDateTime: now,
    });
  }
  const json = jsonBody<MessageJson>(request);
  const flags = extendedProperty(json, 'Integer 0x0E07');
  const sent = extendedProperty(json, 'SystemTime 0x0039');
  const received = extendedProperty(json, 'SystemTime 0x0E06');
  const flagValue = flags === undefined ? undefined : Number(flags);
  const content = contentFromJson(json, user, new Date(sent ?? received ?? now));
  return messageRecord({
    id,
    folderId,
    source: contentSource(content),
    content,
    isRead: json.isRead ?? (flagValue !== undefined ? (flagValue & MSGFLAG_READ) !== 0 : true),
    isDraft: flagValue === undefined ? true : (flagValue & MSGFLAG_UNSENT) !== 0,
    receivedDateTime: new Date(received ?? sent ?? now).toISOString(),
    sentDateTime: new Date(sent ?? received ?? now).toISOString(),
    createdDateTime: now,
    extendedProperties: json.singleValueExtendedProperties ?? [],
  });
}
