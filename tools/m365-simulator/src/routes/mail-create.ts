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
import { buildMime } from '../mime/build.js';

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
  /** The attached Outlook item of an itemAttachment. */
  item?: MessageJson & { '@odata.type'?: string };
}

export interface MessageJson {
  subject?: string;
  body?: { contentType?: string; content?: string };
  from?: RecipientJson;
  sender?: RecipientJson;
  toRecipients?: RecipientJson[];
  ccRecipients?: RecipientJson[];
  bccRecipients?: RecipientJson[];
  replyTo?: RecipientJson[];
  internetMessageHeaders?: Array<{ name?: string; value?: string }>;
  isRead?: boolean;
  importance?: string;
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

/** Item attachments nest (https://learn.microsoft.com/graph/api/attachment-get: "nested attachments up to 30 levels"). */
const MAX_ITEM_NESTING = 30;

/**
 * A file attachment, or an item attachment carrying a message (https://learn.microsoft.com/graph/api/message-post-attachments),
 * which the MIME holds as a `message/rfc822` part (https://learn.microsoft.com/graph/outlook-get-mime-message).
 */
export function attachmentFromJson(json: AttachmentJson, depth = 0): AttachmentContent {
  const type = json['@odata.type']?.replace(/^#/, '').toLowerCase();
  if (type === 'microsoft.graph.itemattachment') {
    const item = json.item;
    const itemType = item?.['@odata.type']?.replace(/^#/, '').toLowerCase() ?? 'microsoft.graph.message';
    if (!item || itemType !== 'microsoft.graph.message')
      throw badRequest(
        'The simulator supports item attachments that carry a message (microsoft.graph.message) only.',
        'ErrorInvalidRequest',
      );
    if (depth >= MAX_ITEM_NESTING) throw badRequest('Item attachments nest at most 30 levels.', 'ErrorInvalidRequest');
    const content = contentFromJson(item, undefined, new Date(), depth + 1);
    return {
      name: json.name ?? content.subject,
      contentType: 'message/rfc822',
      isInline: json.isInline ?? false,
      bytes: buildMime(content),
    };
  }
  if (type && type !== 'microsoft.graph.fileattachment') {
    throw badRequest(`Only file and item attachments are supported by the simulator, not ${json['@odata.type']}.`);
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

export const addressesFromJson = (recipients: RecipientJson[] | undefined): Address[] =>
  (recipients ?? []).map(address).filter((value): value is Address => value !== undefined);

/** An itemBody as posted: `contentType` "text" or "html" in any case, text when absent (https://learn.microsoft.com/graph/api/resources/itembody). */
export function bodyFromJson(body: MessageJson['body']): MessageContent['body'] {
  return { contentType: body?.contentType?.toLowerCase() === 'html' ? 'html' : 'text', content: body?.content ?? '' };
}

/** `importance`: "The possible values are: Low, Normal, High" (https://learn.microsoft.com/graph/api/message-update), kept lower case as Graph returns it. */
export function importanceFromJson(importance: string | undefined): MessageRecord['importance'] | undefined {
  if (importance === undefined) return undefined;
  const value = importance.toLowerCase();
  if (value !== 'low' && value !== 'normal' && value !== 'high')
    throw badRequest(`Invalid importance '${importance}'.`, 'ErrorInvalidRequest');
  return value;
}

/** Exchange keeps at most five custom headers on a message (Microsoft Q&A 762243, the error Graph answers). */
const MAX_CUSTOM_HEADERS = 5;

/**
 * Custom internet message headers: "Add custom headers only when creating a message, and name them starting with
 * 'x-'" (https://learn.microsoft.com/graph/api/resources/message). Graph refuses other names with 400
 * InvalidInternetMessageHeader and more than five with 400 InvalidInternetMessageHeaderCollection
 * (https://learn.microsoft.com/answers/questions/762243/is-there-a-way-to-bypass-the-limit-of-internetmess).
 */
export function customHeadersFromJson(headers: MessageJson['internetMessageHeaders']): Array<[string, string]> {
  if (!headers) return [];
  if (headers.length > MAX_CUSTOM_HEADERS)
    throw badRequest(
      `Maximum number of headers in one message should be less than or equal to ${MAX_CUSTOM_HEADERS}.`,
      'InvalidInternetMessageHeaderCollection',
    );
  return headers.map((header) => {
    const name = header.name ?? '';
    if (!/^x-[\x21-\x39\x3b-\x7e]+$/i.test(name))
      throw badRequest(
        `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
        'InvalidInternetMessageHeader',
      );
    return [name, (header.value ?? '').replace(/[\r\n]+/g, ' ')];
  });
}

export function contentFromJson(
  json: MessageJson,
  fallbackFrom: UserRecord | undefined,
  date: Date,
  depth = 0,
): MessageContent {
  const from =
    address(json.from) ??
    address(json.sender) ??
    (fallbackFrom ? { name: fallbackFrom.displayName, address: fallbackFrom.mail } : undefined);
  const headers = customHeadersFromJson(json.internetMessageHeaders);
  const bcc = addressesFromJson(json.bccRecipients);
  const replyTo = addressesFromJson(json.replyTo);
  return {
    subject: json.subject ?? '',
    ...(from ? { from } : {}),
    to: addressesFromJson(json.toRecipients),
    cc: addressesFromJson(json.ccRecipients),
    ...(bcc.length ? { bcc } : {}),
    ...(replyTo.length ? { replyTo } : {}),
    ...(headers.length ? { headers } : {}),
    date,
    messageId: json.internetMessageId?.replace(/^<|>$/g, '') ?? `${randomUUID()}@custodia.sim`,
    body: bodyFromJson(json.body),
    attachments: (json.attachments ?? []).map((attachment) => attachmentFromJson(attachment, depth)),
  };
}

/**
 * MIME posted as text/plain must be base64; "If the request body includes malformed MIME content, this method returns
 * 400 Bad request" with `ErrorMimeContentInvalidBase64String` (https://learn.microsoft.com/graph/api/user-post-messages).
 * Line breaks are allowed between groups of four characters, anything else outside the base64 alphabet is not.
 */
export function strictBase64(text: string): Buffer {
  const compact = text.replace(/[\r\n\t ]+/g, '');
  const valid = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact);
  if (!valid || compact.length === 0)
    throw badRequest('Invalid base64 string for MIME content.', 'ErrorMimeContentInvalidBase64String');
  return Buffer.from(compact, 'base64');
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
    const mime = strictBase64(request.body.toString('latin1'));
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
  const importance = importanceFromJson(json.importance);
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
    ...(importance && { importance }),
  });
}
