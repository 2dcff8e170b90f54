import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError, notFound } from '../http/errors.js';
import { jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import {
  addFolder,
  deleteMessage,
  findFolder,
  findMessage,
  folderMessages,
  isVisibleMailFolder,
  moveMessage,
  RECOVERABLE_ITEMS_DELETIONS,
  rootFolderId,
  softDeleteMessage,
  storeMessage,
  touchMessage,
} from '../model/mailbox.js';
import { contentSource } from '../model/message-source.js';
import { readAll } from '../model/content.js';
import type { Mailbox, MessageRecord, UserRecord } from '../model/records.js';
import { mailboxTarget } from './targets.js';
import { receivedDateTimeFilter } from './received-filter.js';
import {
  attachmentFromJson,
  contentFromJson,
  customHeadersFromJson,
  messageFromRequest,
  type MessageJson,
} from './mail-create.js';
import { attachmentId, renderAttachment, renderFolder, renderMessage, renderRemoved } from './mail-render.js';
import { sameExtendedPropertyId } from '../http/extended-properties.js';
import { messageRecord } from '../model/mailbox.js';
import { exchangeIdFrom } from '../util/ids.js';

const MAILBOX = { resource: 'mailbox' as const };
const MESSAGE_REQUEST_LIMIT = 4 * 1024 * 1024;

function folderOf(mailbox: Mailbox, idOrName: string) {
  const folder = findFolder(mailbox, idOrName);
  if (!folder) throw notFound(`folder ${idOrName}`);
  return folder;
}

function messageOf(mailbox: Mailbox, id: string): MessageRecord {
  const message = findMessage(mailbox, id);
  if (!message) throw notFound(`message ${id}`);
  return message;
}

/** Mail: folders, messages, delta, MIME, attachments, sendMail (https://learn.microsoft.com/graph/api/resources/mail-api-overview). */
export function registerMailRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;

  router.add('GET', '/users/:userId/mailFolders', MAILBOX, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const top = [...mailbox.folders.values()].filter((folder) => folder.parentFolderId === rootFolderId(user.id));
    return pageOf(
      request,
      top.map((folder) => renderFolder(mailbox, folder)),
      { defaultSize: 10, maxSize: 1000 },
    );
  });

  // Folder hierarchy sync (https://learn.microsoft.com/graph/api/mailfolder-delta): every folder, flat.
  router.add('GET', '/users/:userId/mailFolders/delta', MAILBOX, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    return deltaPage(request, {
      scope: `mailFolders:${user.id}`,
      clock: tenant.clock,
      collections: [mailbox.folders],
      render: (folder) => renderFolder(mailbox, folder),
      renderRemoved: removedEntry('#microsoft.graph.mailFolder'),
      include: isVisibleMailFolder,
      ...OUTLOOK_DELTA,
      forceResync: (scope) => context.faults.forceResync(scope),
    });
  });

  router.add('GET', '/users/:userId/mailFolders/:folderId', MAILBOX, (request) => {
    const { mailbox } = mailboxTarget(context, request);
    return ok(renderFolder(mailbox, folderOf(mailbox, request.params['folderId'] as string)));
  });

  router.add('GET', '/users/:userId/mailFolders/:folderId/childFolders', MAILBOX, (request) => {
    const { mailbox } = mailboxTarget(context, request);
    const parent = folderOf(mailbox, request.params['folderId'] as string);
    const children = [...mailbox.folders.values()].filter((folder) => folder.parentFolderId === parent.id);
    return pageOf(
      request,
      children.map((folder) => renderFolder(mailbox, folder)),
      { defaultSize: 10, maxSize: 1000 },
    );
  });

  const createFolder = (
    request: GraphRequest,
    parentId: (mailbox: Mailbox, user: UserRecord) => string,
  ): GraphResponse => {
    const { mailbox, user } = mailboxTarget(context, request);
    const { displayName } = jsonBody<{ displayName?: string }>(request);
    if (!displayName) throw badRequest('displayName is required.', 'ErrorInvalidRequest');
    const parent = parentId(mailbox, user);
    const exists = [...mailbox.folders.values()].some(
      (folder) => folder.parentFolderId === parent && folder.displayName.toLowerCase() === displayName.toLowerCase(),
    );
    // A sibling with the same name is refused (https://learn.microsoft.com/graph/api/user-post-mailfolders).
    if (exists) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const folder = addFolder(mailbox, tenant.clock, { displayName, parentFolderId: parent }, true);
    return { status: 201, body: renderFolder(mailbox, folder) };
  };
  router.add('POST', '/users/:userId/mailFolders', MAILBOX, (request) =>
    createFolder(request, (_mailbox, user) => rootFolderId(user.id)),
  );
  router.add('POST', '/users/:userId/mailFolders/:folderId/childFolders', MAILBOX, (request) =>
    createFolder(request, (mailbox) => folderOf(mailbox, request.params['folderId'] as string).id),
  );

  router.add('GET', '/users/:userId/mailFolders/:folderId/messages', MAILBOX, (request) => {
    const { mailbox } = mailboxTarget(context, request);
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    const messages = [...folderMessages(mailbox, folder.id).values()].sort((a, b) =>
      b.receivedDateTime.localeCompare(a.receivedDateTime),
    );
    return pageOf(
      request,
      messages.map((message) => renderMessage(message, request.query.get('$select'), request)),
      { defaultSize: 10, maxSize: 1000 },
    );
  });

  // Per-folder message delta (https://learn.microsoft.com/graph/delta-query-messages).
  router.add('GET', '/users/:userId/mailFolders/:folderId/messages/delta', MAILBOX, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    const select = request.query.get('$select');
    const received = receivedDateTimeFilter(request.query.get('$filter'));
    return deltaPage(request, {
      scope: `messages:${user.id}:${folder.id}`,
      clock: tenant.clock,
      collections: [folderMessages(mailbox, folder.id)],
      render: (message) => renderMessage(message, select, request),
      renderRemoved,
      ...(received ? { include: received } : {}),
      ...OUTLOOK_DELTA,
      forceResync: (scope) => context.faults.forceResync(scope),
    });
  });

  const createMessage = (request: GraphRequest, folderIdOrName: string): GraphResponse => {
    // Requests to create a message are limited to about 4 MB; larger attachments go through upload sessions
    // (https://learn.microsoft.com/graph/outlook-large-attachments, https://learn.microsoft.com/graph/api/user-post-messages).
    if (request.body.length > MESSAGE_REQUEST_LIMIT) {
      throw new GraphError(
        413,
        'RequestBodyTooLarge',
        'The request body exceeds the 4 MB limit for creating a message.',
      );
    }
    const { mailbox, user } = mailboxTarget(context, request);
    const folder = folderOf(mailbox, folderIdOrName);
    const record = storeMessage(mailbox, messageFromRequest(request, user, folder.id), true);
    return { status: 201, body: renderMessage(record, null) };
  };
  router.add('POST', '/users/:userId/mailFolders/:folderId/messages', MAILBOX, (request) =>
    createMessage(request, request.params['folderId'] as string),
  );
  router.add('POST', '/users/:userId/messages', MAILBOX, (request) => createMessage(request, 'drafts'));

  for (const prefix of [
    '/users/:userId/messages/:messageId',
    '/users/:userId/mailFolders/:folderId/messages/:messageId',
  ]) {
    router.add('GET', prefix, MAILBOX, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      return ok(
        renderMessage(messageOf(mailbox, request.params['messageId'] as string), request.query.get('$select'), request),
      );
    });
    // MIME of a message (https://learn.microsoft.com/graph/outlook-get-mime-message).
    router.add('GET', `${prefix}/$value`, MAILBOX, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      return {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: messageOf(mailbox, request.params['messageId'] as string).source.mime(),
      };
    });
    router.add('PATCH', prefix, MAILBOX, (request) => patchMessage(request, mailboxTarget(context, request).mailbox));
    // A soft delete into Recoverable Items Deletions (https://learn.microsoft.com/graph/api/message-delete). Items
    // already there "may not be able to" be deleted: Exchange refuses with ErrorCannotDeleteObject
    // (https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/7764); permanentDelete purges them.
    router.add('DELETE', prefix, MAILBOX, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const message = messageOf(mailbox, request.params['messageId'] as string);
      if (findFolder(mailbox, RECOVERABLE_ITEMS_DELETIONS)?.id === message.parentFolderId)
        throw badRequest('Object cannot be deleted.', 'ErrorCannotDeleteObject');
      softDeleteMessage(mailbox, message);
      return { status: 204 };
    });
    // "Permanently delete a message and place it in the purges folder in the dumpster", where no client reaches it
    // (https://learn.microsoft.com/graph/api/message-permanentdelete): gone for every API, 204 without a body.
    router.add('POST', `${prefix}/permanentDelete`, MAILBOX, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      deleteMessage(mailbox, messageOf(mailbox, request.params['messageId'] as string));
      return { status: 204 };
    });
    router.add('POST', `${prefix}/move`, MAILBOX, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const { destinationId } = jsonBody<{ destinationId?: string }>(request);
      const destination = folderOf(mailbox, destinationId ?? '');
      const moved = moveMessage(mailbox, messageOf(mailbox, request.params['messageId'] as string), destination.id);
      return { status: 201, body: renderMessage(moved, null) };
    });
    registerAttachmentRoutes(router, context, prefix);
  }

  // sendMail (https://learn.microsoft.com/graph/api/user-sendmail): 202, captured in the outbox, copied to Sent Items.
  router.add('POST', '/users/:userId/sendMail', MAILBOX, (request) => {
    const { mailbox, user } = mailboxTarget(context, request);
    const { message, saveToSentItems } = jsonBody<{ message?: MessageJson; saveToSentItems?: boolean }>(request);
    if (!message) throw badRequest('The message is required.', 'ErrorInvalidRequest');
    if (!message.toRecipients?.length && !message.ccRecipients?.length)
      throw badRequest('At least one recipient is required.', 'ErrorInvalidRecipients');
    const now = new Date();
    const content = contentFromJson({ ...message, from: undefined, sender: undefined }, user, now);
    tenant.outbox.push({
      userId: user.id,
      sentDateTime: now.toISOString(),
      message: content,
      saveToSentItems: saveToSentItems ?? true,
    });
    if (saveToSentItems ?? true) {
      const sent = folderOf(mailbox, 'sentitems');
      const record = messageRecord({
        id: exchangeIdFrom('AAMkAGI2', user.id, 'sent', tenant.outbox.length, now.toISOString()),
        folderId: sent.id,
        source: contentSource(content),
        content,
        isRead: true,
        isDraft: false,
        receivedDateTime: now.toISOString(),
        sentDateTime: now.toISOString(),
        createdDateTime: now.toISOString(),
      });
      storeMessage(mailbox, record, true);
    }
    return { status: 202 };
  });
}

