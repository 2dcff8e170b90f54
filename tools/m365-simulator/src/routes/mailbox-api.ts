import { randomUUID } from 'node:crypto';
import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError } from '../http/errors.js';
import { withExtendedProperties, type ExtendedProperty } from '../http/extended-properties.js';
import { jsonBody, ok } from '../http/odata.js';
import { requirePermission, type RequiredPermissions } from '../http/permissions.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import { DeltaCollection } from '../model/delta-collection.js';
import { addFolder, folderMessages, isVisibleMailFolder, rootFolderId } from '../model/mailbox.js';
import { primaryMailboxIdOf, userOfMailbox } from '../model/mailbox-ids.js';
import {
  childFolders,
  findItemInMailbox,
  findMailboxFolder,
  folderCollections,
  folderItems,
  isWithin,
  viewOf,
  type FolderClass,
  type MailboxFolderView,
  type MailboxItemView,
  mailboxOnlyKind,
} from '../model/mailbox-view.js';
import type { FolderRecord, Mailbox, UserRecord } from '../model/records.js';
import { exchangeIdFrom } from '../util/ids.js';
import { requireUser } from './directory.js';
import { itemChangeKey, mailboxUrl, renderMailboxFolder, renderMailboxItem } from './mailbox-render.js';
import { listPage, selectOf, type QueryableProperty } from './mailbox-query.js';
import { receivedDateTimeFilter } from './received-filter.js';
import { pinOnWrite } from './targets.js';

/** Writes and actions: their pages name no query option. */
const MAILBOX = { resource: 'mailbox' as const, query: [] };
/** Lists: "$select, $filter, $top, $skip, $orderby, $count, and $expand" (mailbox-list-folders, mailboxfolder-list-items). */
const MAILBOX_LIST = {
  resource: 'mailbox' as const,
  query: ['$select', '$filter', '$top', '$skip', '$orderby', '$count', '$expand'],
};
/** Gets: "$select and $expand" (mailboxfolder-get, mailboxitem-get). */
const MAILBOX_GET = { resource: 'mailbox' as const, query: ['$select', '$expand'] };
/** Folder delta: `$select`, and the state tokens of its links (mailboxfolder-delta). */
const FOLDER_DELTA = { resource: 'mailbox' as const, query: ['$select', '$skiptoken', '$deltatoken'] };
/**
 * Item delta: `$select`, `$top`, `$filter` on receivedDateTime and the state tokens (mailboxitem-delta). Its
 * `$orderby=receivedDateTime desc` is not implemented, so it is refused rather than ignored.
 */
const ITEM_DELTA = { resource: 'mailbox' as const, query: ['$select', '$top', '$filter', '$skiptoken', '$deltatoken'] };
/** The folder classes a client can create ("IPF.Note", "IPF.Contact", "IPF.Appointment", "IPF.Task", "IPF.StickyNote"). */
const FOLDER_TYPES: readonly FolderClass[] = [
  'IPF.Note',
  'IPF.Contact',
  'IPF.Appointment',
  'IPF.Task',
  'IPF.StickyNote',
];

/** Permissions from each API page's table (https://learn.microsoft.com/graph/api/mailbox-list-folders and siblings). */
const READ_FOLDERS: RequiredPermissions = {
  application: ['MailboxFolder.Read.All', 'MailboxFolder.ReadWrite.All'],
  delegated: ['MailboxFolder.Read', 'MailboxFolder.ReadWrite'],
};
const WRITE_FOLDERS: RequiredPermissions = {
  application: ['MailboxFolder.ReadWrite.All'],
  delegated: ['MailboxFolder.ReadWrite'],
};
const READ_ITEMS: RequiredPermissions = { application: ['MailboxItem.Read.All'], delegated: ['MailboxItem.Read'] };
const EXPORT_ITEMS: RequiredPermissions = {
  application: ['MailboxItem.Export.All', 'MailboxItem.ImportExport.All'],
  delegated: ['MailboxItem.Export', 'MailboxItem.ImportExport'],
};
const IMPORT_ITEMS: RequiredPermissions = {
  application: ['MailboxItem.ImportExport.All'],
  delegated: ['MailboxItem.ImportExport'],
};
/** https://learn.microsoft.com/graph/api/usersettings-list-exchange */
const READ_EXCHANGE_SETTINGS: RequiredPermissions = {
  application: ['User.Read.All', 'User.ReadWrite.All'],
  delegated: ['User.Read.All', 'User.ReadWrite.All'],
};

