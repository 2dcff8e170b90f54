import { exchangeIdFrom } from '../util/ids.js';
import type { AttachmentContent } from '../mime/types.js';
import type { FolderRecord, Mailbox, MessageRecord } from '../model/records.js';
import { applySelect } from '../http/odata.js';
import { removedEntry } from '../http/delta.js';
import { withExtendedProperties } from '../http/extended-properties.js';
import type { GraphRequest } from '../http/types.js';
import { parseMime, topLevelHeaders } from '../mime/parse.js';

/** Outlook's change key: changes whenever the item changes, as `@odata.etag` does. */
export function changeKeyOf(seq: number, id: string): string {
  return exchangeIdFrom('CQAAABYAAA', id, seq).slice(0, 40);
}

function recipient(address: { name: string; address: string }) {
  return { emailAddress: { name: address.name, address: address.address } };
}

function previewOf(content: string, contentType: 'text' | 'html'): string {
  const text = contentType === 'html' ? content.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ') : content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

const BODY_PROPERTIES = ['body', 'bodypreview', 'uniquebody'];

/**
 * The message resource (https://learn.microsoft.com/graph/api/resources/message); the body is read only when selected.
 * `internetMessageHeaders` is "returned only on applying a $select query option"; single-value extended properties
 * only with `$expand=singleValueExtendedProperties($filter=id eq '…')`
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get), which `request` carries.
 */
export function renderMessage(
  message: MessageRecord,
  select: string | null,
  request?: GraphRequest,
): Record<string, unknown> {
  const selected = select
    ?.toLowerCase()
    .split(',')
    .map((name) => name.trim());
  const needsBody = !selected || selected.some((name) => BODY_PROPERTIES.includes(name));
  const changeKey = changeKeyOf(message.seq, message.id);
  const entity: Record<string, unknown> = {
    '@odata.etag': `W/"${changeKey}"`,
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
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: message.isDraft,
    inferenceClassification: 'focused',
    sender: message.from ? recipient(message.from) : null,
    from: message.from ? recipient(message.from) : null,
    toRecipients: message.to.map(recipient),
    ccRecipients: message.cc.map(recipient),
    bccRecipients: message.bcc.map(recipient),
    replyTo: message.replyTo.map(recipient),
    flag: message.flag,
  };
  if (needsBody) {
    const { body } = message.source.content();
    entity['bodyPreview'] = previewOf(body.content, body.contentType);
    entity['body'] = body;
  }
  if (selected?.includes('internetmessageheaders')) {
    entity['internetMessageHeaders'] = topLevelHeaders(message.source.mime());
  }
  const rendered = applySelect(entity, select);
  return request ? withExtendedProperties(request, rendered, message.singleValueExtendedProperties) : rendered;
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

/** The mailFolder resource (https://learn.microsoft.com/graph/api/resources/mailfolder), counts computed live. */
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
    sizeInBytes: 0,
    isHidden: false,
    ...(folder.wellKnownName ? { wellKnownName: folder.wellKnownName } : {}),
  };
}