/**
 * PATCH of a message (https://learn.microsoft.com/graph/api/message-update): isRead, flag, categories, importance and
 * single-value extended properties (set or changed by id, https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties)
 * for any message; subject, body and custom headers only for drafts ("After the message is sent, you cannot modify
 * the headers", https://learn.microsoft.com/graph/api/resources/message).
 */
function patchMessage(request: GraphRequest, mailbox: Mailbox): GraphResponse {
  const message = messageOf(mailbox, request.params['messageId'] as string);
  const patch = jsonBody<{
    isRead?: boolean;
    flag?: { flagStatus?: string };
    categories?: string[];
    importance?: string;
    subject?: string;
    body?: { contentType?: string; content?: string };
    singleValueExtendedProperties?: Array<{ id?: string; value?: string }>;
    internetMessageHeaders?: Array<{ name?: string; value?: string }>;
  }>(request);
  if (patch.internetMessageHeaders !== undefined && !message.isDraft)
    throw badRequest(
      'The internet message headers of a sent message cannot be changed.',
      'ErrorInvalidPropertyUpdateSentMessage',
    );
  const headers =
    patch.internetMessageHeaders === undefined ? undefined : customHeadersFromJson(patch.internetMessageHeaders);
  for (const property of patch.singleValueExtendedProperties ?? []) {
    if (!property.id || property.value === undefined)
      throw badRequest('Each extended property needs an id and a value.', 'ErrorInvalidExtendedProperty');
    const existing = message.singleValueExtendedProperties.find((candidate) =>
      sameExtendedPropertyId(candidate.id, property.id as string),
    );
    if (existing) existing.value = property.value;
    else message.singleValueExtendedProperties.push({ id: property.id, value: property.value });
  }
  if (patch.isRead !== undefined) message.isRead = patch.isRead;
  if (patch.flag?.flagStatus) {
    if (!['notFlagged', 'flagged', 'complete'].includes(patch.flag.flagStatus))
      throw badRequest(`Invalid flagStatus '${patch.flag.flagStatus}'.`);
    message.flag = { flagStatus: patch.flag.flagStatus as MessageRecord['flag']['flagStatus'] };
  }
  if (patch.categories) message.categories = patch.categories;
  if (patch.importance) message.importance = patch.importance as MessageRecord['importance'];
  if ((patch.subject !== undefined || patch.body !== undefined || headers !== undefined) && message.isDraft) {
    const content = message.source.content();
    const updated = {
      ...content,
      ...(headers !== undefined ? { headers } : {}),
      subject: patch.subject ?? content.subject,
      body: patch.body
        ? {
            contentType: patch.body.contentType?.toLowerCase() === 'html' ? ('html' as const) : ('text' as const),
            content: patch.body.content ?? '',
          }
        : content.body,
    };
    message.source = contentSource(updated);
    message.subject = updated.subject;
  }
  return ok(renderMessage(touchMessage(mailbox, message), null));
}

