import type { SimulatorContext } from '../context.js';
import { badRequest, GraphError } from '../http/errors.js';
import { applySelect, jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { Handler, RouteMeta } from '../http/types.js';
import { childrenOf, deleteItem, findChild, newItem } from '../model/drive.js';
import { itemNotFound, type DriveAddressing } from './files-addressing.js';
import { notModified, requireMatch } from './files-conditions.js';
import { conflictBehavior, freeName, nameAlreadyExists, requireValidName } from './files-naming.js';
import { expanded, orderedBy } from './files-query.js';
import { renderItem } from './files-render.js';
import { updateItemHandler } from './files-update.js';
import { createUploadSessionHandler, putContentHandler } from './files-upload.js';

/**
 * Resource-unit costs (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online#application-throttling)
 * and the system query options each page lists under "Optional query parameters" (none where it lists none).
 */
const GET_ITEM: RouteMeta = { resource: 'sharepoint', resourceUnits: 1, query: ['$select', '$expand'] };
const LIST_CHILDREN: RouteMeta = {
  resource: 'sharepoint',
  resourceUnits: 2,
  query: ['$select', '$skiptoken', '$top', '$orderby'],
};
const READ_ONE: RouteMeta = { resource: 'sharepoint', resourceUnits: 1, query: [] };
const READ_MANY: RouteMeta = { resource: 'sharepoint', resourceUnits: 2, query: [] };
const WRITE: RouteMeta = { resource: 'sharepoint', resourceUnits: 2, query: [] };

/** One drive item's routes under one of its addresses, each counted as the documented `/drives/{id}/items/{id}` form. */
export function registerItemRoutes(
  router: Router,
  context: SimulatorContext,
  addressing: DriveAddressing,
  prefix: string,
): void {
  const { driveOf, itemOf, downloadUrlFor, writerOf } = addressing;
  const add = (method: string, suffix: string, meta: RouteMeta, handler: Handler) =>
    router.add(method, `${prefix}${suffix}`, meta, handler, `/drives/:driveId/items/:itemId${suffix}`);

  // https://learn.microsoft.com/graph/api/driveitem-get: $select, $expand=children, If-None-Match → 304.
  add('GET', '', GET_ITEM, (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    const unchanged = notModified(request, item);
    if (unchanged) return unchanged;
    const entity: Record<string, unknown> = {
      '@odata.context': `${request.graphBaseUrl}/$metadata#drives('${drive.id}')/items/$entity`,
      ...applySelect(
        renderItem(drive, item, { downloadUrl: downloadUrlFor(request, drive, item) }),
        request.query.get('$select'),
      ),
    };
    // An expanded navigation property is returned whatever $select names.
    if (expanded(request, ['children']).has('children'))
      entity['children'] = childrenOf(drive, item.id).map((child) =>
        renderItem(drive, child, { downloadUrl: downloadUrlFor(request, drive, child) }),
      );
    return ok(entity);
  });

  // https://learn.microsoft.com/graph/api/driveitem-list-children: pages of 200, $top, $orderby, If-None-Match → 304.
  add('GET', '/children', LIST_CHILDREN, (request) => {
    const drive = driveOf(request);
    const folder = itemOf(request, drive);
    const unchanged = notModified(request, folder);
    if (unchanged) return unchanged;
    const children = childrenOf(drive, folder.id).map((item) =>
      renderItem(drive, item, { downloadUrl: downloadUrlFor(request, drive, item) }),
    );
    return pageOf(request, orderedBy(request, children), {
      defaultSize: 200,
      maxSize: 1000,
      context: `drives('${drive.id}')/items('${folder.id}')/children`,
    });
  });

  // https://learn.microsoft.com/graph/api/driveitem-get-content: 302 to a pre-authenticated URL, If-None-Match → 304.
  add('GET', '/content', READ_ONE, (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    const unchanged = notModified(request, item);
    if (unchanged) return unchanged;
    const url = downloadUrlFor(request, drive, item);
    if (!url) throw badRequest('Only a driveItem with the file facet has content to download.', 'invalidRequest');
    return { status: 302, headers: { location: url } };
  });

  // https://learn.microsoft.com/graph/api/driveitem-list-versions: newest first.
  add('GET', '/versions', READ_MANY, (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    const versions = [...item.versions].reverse().map((version) => ({
      id: version.id,
      lastModifiedBy: version.lastModifiedBy ?? renderItem(drive, item)['createdBy'],
      lastModifiedDateTime: version.lastModifiedDateTime,
      size: version.content.size,
    }));
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#drives('${drive.id}')/items('${item.id}')/versions`,
      value: versions,
    });
  });

  // https://learn.microsoft.com/graph/api/driveitemversion-get-contents: a previous version's bytes by 302.
  add('GET', '/versions/:versionId/content', READ_ONE, (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    const version = item.versions.find((candidate) => candidate.id === request.params['versionId']);
    if (!version) throw itemNotFound(`version ${request.params['versionId'] as string}`);
    if (version === item.versions[item.versions.length - 1])
      throw badRequest('Getting the content of the current version is not supported; use /content.', 'notSupported');
    return {
      status: 302,
      headers: { location: context.downloads.create(version.content, `drive:${drive.id}`, request.caller.appId) },
    };
  });

  // https://learn.microsoft.com/graph/api/driveitem-delete: 204, If-Match → 412.
  add('DELETE', '', WRITE, (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
    requireMatch(request, item);
    deleteItem(drive, item);
    return { status: 204 };
  });

  // https://learn.microsoft.com/graph/api/driveitem-post-children: a folder, with the conflict behaviour (default fail).
  add('POST', '/children', WRITE, (request) => {
    const drive = driveOf(request);
    const parent = itemOf(request, drive);
    const body = jsonBody<{ name?: unknown; folder?: object; '@microsoft.graph.conflictBehavior'?: string }>(request);
    if (!body.folder) throw badRequest('The folder facet is required to create a folder.', 'invalidRequest');
    const name = requireValidName(body.name);
    const behavior = conflictBehavior(body['@microsoft.graph.conflictBehavior'], 'fail');
    const existing = findChild(drive, parent.id, name);
    if (existing && behavior === 'fail') throw nameAlreadyExists(name);
    if (existing && behavior === 'replace') deleteItem(drive, existing);
    const finalName = existing && behavior === 'rename' ? freeName(drive, parent.id, name) : name;
    const now = new Date().toISOString();
    const folder = drive.items.upsert(newItem(drive, parent.id, finalName, null, now, writerOf(request)));
    return { status: 201, body: renderItem(drive, folder) };
  });

  add('PATCH', '', WRITE, updateItemHandler(addressing));
  add('PUT', '/content', WRITE, putContentHandler(addressing));
  add('POST', '/createUploadSession', WRITE, createUploadSessionHandler(context, addressing));
}
