import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA } from '../http/delta.js';
import { badRequest, GraphError } from '../http/errors.js';
import { jsonBody, ok, topParameter } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse, RouteMeta } from '../http/types.js';
import {
  deleteMessage,
  folderMessages,
  findFolder,
  isVisibleMailFolder,
  moveMessage,
  RECOVERABLE_ITEMS_DELETIONS,
  softDeleteMessage,
  storeMessage,
} from '../model/mailbox.js';
import type { Mailbox, MessageRecord } from '../model/records.js';
import { registerAttachmentRoutes } from './mail-attachments.js';
import { bodyPreferenceApplied } from './mail-body.js';
import { messageFromRequest } from './mail-create.js';
import { folderOf, messageOf } from './mail-lookup.js';
import { patchMessage } from './message-patch.js';
import { mailContext, renderMessage, renderRemoved } from './mail-render.js';
import { messageListPage } from './message-list.js';
import { receivedDateTimeFilter } from './received-filter.js';
import { collectionBody } from './skip-page.js';
import { mailboxTarget } from './targets.js';

/** "Delta query support $select, $top, and $expand for messages", `$filter` on receivedDateTime (https://learn.microsoft.com/graph/api/message-delta). */
const DELTA: RouteMeta = {
  resource: 'mailbox',
  query: ['$select', '$top', '$expand', '$filter', '$skiptoken', '$deltatoken'],
};
const LIST: RouteMeta = {
  resource: 'mailbox',
  query: ['$select', '$filter', '$orderby', '$top', '$skip', '$count', '$expand'],
};
const READ: RouteMeta = { resource: 'mailbox', query: ['$select', '$expand'] };
const PLAIN: RouteMeta = { resource: 'mailbox', query: [] };

const MESSAGE_REQUEST_LIMIT = 4 * 1024 * 1024;

const USER_MESSAGE = '/users/:userId/messages/:messageId';
const FOLDER_MESSAGE = '/users/:userId/mailFolders/:folderId/messages/:messageId';

function entityContext(request: GraphRequest): string {
  return mailContext(request, 'messages', '/$entity');
}

/** Every message of the folders mail clients show, Deleted Items included (https://learn.microsoft.com/graph/api/user-list-messages). */
function* visibleMessages(mailbox: Mailbox): Generator<MessageRecord> {
  for (const folder of mailbox.folders.values())
    if (isVisibleMailFolder(folder)) yield* folderMessages(mailbox, folder.id).values();
}

/**
 * Messages: lists (the mailbox's, a folder's), per-folder delta, create (JSON or base64 MIME), get (JSON or MIME),
 * update, delete, permanentDelete, move, and the attachments of each message.
 */