/** `$expand=microsoft.graph.itemattachment/item` (https://learn.microsoft.com/graph/api/attachment-get, example 3). */
function expandsItem(request: GraphRequest): boolean {
  return /itemattachment\/item/i.test(request.query.get('$expand') ?? '');
}

/** Outlook attachment limits (https://learn.microsoft.com/graph/outlook-large-attachments): POST under 3 MB, sessions up to 150 MB in chunks of at most 4 MB. */
const INLINE_ATTACHMENT_LIMIT = 3 * 1024 * 1024;
const SESSION_ATTACHMENT_LIMIT = 150 * 1024 * 1024;
const ATTACHMENT_CHUNK_LIMIT = 4 * 1024 * 1024;

function registerAttachmentRoutes(router: Router, context: SimulatorContext, prefix: string): void {
  const attachmentsOf = (request: GraphRequest) => {
    const { mailbox } = mailboxTarget(context, request);
    const message = messageOf(mailbox, request.params['messageId'] as string);
    return { mailbox, message, attachments: message.source.content().attachments };
  };
  const indexOf = (messageId: string, count: number, id: string) => {
    for (let index = 0; index < count; index++) if (attachmentId(messageId, index) === id) return index;
    throw notFound(`attachment ${id}`);
  };
  router.add('GET', `${prefix}/attachments`, MAILBOX, (request) => {
    const { message, attachments } = attachmentsOf(request);
    const value = attachments.map((attachment, index) =>
      renderAttachment(message.id, index, attachment, message.lastModifiedDateTime, true, expandsItem(request)),
    );
    return ok({ value });
  });
  router.add('GET', `${prefix}/attachments/:attachmentId`, MAILBOX, (request) => {
    const { message, attachments } = attachmentsOf(request);
    const index = indexOf(message.id, attachments.length, request.params['attachmentId'] as string);
    return ok(
      renderAttachment(
        message.id,
        index,
        attachments[index] as (typeof attachments)[number],
        message.lastModifiedDateTime,
        true,
        expandsItem(request),
      ),
    );
  });
  // Raw attachment bytes (https://learn.microsoft.com/graph/api/attachment-get#get-the-raw-contents-of-a-file-attachment).
  router.add('GET', `${prefix}/attachments/:attachmentId/$value`, MAILBOX, (request) => {
    const { message, attachments } = attachmentsOf(request);
    const attachment = attachments[indexOf(message.id, attachments.length, request.params['attachmentId'] as string)];
    return {
      status: 200,
      headers: { 'content-type': attachment?.contentType ?? 'application/octet-stream' },
      body: attachment?.bytes ?? Buffer.alloc(0),
    };
  });
  router.add('POST', `${prefix}/attachments`, MAILBOX, (request) => {
    const { mailbox, message } = attachmentsOf(request);
    const attachment = attachmentFromJson(jsonBody(request));
    if (attachment.bytes.length > INLINE_ATTACHMENT_LIMIT) {
      throw new GraphError(
        413,
        'ErrorAttachmentSizeLimitExceeded',
        'Attachments larger than 3 MB must be uploaded with an upload session.',
      );
    }
    const index = addAttachment(mailbox, message, attachment);
    return { status: 201, body: renderAttachment(message.id, index, attachment, message.lastModifiedDateTime, true) };
  });
  router.add('POST', `${prefix}/attachments/createUploadSession`, MAILBOX, (request) => {
    const { mailbox, message } = attachmentsOf(request);
    const { AttachmentItem: item } = jsonBody<{
      AttachmentItem?: {
        attachmentType?: string;
        name?: string;
        size?: number;
        contentType?: string;
        isInline?: boolean;
        contentId?: string;
      };
    }>(request);
    if (!item?.name || !item.size) throw badRequest('AttachmentItem needs name and size.', 'ErrorInvalidRequest');
    if (item.size > SESSION_ATTACHMENT_LIMIT)
      throw new GraphError(413, 'ErrorAttachmentSizeLimitExceeded', 'Attachments may not exceed 150 MB.');
    const session = context.uploads.create({
      rules: { maxChunkBytes: ATTACHMENT_CHUNK_LIMIT },
      progressStatus: 200,
      resource: `mailbox:${mailbox.userId}`,
      complete: async (content) => {
        const bytes = await readAll(content);
        const current = findMessage(mailbox, message.id) ?? message;
        const index = addAttachment(mailbox, current, {
          name: item.name as string,
          contentType: item.contentType ?? 'application/octet-stream',
          isInline: item.isInline ?? false,
          ...(item.contentId ? { contentId: item.contentId } : {}),
          bytes,
        });
        const location = `${context.url}/v1.0/users/${mailbox.userId}/messages/${current.id}/attachments/${attachmentId(current.id, index)}`;
        return { status: 201, headers: { location } };
      },
    });
    return { status: 201, body: { ...session, nextExpectedRanges: ['0-'] } };
  });
}

function addAttachment(
  mailbox: Mailbox,
  message: MessageRecord,
  attachment: ReturnType<typeof attachmentFromJson>,
): number {
  const content = message.source.content();
  const updated = { ...content, attachments: [...content.attachments, attachment] };
  message.source = contentSource(updated);
  message.hasAttachments = updated.attachments.some((candidate) => !candidate.isInline);
  touchMessage(mailbox, message);
  return updated.attachments.length - 1;
}