/** "You can export up to 20 items in a single export request." (https://learn.microsoft.com/graph/api/mailbox-exportitems) */
export const EXPORT_ITEMS_LIMIT = 20;

const FOLDER_PROPERTIES: Record<string, QueryableProperty> = {
  displayName: { kind: 'string' },
  type: { kind: 'string' },
  wellKnownName: { kind: 'string' },
  parentFolderId: { kind: 'string' },
  childFolderCount: { kind: 'number' },
  totalItemCount: { kind: 'number' },
};
const ITEM_PROPERTIES: Record<string, QueryableProperty> = {
  createdDateTime: { kind: 'date' },
  lastModifiedDateTime: { kind: 'date' },
  type: { kind: 'string' },
  size: { kind: 'number' },
  changeKey: { kind: 'string' },
};

export interface MailboxTarget {
  mailboxId: string;
  user: UserRecord;
  mailbox: Mailbox;
}

/** A mailbox named by its id, as `/admin/exchange/mailboxes/{mailboxId}` addresses it. */
export function mailboxById(context: SimulatorContext, request: GraphRequest, mailboxId: string): MailboxTarget {
  const user = userOfMailbox(context.tenant, mailboxId);
  if (!user)
    throw new GraphError(404, 'ErrorNonExistentMailbox', `The mailbox '${mailboxId}' doesn't exist in this tenant.`);
  // A delegated caller reaches the signed-in user's own mailbox only.
  if (request.caller.kind === 'delegated' && request.caller.userId !== user.id)
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  return {
    mailboxId: primaryMailboxIdOf(context.tenant, user),
    user,
    mailbox: pinOnWrite(request, context.tenant.mailbox(user)),
  };
}

/**
 * The mailbox import and export API (https://learn.microsoft.com/graph/api/resources/mailbox-import-export-api-overview):
 * Exchange settings (the mailbox id), folders and items of every class with delta, full-fidelity export, import
 * sessions. Items and folders have the ids the mail, contacts and calendar APIs give them.
 */