export function registerMessageRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;

  const list = (request: GraphRequest, messages: Iterable<MessageRecord>, collection: string): GraphResponse => {
    const page = messageListPage(request, messages);
    const select = request.query.get('$select');
    const value = page.page.map((message) => renderMessage(message, select, request));
    return ok(collectionBody(mailContext(request, collection), page, value), bodyPreferenceApplied(request));
  };
  router.add('GET', '/users/:userId/messages', LIST, (request) =>
    list(request, visibleMessages(mailboxTarget(context, request).mailbox), 'messages'),
  );
  // https://learn.microsoft.com/graph/api/mailfolder-list-messages
  router.add('GET', '/users/:userId/mailFolders/:folderId/messages', LIST, (request) => {
    const folderId = request.params['folderId'] as string;
    const folder = folderOf(mailboxTarget(context, request).mailbox, folderId);
    const messages = folderMessages(mailboxTarget(context, request).mailbox, folder.id).values();
    return list(request, messages, `mailFolders('${folderId}')/messages`);
  });

  // Per-folder message delta (https://learn.microsoft.com/graph/api/message-delta, /graph/delta-query-messages).
  router.add('GET', '/users/:userId/mailFolders/:folderId/messages/delta', DELTA, (request) => {
    if (request.query.has('changeType'))
      throw badRequest('The simulator does not filter message delta by changeType.', 'ErrorInvalidUrlQuery');
    const { mailbox, user } = mailboxTarget(context, request);
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    const select = request.query.get('$select');
    const received = receivedDateTimeFilter(request.query.get('$filter'), ['ge', 'gt']);
    const response = deltaPage(request, {
      scope: `messages:${user.id}:${folder.id}`,
      clock: tenant.clock,
      collections: [folderMessages(mailbox, folder.id)],
      render: (message) => renderMessage(message, select, request),
      renderRemoved,
      ...(received ? { include: received } : {}),
      ...OUTLOOK_DELTA,
      defaultPageSize: topParameter(request, OUTLOOK_DELTA.defaultPageSize, OUTLOOK_DELTA.maxPageSize),
      forceResync: (scope) => context.faults.forceResync(scope),
    });
    return { ...response, headers: { ...response.headers, ...bodyPreferenceApplied(request) } };
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
    return {
      status: 201,
      headers: bodyPreferenceApplied(request),
      body: { '@odata.context': entityContext(request), ...renderMessage(record, null, request) },
    };
  };
  // https://learn.microsoft.com/graph/api/mailfolder-post-messages
  router.add('POST', '/users/:userId/mailFolders/:folderId/messages', PLAIN, (request) =>
    createMessage(request, request.params['folderId'] as string),
  );
  // "By default, this operation saves the draft in the Drafts folder" (https://learn.microsoft.com/graph/api/user-post-messages).
  router.add('POST', '/users/:userId/messages', PLAIN, (request) => createMessage(request, 'drafts'));

  // A message "by id", or through its folder: other addresses of the same documented operations.
  for (const prefix of [USER_MESSAGE, FOLDER_MESSAGE]) {
    const add = (method: string, suffix: string, meta: RouteMeta, handler: Parameters<Router['add']>[3]) =>
      router.add(method, `${prefix}${suffix}`, meta, handler, `${USER_MESSAGE}${suffix}`);

    add('GET', '', READ, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const message = messageOf(mailbox, request.params['messageId'] as string);
      return ok(
        { '@odata.context': entityContext(request), ...renderMessage(message, request.query.get('$select'), request) },
        bodyPreferenceApplied(request),
      );
    });
    // MIME of a message (https://learn.microsoft.com/graph/outlook-get-mime-message): "Content-type: text/plain".
    add('GET', '/$value', PLAIN, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      return {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: messageOf(mailbox, request.params['messageId'] as string).source.mime(),
      };
    });
    add('PATCH', '', PLAIN, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const message = patchMessage(request, mailbox, messageOf(mailbox, request.params['messageId'] as string));
      return ok(
        { '@odata.context': entityContext(request), ...renderMessage(message, null, request) },
        bodyPreferenceApplied(request),
      );
    });
    // A soft delete into Recoverable Items Deletions (https://learn.microsoft.com/graph/api/message-delete). Items
    // already there "may not be able to" be deleted: Exchange refuses with ErrorCannotDeleteObject
    // (https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/7764); permanentDelete purges them.
    add('DELETE', '', PLAIN, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const message = messageOf(mailbox, request.params['messageId'] as string);
      if (findFolder(mailbox, RECOVERABLE_ITEMS_DELETIONS)?.id === message.parentFolderId)
        throw badRequest('Object cannot be deleted.', 'ErrorCannotDeleteObject');
      softDeleteMessage(mailbox, message);
      return { status: 204 };
    });
    // "Permanently delete a message and place it in the purges folder in the dumpster", where no client reaches it
    // (https://learn.microsoft.com/graph/api/message-permanentdelete): gone for every API, 204 without a body.
    add('POST', '/permanentDelete', PLAIN, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      deleteMessage(mailbox, messageOf(mailbox, request.params['messageId'] as string));
      return { status: 204 };
    });
    // "This creates a new copy of the message in the destination folder and removes the original message": 201 and
    // the message at its new id (https://learn.microsoft.com/graph/api/message-move).
    add('POST', '/move', PLAIN, (request) => {
      const { mailbox } = mailboxTarget(context, request);
      const { destinationId } = jsonBody<{ destinationId?: string }>(request);
      if (!destinationId) throw badRequest('destinationId is required.', 'ErrorInvalidRequest');
      const destination = folderOf(mailbox, destinationId);
      const moved = moveMessage(mailbox, messageOf(mailbox, request.params['messageId'] as string), destination.id);
      return {
        status: 201,
        headers: bodyPreferenceApplied(request),
        body: {
          '@odata.context': entityContext(request),
          '@odata.type': '#microsoft.graph.message',
          ...renderMessage(moved, null, request),
        },
      };
    });
    registerAttachmentRoutes(router, context, prefix, USER_MESSAGE);
  }
}
