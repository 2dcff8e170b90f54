import { exchangeIdFrom } from '../util/ids.js';
import type { AttachmentContent } from '../mime/types.js';
import type { FolderRecord, Mailbox, MessageRecord } from '../model/records.js';
import { applySelect } from '../http/odata.js';
import { removedEntry } from '../http/delta.js';
import { withExtendedProperties } from '../http/extended-properties.js';
import type { GraphRequest } from '../http/types.js';
import { parseMime, topLevelHeaders } from '../mime/parse.js';
import { badRequest } from '../http/errors.js';
import { bodyAs, htmlToText, preferredBodyType, type ItemBody } from './mail-body.js';

/** Outlook's change key: changes whenever the item changes, as `@odata.etag` does. */
export function changeKeyOf(seq: number, id: string): string {
  return exchangeIdFrom('CQAAABYAAA', id, seq).slice(0, 40);
}

function recipient(address: { name: string; address: string }) {
  return { emailAddress: { name: address.name, address: address.address } };
}

function previewOf(body: ItemBody): string {
  const text = body.contentType === 'html' ? htmlToText(body.content) : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** Properties returned only when `$select` names them (https://learn.microsoft.com/graph/api/resources/message). */
const SELECT_ONLY = ['uniquebody', 'internetmessageheaders'];
const BODY_PROPERTIES = ['body', 'bodypreview', 'uniquebody'];

/** `$select` names, lower case; undefined without `$select`. */
function selectedNames(select: string | null): string[] | undefined {
  return select
    ?.toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * `$select` of a property the resource does not have is refused as Graph refuses it ("Could not find a property
 * named 'x' on type 'microsoft.graph.message'", https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters).
 */
export function refuseUnknownSelect(select: string | null, known: readonly string[], type: string): void {
  const names = new Set(known.map((name) => name.toLowerCase()));
  for (const name of selectedNames(select) ?? [])
    if (!names.has(name))
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${type}'.`);
}

/** The message's properties in the order the page's example shows them (https://learn.microsoft.com/graph/api/message-get). */
function messageProperties(message: MessageRecord): Record<string, unknown> {
  const changeKey = changeKeyOf(message.seq, message.id);
  return {
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey,
    categories: message.categories,
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: message.hasAttachments,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    importance: message.importance,
    parentFolderId: message.parentFolderId,
    conversationId: message.conversationId,
    conversationIndex: message.conversationIndex,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: message.inferenceClassification,
    sender: message.from ? recipient(message.from) : null,
    from: message.from ? recipient(message.from) : null,
    toRecipients: message.to.map(recipient),
    ccRecipients: message.cc.map(recipient),
    bccRecipients: message.bcc.map(recipient),
    replyTo: message.replyTo.map(recipient),
    flag: message.flag,
  };
}

/** Every property `$select` may name on a message (https://learn.microsoft.com/graph/api/resources/message#properties). */
export const MESSAGE_PROPERTIES: readonly string[] = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
  'body',
  'bodyPreview',
  'uniqueBody',
  'internetMessageHeaders',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
  'attachments',
  'extensions',
];

/**
 * The message resource (https://learn.microsoft.com/graph/api/resources/message) with its `@odata.etag`. The body is
 * read only when it is returned, in HTML unless `Prefer: outlook.body-content-type="text"` asks for text
 * (https://learn.microsoft.com/graph/api/message-get#request-headers); `uniqueBody` and `internetMessageHeaders` only
 * when selected; single-value extended properties only with `$expand=singleValueExtendedProperties($filter=id eq '…')`
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get), which `request` carries.
 */
export function renderMessage(
  message: MessageRecord,
  select: string | null,
  request?: GraphRequest,
): Record<string, unknown> {
  refuseUnknownSelect(select, MESSAGE_PROPERTIES, 'message');
  const selected = selectedNames(select);
  const wanted = (name: string) => (selected ? selected.includes(name) : !SELECT_ONLY.includes(name));
  const entity: Record<string, unknown> = {
    '@odata.etag': `W/"${changeKeyOf(message.seq, message.id)}"`,
    ...messageProperties(message),
  };
  if (BODY_PROPERTIES.some(wanted)) {
    const body = bodyAs(message.source.content().body, preferredBodyType(request) ?? 'html');
    entity['bodyPreview'] = previewOf(body);
    entity['body'] = body;
    if (wanted('uniquebody')) entity['uniqueBody'] = body;
  }
  if (wanted('internetmessageheaders')) entity['internetMessageHeaders'] = topLevelHeaders(message.source.mime());
  if (expansionsOf(request).includes('attachments'))
    entity['attachments'] = message.source
      .content()
      .attachments.map((attachment, index) =>
        renderAttachment(message.id, index, attachment, message.lastModifiedDateTime, true),
      );
  const rendered = applySelect(entity, selected ? `${select ?? ''},attachments` : null);
  return request ? withExtendedProperties(request, rendered, message.singleValueExtendedProperties) : rendered;
}

/** What a message may `$expand`: its attachments and its single-value extended properties (https://learn.microsoft.com/graph/api/resources/message#relationships). */
const EXPANDABLE = ['attachments', 'singlevalueextendedproperties'];

/** The navigation properties `$expand` names (`singleValueExtendedProperties($filter=…)` counts by its name); others are 400. */
function expansionsOf(request: GraphRequest | undefined): string[] {
  const expand = request?.query.get('$expand');
  if (!expand) return [];
  return expand.split(/,(?![^(]*\))/).map((part) => {
    const name = (part.split('(')[0] ?? '').trim().toLowerCase();
    if (!EXPANDABLE.includes(name))
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
    return name;
  });
}

/**
 * `@odata.context` of a mail answer: the metadata URL of the collection or entity (`users('…')/messages/$entity`),
 * with the `$select`ed properties in parentheses after the collection, as the pages' examples show.
 */
export function mailContext(request: GraphRequest, collection: string, suffix = ''): string {
  const select = request.query.get('$select');
  const selection = select
    ? `(${select
        .split(',')
        .map((name) => name.trim())
        .join(',')})`
    : '';
  return `${request.graphBaseUrl}/$metadata#users('${request.params['userId'] ?? ''}')/${collection}${selection}${suffix}`;
}

/** A deleted or moved-out message in a delta response (https://learn.microsoft.com/graph/delta-query-messages). */
export const renderRemoved = removedEntry('#microsoft.graph.message');

export function attachmentId(messageId: string, index: number): string {
  return exchangeIdFrom('AAMkAGI2att', messageId, index);
}

/** An attached message (`message/rfc822`) is an itemAttachment (https://learn.microsoft.com/graph/api/resources/itemattachment). */
export function isItemAttachment(attachment: AttachmentContent): boolean {
  return attachment.contentType.toLowerCase() === 'message/rfc822';
}

/**
 * A file or item attachment (https://learn.microsoft.com/graph/api/attachment-get): an item attachment has no
 * contentBytes; `$expand=microsoft.graph.itemattachment/item` adds the attached message's properties.
 */
export function renderAttachment(
  messageId: string,
  index: number,
  attachment: AttachmentContent,
  modified: string,
  withBytes: boolean,
  expandItem = false,
): Record<string, unknown> {
  if (isItemAttachment(attachment)) {
    const rendered: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.itemAttachment',
      id: attachmentId(messageId, index),
      lastModifiedDateTime: modified,
      name: attachment.name,
      contentType: null,
      size: attachment.bytes.length,
      isInline: attachment.isInline,
    };
    if (expandItem) {
      const item = parseMime(attachment.bytes);
      const address = (value: { name: string; address: string }) => recipient(value);
      rendered['item'] = {
        '@odata.type': '#microsoft.graph.message',
        id: '',
        sentDateTime: item.date.toISOString(),
        hasAttachments: item.attachments.some((candidate) => !candidate.isInline),
        internetMessageId: item.messageId ? `<${item.messageId}>` : null,
        subject: item.subject,
        body: item.body,
        sender: item.from ? address(item.from) : null,
        from: item.from ? address(item.from) : null,
        toRecipients: item.to.map(address),
        ccRecipients: item.cc.map(address),
        bccRecipients: (item.bcc ?? []).map(address),
      };
    }
    return rendered;
  }
  return {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': attachment.contentType,
    id: attachmentId(messageId, index),
    lastModifiedDateTime: modified,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.bytes.length,
    isInline: attachment.isInline,
    contentId: attachment.contentId ?? null,
    contentLocation: null,
    ...(withBytes ? { contentBytes: attachment.bytes.toString('base64') } : {}),
  };
}

/** The mailFolder properties `$select` may name (https://learn.microsoft.com/graph/api/resources/mailfolder#properties). */
export const FOLDER_PROPERTIES: readonly string[] = [
  'id',
  'displayName',
  'parentFolderId',
  'childFolderCount',
  'unreadItemCount',
  'totalItemCount',
  'isHidden',
  'childFolders',
  'messages',
  'messageRules',
  'singleValueExtendedProperties',
  'multiValueExtendedProperties',
];

/**
 * The mailFolder resource with the properties the pages' examples show (https://learn.microsoft.com/graph/api/user-list-mailfolders),
 * counts computed live; v1.0 has no wellKnownName or sizeInBytes (beta only).
 */
export function renderFolder(mailbox: Mailbox, folder: FolderRecord): Record<string, unknown> {
  const messages = mailbox.messages.get(folder.id);
  let unread = 0;
  for (const message of messages?.values() ?? []) if (!message.isRead) unread++;
  let children = 0;
  for (const candidate of mailbox.folders.values()) if (candidate.parentFolderId === folder.id) children++;
  return {
    id: folder.id,
    displayName: folder.displayName,
    parentFolderId: folder.parentFolderId,
    childFolderCount: children,
    unreadItemCount: unread,
    totalItemCount: messages?.size ?? 0,
    isHidden: folder.isHidden ?? false,
  };
}