export function registerMailboxApiRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  const target = (request: GraphRequest) => mailboxById(context, request, request.params['mailboxId'] as string);
  const folderOf = (mailbox: Mailbox, idOrName: string): MailboxFolderView => {
    const folder = findMailboxFolder(mailbox, idOrName);
    if (!folder) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return folder;
  };
  const base = (mailboxId: string) => `/admin/exchange/mailboxes/${mailboxId}`;
  const presentFolder = (request: GraphRequest, folder: MailboxFolderView, hiddenToo: boolean) => {
    const { mailbox, mailboxId } = target(request);
    const rendered: Record<string, unknown> = renderMailboxFolder(
      mailbox,
      folder,
      mailboxUrl(request.graphBaseUrl, mailboxId),
    );
    // "If you use $select, include isHidden to return the property" (returned with includeHiddenFolders=true).
    if (hiddenToo) rendered['isHidden'] = false;
    return withExtendedProperties(
      request,
      selectOf(rendered, request.query.get('$select'), ['parentMailboxUrl']),
      folder.record.singleValueExtendedProperties ?? [],
    );
  };
  const includeHidden = (request: GraphRequest) => /^true$/i.test(request.query.get('includeHiddenFolders') ?? '');
  const listFolders = (request: GraphRequest, parentId: string, context: string, linkPath: string) => {
    requirePermission(request, READ_FOLDERS);
    const { mailbox } = target(request);
    const hiddenToo = includeHidden(request);
    const folders = childFolders(mailbox, parentId);
    const rows = folders.map((folder) => ({ ...renderMailboxFolder(mailbox, folder, ''), __folder: folder }));
    return listPage(request, rows, {
      context,
      linkPath,
      properties: FOLDER_PROPERTIES,
      present: (row) => presentFolder(request, row['__folder'] as MailboxFolderView, hiddenToo),
    });
  };

  // Exchange settings: the user's primary mailbox id (https://learn.microsoft.com/graph/api/usersettings-list-exchange).
  // "This method doesn't support the OData query parameters."
  router.add('GET', '/users/:userId/settings/exchange', { resource: 'directory', query: [] }, (request) => {
    requirePermission(request, READ_EXCHANGE_SETTINGS);
    const given = request.params['userId'] as string;
    const user = requireUser(context, given);
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#users('${encodeURIComponent(given)}')/settings/exchange/$entity`,
      primaryMailboxId: primaryMailboxIdOf(tenant, user),
    });
  });

  // List folders: those directly under the root (https://learn.microsoft.com/graph/api/mailbox-list-folders).
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders', MAILBOX_LIST, (request) => {
    const { mailbox, mailboxId } = target(request);
    return listFolders(
      request,
      rootFolderId(mailbox.userId),
      `admin/exchange/mailboxes/${mailboxId}/folders`,
      `${base(mailboxId)}/folders`,
    );
  });

  // Folder delta: every folder of every class, flat (https://learn.microsoft.com/graph/api/mailboxfolder-delta).
  const folderDelta = (request: GraphRequest, within: string | undefined): GraphResponse => {
    requirePermission(request, READ_FOLDERS);
    const { mailbox, user, mailboxId } = target(request);
    const select = request.query.get('$select');
    const parentMailboxUrl = mailboxUrl(request.graphBaseUrl, mailboxId);
    const render = (record: FolderRecord) =>
      selectOf(renderMailboxFolder(mailbox, viewOf(mailbox, record), parentMailboxUrl), select, ['parentMailboxUrl']);
    const inScope = (record: FolderRecord) =>
      isVisibleMailFolder(record) && (within === undefined || isWithin(mailbox, record, within));
    const removed = removedEntry('#microsoft.graph.mailboxFolder');
    const response = deltaPage(request, {
      scope: `mailboxFolders:${user.id}:${within ?? ''}`,
      clock: tenant.clock,
      collections: folderCollections(mailbox, tenant.clock),
      render,
      renderRemoved: removed,
      expand: (entry) => {
        if (entry.kind === 'item') return inScope(entry.item) ? [render(entry.item)] : [];
        return within === undefined || isWithin(mailbox, entry.last, within) ? [removed(entry.id)] : [];
      },
      ...OUTLOOK_DELTA,
      forceResync: (scope) => context.faults.forceResync(scope),
    });
    return withContext(response, `${request.graphBaseUrl}/$metadata#Collection(mailboxFolder)`);
  };
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/delta', FOLDER_DELTA, (request) =>
    folderDelta(request, undefined),
  );

  // Create a folder of any class (https://learn.microsoft.com/graph/api/mailbox-post-folders).
  const createFolder = (request: GraphRequest, parent: MailboxFolderView | undefined): GraphResponse => {
    requirePermission(request, WRITE_FOLDERS);
    const { mailbox, mailboxId } = target(request);
    const body = jsonBody<{
      displayName?: string;
      type?: string;
      singleValueExtendedProperties?: ExtendedProperty[];
    }>(request);
    if (!body.displayName) throw badRequest('displayName is required.', 'ErrorInvalidRequest');
    const type = FOLDER_TYPES.find((candidate) => candidate.toLowerCase() === body.type?.toLowerCase());
    if (!type)
      throw badRequest(
        `The simulator creates folders of type ${FOLDER_TYPES.join(', ')}, not '${body.type ?? ''}'.`,
        'ErrorInvalidRequest',
      );
    if (parent && parent.type !== type)
      throw badRequest(`A ${type} folder can't be created in a ${parent.type} folder.`, 'ErrorInvalidRequest');
    const parentId = parent?.record.id ?? rootFolderId(mailbox.userId);
    const taken = childFolders(mailbox, parentId).some(
      (folder) => folder.record.displayName.toLowerCase() === body.displayName?.toLowerCase(),
    );
    if (taken) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const record = newFolder(context, mailbox, type, body.displayName, parentId);
    if (body.singleValueExtendedProperties?.length)
      record.singleValueExtendedProperties = body.singleValueExtendedProperties;
    const rendered = renderMailboxFolder(mailbox, viewOf(mailbox, record), mailboxUrl(request.graphBaseUrl, mailboxId));
    return {
      status: 201,
      body: {
        '@odata.context': `${request.graphBaseUrl}/$metadata#admin/exchange/mailboxes('${encodeURIComponent(mailboxId)}')/folders/$entity`,
        ...rendered,
      },
    };
  };
  router.add('POST', '/admin/exchange/mailboxes/:mailboxId/folders', MAILBOX, (request) =>
    createFolder(request, undefined),
  );

  // Get folder (https://learn.microsoft.com/graph/api/mailboxfolder-get), also as a child of its parent.
  const getFolder = (request: GraphRequest, parentId: string | undefined) => {
    requirePermission(request, READ_FOLDERS);
    const { mailbox, mailboxId } = target(request);
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    if (parentId !== undefined && folder.record.parentFolderId !== folderOf(mailbox, parentId).record.id)
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#admin/exchange/mailboxes/${mailboxId}/folders$entity`,
      ...presentFolder(request, folder, includeHidden(request)),
    });
  };
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/:folderId', MAILBOX_GET, (request) =>
    getFolder(request, undefined),
  );

  // Child folders (https://learn.microsoft.com/graph/api/mailboxfolder-list-childfolders) and their delta.
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/:parentId/childFolders', MAILBOX_LIST, (request) => {
    const { mailbox, mailboxId } = target(request);
    const given = request.params['parentId'] as string;
    const parent = folderOf(mailbox, given);
    return listFolders(
      request,
      parent.record.id,
      `admin/exchange/mailboxes/${mailboxId}/folders('${given}')/childFolders`,
      `${base(mailboxId)}/folders('${given}')/childFolders`,
    );
  });
  router.add(
    'GET',
    '/admin/exchange/mailboxes/:mailboxId/folders/:parentId/childFolders/delta',
    FOLDER_DELTA,
    (request) => {
      const { mailbox } = target(request);
      return folderDelta(request, folderOf(mailbox, request.params['parentId'] as string).record.id);
    },
  );
  router.add(
    'GET',
    '/admin/exchange/mailboxes/:mailboxId/folders/:parentId/childFolders/:folderId',
    MAILBOX_GET,
    (request) => getFolder(request, request.params['parentId'] as string),
  );
  router.add('POST', '/admin/exchange/mailboxes/:mailboxId/folders/:parentId/childFolders', MAILBOX, (request) => {
    const { mailbox } = target(request);
    return createFolder(request, folderOf(mailbox, request.params['parentId'] as string));
  });

  // List items (https://learn.microsoft.com/graph/api/mailboxfolder-list-items).
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/:folderId/items', MAILBOX_LIST, (request) => {
    requirePermission(request, READ_ITEMS);
    const { mailbox, mailboxId } = target(request);
    const given = request.params['folderId'] as string;
    const folder = folderOf(mailbox, given);
    const items = folderItems(mailbox, folder);
    const rows = items.map((item) => ({ ...renderMailboxItem(item), __item: item }));
    return listPage(request, rows, {
      context: `admin/exchange/mailboxes/${mailboxId}/folders('${given}')/items`,
      linkPath: `${base(mailboxId)}/folders('${given}')/items`,
      properties: ITEM_PROPERTIES,
      present: (row) => presentItem(request, row['__item'] as MailboxItemView),
    });
  });

  // Item delta of one folder (https://learn.microsoft.com/graph/api/mailboxitem-delta).
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/:folderId/items/delta', ITEM_DELTA, (request) => {
    requirePermission(request, READ_ITEMS);
    const { mailbox, user } = target(request);
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    const response = itemDelta(context, request, mailbox, user, folder);
    return withContext(response, `${request.graphBaseUrl}/$metadata#Collection(mailboxItem)`);
  });

  // Get item (https://learn.microsoft.com/graph/api/mailboxitem-get): the item must be in that folder.
  router.add('GET', '/admin/exchange/mailboxes/:mailboxId/folders/:folderId/items/:itemId', MAILBOX_GET, (request) => {
    requirePermission(request, READ_ITEMS);
    const { mailbox, mailboxId } = target(request);
    const given = request.params['folderId'] as string;
    const folder = folderOf(mailbox, given);
    const found = findItemInMailbox(mailbox, request.params['itemId'] as string);
    if (!found || found.folderId !== folder.record.id)
      throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#admin/exchange/mailboxes/${mailboxId}/folders('${given}')/items$entity`,
      ...presentItem(request, found.item),
    });
  });

  // Export items in full fidelity, at most 20 per request, each as data or as its own error
  // (https://learn.microsoft.com/graph/api/mailbox-exportitems, /graph/api/resources/exportitemresponse).
  router.add('POST', '/admin/exchange/mailboxes/:mailboxId/exportItems', MAILBOX, (request) => {
    requirePermission(request, EXPORT_ITEMS);
    const { mailbox } = target(request);
    const { itemIds } = jsonBody<{ itemIds?: unknown }>(request);
    if (!Array.isArray(itemIds) || itemIds.length === 0 || itemIds.some((id) => typeof id !== 'string'))
      throw badRequest('itemIds must be a non-empty collection of item ids.', 'ErrorInvalidRequest');
    if (itemIds.length > EXPORT_ITEMS_LIMIT)
      throw badRequest(
        `The maximum size of the itemIds collection is ${EXPORT_ITEMS_LIMIT}; the request has ${itemIds.length}.`,
        'ErrorInvalidRequest',
      );
    const value = (itemIds as string[]).map((itemId) => {
      const found = findItemInMailbox(mailbox, itemId);
      // Ids of other mailboxes are not found: "All identifiers in the collection must be for items in the same mailbox."
      if (!found)
        return {
          itemId,
          error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
        };
      return {
        itemId,
        changeKey: itemChangeKey(found.item),
        data: context.exportStreams.streamOf(found.item).toString('base64'),
      };
    });
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#Collection(microsoft.graph.exportItemResponse)`,
      value,
    });
  });

  // An import session bound to this mailbox: 200 and a pre-authenticated importUrl, as the API page's example shows
  // (https://learn.microsoft.com/graph/api/mailbox-createimportsession; the how-to's prose says 201, its example 200).
  router.add('POST', '/admin/exchange/mailboxes/:mailboxId/createImportSession', MAILBOX, (request) => {
    requirePermission(request, IMPORT_ITEMS);
    const { mailboxId, user } = target(request);
    const session = context.importSessions.create(mailboxId, user.id, request.caller.appId);
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#microsoft.graph.mailboxItemImportSession`,
      ...session,
    });
  });
}

