import type { SimulatorContext } from '../context.js';
import { deltaPage, OUTLOOK_DELTA, removedEntry } from '../http/delta.js';
import { badRequest, GraphError } from '../http/errors.js';
import { applySelect, jsonBody, ok } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse, RouteMeta } from '../http/types.js';
import { addFolder, isVisibleMailFolder, rootFolderId } from '../model/mailbox.js';
import type { Mailbox } from '../model/records.js';
import { folderOf } from './mail-lookup.js';
import { FOLDER_PROPERTIES, mailContext, refuseUnknownSelect, renderFolder } from './mail-render.js';
import { collectionBody, skipPage } from './skip-page.js';
import { mailboxTarget } from './targets.js';

/** Folder lists page by `$top`/`$skip`; "the default page size (10 items)" (https://learn.microsoft.com/graph/api/user-list-mailfolders). */
const FOLDER_PAGE = { defaultSize: 10, maxSize: 1000 };
const LIST: RouteMeta = { resource: 'mailbox', query: ['$select', '$top', '$skip', '$count'] };
const SINGLE: RouteMeta = { resource: 'mailbox', query: ['$select'] };
const WRITE: RouteMeta = { resource: 'mailbox', query: [] };

/**
 * Mail folders: list (top level, child folders), get, create, delta. Hidden folders are listed only with
 * `includeHiddenFolders=true` ("By default, this operation does not return hidden folders",
 * https://learn.microsoft.com/graph/api/user-list-mailfolders).
 */
export function registerMailFolderRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;

  const listChildren = (request: GraphRequest, parentId: string, collection: string): GraphResponse => {
    const { mailbox } = mailboxTarget(context, request);
    const select = request.query.get('$select');
    refuseUnknownSelect(select, FOLDER_PROPERTIES, 'mailFolder');
    const withHidden = /^true$/i.test(request.query.get('includeHiddenFolders') ?? '');
    const children = [...mailbox.folders.values()].filter(
      (folder) => folder.parentFolderId === parentId && (withHidden || !folder.isHidden),
    );
    const page = skipPage(request, children, FOLDER_PAGE);
    const value = page.page.map((folder) => applySelect(renderFolder(mailbox, folder), select));
    return ok(collectionBody(mailContext(request, collection), page, value));
  };

  router.add('GET', '/users/:userId/mailFolders', LIST, (request) =>
    listChildren(request, rootFolderId(mailboxTarget(context, request).user.id), 'mailFolders'),
  );
  router.add('GET', '/users/:userId/mailFolders/:folderId/childFolders', LIST, (request) => {
    const folderId = request.params['folderId'] as string;
    const parent = folderOf(mailboxTarget(context, request).mailbox, folderId);
    return listChildren(request, parent.id, `mailFolders('${folderId}')/childFolders`);
  });

  // Folder hierarchy sync (https://learn.microsoft.com/graph/api/mailfolder-delta): every visible folder, flat.
  router.add(
    'GET',
    '/users/:userId/mailFolders/delta',
    { resource: 'mailbox', query: ['$select', '$deltatoken', '$skiptoken'] },
    (request) => {
      const { mailbox, user } = mailboxTarget(context, request);
      const select = request.query.get('$select');
      refuseUnknownSelect(select, FOLDER_PROPERTIES, 'mailFolder');
      return deltaPage(request, {
        scope: `mailFolders:${user.id}`,
        clock: tenant.clock,
        collections: [mailbox.folders],
        render: (folder) => applySelect(renderFolder(mailbox, folder), select),
        renderRemoved: removedEntry('#microsoft.graph.mailFolder'),
        include: isVisibleMailFolder,
        ...OUTLOOK_DELTA,
        forceResync: (scope) => context.faults.forceResync(scope),
      });
    },
  );

  router.add('GET', '/users/:userId/mailFolders/:folderId', SINGLE, (request) => {
    const { mailbox } = mailboxTarget(context, request);
    const select = request.query.get('$select');
    refuseUnknownSelect(select, FOLDER_PROPERTIES, 'mailFolder');
    const folder = folderOf(mailbox, request.params['folderId'] as string);
    return ok({
      '@odata.context': mailContext(request, 'mailFolders', '/$entity'),
      ...applySelect(renderFolder(mailbox, folder), select),
    });
  });

  // displayName and isHidden "are the only writable property" (https://learn.microsoft.com/graph/api/user-post-mailfolders);
  // a sibling with the same name is refused with 409 ErrorFolderExists.
  const createFolder = (request: GraphRequest, parentId: (mailbox: Mailbox) => string): GraphResponse => {
    const { mailbox } = mailboxTarget(context, request);
    const { displayName, isHidden } = jsonBody<{ displayName?: string; isHidden?: boolean }>(request);
    if (!displayName) throw badRequest('displayName is required.', 'ErrorInvalidRequest');
    const parent = parentId(mailbox);
    const exists = [...mailbox.folders.values()].some(
      (folder) => folder.parentFolderId === parent && folder.displayName.toLowerCase() === displayName.toLowerCase(),
    );
    if (exists) throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    const folder = addFolder(mailbox, tenant.clock, { displayName, parentFolderId: parent, isHidden }, true);
    return {
      status: 201,
      body: { '@odata.context': mailContext(request, 'mailFolders', '/$entity'), ...renderFolder(mailbox, folder) },
    };
  };
  router.add('POST', '/users/:userId/mailFolders', WRITE, (request) =>
    createFolder(request, (mailbox) => rootFolderId(mailbox.userId)),
  );
  router.add('POST', '/users/:userId/mailFolders/:folderId/childFolders', WRITE, (request) =>
    createFolder(request, (mailbox) => folderOf(mailbox, request.params['folderId'] as string).id),
  );
}