/** `$select` (id, @odata.type and @odata.etag always returned) and `$expand` of extended properties on an item. */
function presentItem(request: GraphRequest, item: MailboxItemView): Record<string, unknown> {
  return withExtendedProperties(
    request,
    selectOf(renderMailboxItem(item), request.query.get('$select')),
    item.record.singleValueExtendedProperties ?? [],
  );
}

function withContext(response: GraphResponse, context: string): GraphResponse {
  return { ...response, body: { '@odata.context': context, ...(response.body as object) } };
}

/**
 * Item delta: new and changed items, removed ones as `{ id, "@removed": { reason: "deleted" } }`
 * (https://learn.microsoft.com/graph/delta-query-overview). Mail folders accept `$filter` on receivedDateTime
 * (ge or gt, as the page lists); `$select` keeps id.
 */
function itemDelta(
  context: SimulatorContext,
  request: GraphRequest,
  mailbox: Mailbox,
  user: UserRecord,
  folder: MailboxFolderView,
): GraphResponse {
  const select = request.query.get('$select');
  const removed = removedEntry('#microsoft.graph.mailboxItem');
  const render = (item: MailboxItemView) => selectOf(renderMailboxItem(item), select);
  const common = {
    scope: `mailboxItems:${user.id}:${folder.record.id}`,
    clock: context.tenant.clock,
    renderRemoved: removed,
    ...OUTLOOK_DELTA,
    forceResync: (scope: string) => context.faults.forceResync(scope),
  };
  if (folder.type === 'IPF.Contact') {
    const contacts = mailbox.contacts.get(folder.record.id) ?? new DeltaCollection(context.tenant.clock);
    return deltaPage(request, {
      ...common,
      collections: [contacts],
      render: (record) => render({ kind: 'contact', record }),
    });
  }
  if (folder.type === 'IPF.Task' || folder.type === 'IPF.StickyNote') {
    const items = mailbox.mailboxOnlyItems.get(folder.record.id) ?? new DeltaCollection(context.tenant.clock);
    return deltaPage(request, {
      ...common,
      collections: [items],
      render: (record) => render({ kind: mailboxOnlyKind(record), record }),
    });
  }
  if (folder.type === 'IPF.Appointment') {
    const calendarId = folder.isDefaultCalendar ? undefined : folder.record.id;
    return deltaPage(request, {
      ...common,
      collections: [mailbox.events],
      render: (record) => render({ kind: 'event', record }),
      // One collection holds every calendar's events: each calendar reports its own.
      expand: (entry) => {
        const record = entry.kind === 'item' ? entry.item : entry.last;
        if (record.calendarId !== calendarId) return [];
        return [entry.kind === 'item' ? render({ kind: 'event', record }) : removed(entry.id)];
      },
    });
  }
  const received = receivedDateTimeFilter(request.query.get('$filter'));
  return deltaPage(request, {
    ...common,
    collections: [folderMessages(mailbox, folder.record.id)],
    render: (record) => render({ kind: 'message', record }),
    ...(received ? { include: received } : {}),
  });
}

/** Creates a folder of a class in the store the class belongs to, with an id the class's own API also knows. */
function newFolder(
  context: SimulatorContext,
  mailbox: Mailbox,
  type: FolderClass,
  displayName: string,
  parentFolderId: string,
): FolderRecord {
  const { clock } = context.tenant;
  if (type === 'IPF.Note') return addFolder(mailbox, clock, { displayName, parentFolderId }, true);
  const record: FolderRecord = {
    id: exchangeIdFrom('AAMkAGI2', mailbox.userId, type, randomUUID()),
    seq: 0,
    displayName,
    parentFolderId,
  };
  if (type === 'IPF.Contact') {
    mailbox.contactFolders.upsert(record);
    mailbox.contacts.set(record.id, new DeltaCollection(clock, mailbox.residency));
    return record;
  }
  if (type === 'IPF.Task' || type === 'IPF.StickyNote') {
    (type === 'IPF.Task' ? mailbox.taskFolders : mailbox.noteFolders).upsert(record);
    mailbox.mailboxOnlyItems.set(record.id, new DeltaCollection(clock, mailbox.residency));
    return record;
  }
  // Every calendar folder, under the root or under another calendar, is one of the user's calendars.
  return mailbox.calendars.upsert(record);
}
