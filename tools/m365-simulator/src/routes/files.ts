import type { SimulatorContext } from '../context.js';
import { deltaPage, latestDeltaLink } from '../http/delta.js';
import { badRequest, GraphError } from '../http/errors.js';
import { jsonBody, ok, pageOf } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse, Handler, RouteMeta } from '../http/types.js';
import { inlineContent, type ContentSource } from '../model/content.js';
import { childrenOf, deleteItem, findChild, newItem, replaceContent, resolvePath } from '../model/drive.js';
import type { DriveItemRecord, DriveRecord } from '../model/records.js';
import { requireUser } from './directory.js';
import { pinOnWrite } from './targets.js';
import { renderDeleted, renderDrive, renderItem, renderSite } from './files-render.js';

/** Resource-unit costs (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online#application-throttling). */
const SINGLE_ITEM: RouteMeta = { resource: 'sharepoint', resourceUnits: 1 };
const MULTI_ITEM: RouteMeta = { resource: 'sharepoint', resourceUnits: 2 };
const WRITE: RouteMeta = { resource: 'sharepoint', resourceUnits: 2 };
/** A delta call with a token costs 1, without one 2. */
const DELTA: RouteMeta = { resource: 'sharepoint', resourceUnits: (query) => (query.get('token') ? 1 : 2) };

/** Simple upload limit (https://learn.microsoft.com/graph/api/driveitem-put-content). */
const SIMPLE_UPLOAD_LIMIT = 250 * 1024 * 1024;
/** Upload session rules (https://learn.microsoft.com/graph/api/driveitem-createuploadsession#upload-bytes-to-the-upload-session). */
const FRAGMENT_MULTIPLE = 320 * 1024;
const FRAGMENT_LIMIT = 60 * 1024 * 1024 - 1;

function itemNotFound(what: string): GraphError {
  return new GraphError(404, 'itemNotFound', `The resource could not be found: ${what}.`);
}

type ConflictBehavior = 'fail' | 'replace' | 'rename';

function conflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null) return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw badRequest(`Invalid conflict behavior '${String(value)}'.`, 'invalidRequest');
}

/** `rename` picks "name 1.ext", "name 2.ext"... as OneDrive does. */
function freeName(drive: DriveRecord, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let counter = 1; ; counter++) {
    const candidate = `${stem} ${counter}${extension}`;
    if (!findChild(drive, parentId, candidate)) return candidate;
  }
}

/** OneDrive and SharePoint files: drives, items, children, delta, content, uploads, versions. */
export function registerFileRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;

  const driveOf = (request: GraphRequest): DriveRecord => pinOnWrite(request, addressedDrive(request));

  const addressedDrive = (request: GraphRequest): DriveRecord => {
    const { driveId, userId, siteId } = request.params;
    if (userId) return tenant.userDrive(requireUser(context, userId));
    if (siteId) {
      const site = tenant.sites.get(siteId);
      const drive = site?.driveIds[0] ? tenant.findDrive(site.driveIds[0]) : undefined;
      if (!drive) throw itemNotFound(`site ${siteId}`);
      return drive;
    }
    const drive = tenant.findDrive(driveId ?? '');
    if (!drive) throw itemNotFound(`drive ${driveId ?? ''}`);
    return drive;
  };

  const itemOf = (request: GraphRequest, drive: DriveRecord): DriveItemRecord => {
    const base = request.params['itemId'] ? drive.items.get(request.params['itemId']) : drive.items.get(drive.rootId);
    if (!base) throw itemNotFound(`item ${request.params['itemId'] ?? 'root'}`);
    if (request.params['path'] === undefined) return base;
    const item = resolvePath(drive, base.id, request.params['path']);
    if (!item) throw itemNotFound(request.params['path']);
    return item;
  };

  const downloadUrlFor = (request: GraphRequest, drive: DriveRecord, item: DriveItemRecord) =>
    item.content ? context.downloads.create(item.content, `drive:${drive.id}`, request.caller.appId) : undefined;

  router.add('GET', '/users/:userId/drive', SINGLE_ITEM, (request) => ok(renderDrive(driveOf(request))));
  router.add('GET', '/users/:userId/drives', MULTI_ITEM, (request) => ok({ value: [renderDrive(driveOf(request))] }));
  router.add('GET', '/drives/:driveId', SINGLE_ITEM, (request) => ok(renderDrive(driveOf(request))));
  router.add('GET', '/sites', MULTI_ITEM, (request) =>
    pageOf(request, [...tenant.sites.values()].map(renderSite), { defaultSize: 200, maxSize: 999 }),
  );
  router.add('GET', '/sites/:siteId', SINGLE_ITEM, (request) => {
    const site = tenant.sites.get(request.params['siteId'] as string);
    if (!site) throw itemNotFound(`site ${request.params['siteId'] as string}`);
    return ok(renderSite(site));
  });
  router.add('GET', '/sites/:siteId/drive', SINGLE_ITEM, (request) => ok(renderDrive(driveOf(request))));
  router.add('GET', '/sites/:siteId/drives', MULTI_ITEM, (request) => {
    const site = tenant.sites.get(request.params['siteId'] as string);
    if (!site) throw itemNotFound(`site ${request.params['siteId'] as string}`);
    return ok({ value: site.driveIds.map((id) => renderDrive(tenant.findDrive(id) as DriveRecord)) });
  });

  for (const drivePrefix of ['/drives/:driveId', '/users/:userId/drive', '/sites/:siteId/drive']) {
    for (const itemPrefix of [
      `${drivePrefix}/root`,
      `${drivePrefix}/items/:itemId`,
      `${drivePrefix}/root/_path/:path`,
      `${drivePrefix}/items/:itemId/_path/:path`,
    ]) {
      registerItemRoutes(itemPrefix);
    }
    // Drive delta (https://learn.microsoft.com/graph/api/driveitem-delta): `token=latest`, `deleted` facet, 410 + Location.
    router.add(
      'GET',
      `${drivePrefix}/root/delta`,
      DELTA,
      (request) => {
        const drive = driveOf(request);
        const scope = `drive:${drive.id}`;
        const restart = `${request.graphBaseUrl}/drives/${drive.id}/root/delta`;
        if (request.query.get('token') === 'latest')
          return latestDeltaLink(request, { scope, clock: tenant.clock, tokenStyle: 'drive' });
        return deltaPage(request, {
          scope,
          clock: tenant.clock,
          collections: [drive.items],
          render: (item) => renderItem(drive, item),
          renderRemoved: (id) => renderDeleted(drive, id),
          tokenStyle: 'drive',
          defaultPageSize: 200,
          maxPageSize: 1000,
          resyncError: () =>
            new GraphError(
              410,
              'resyncRequired',
              'Resync required: the delta token is no longer valid. resyncChangesApplyDifferences',
              { location: restart },
            ),
          forceResync: (deltaScope) => context.faults.forceResync(deltaScope),
        });
      },
      '/drives/:driveId/root/delta',
    );
  }

  /** One drive item's routes under one of its addresses, each counted as the documented `/drives/{id}/items/{id}` form. */
  function registerItemRoutes(prefix: string): void {
    const add = (method: string, suffix: string, meta: RouteMeta, handler: Handler) =>
      router.add(method, `${prefix}${suffix}`, meta, handler, `/drives/:driveId/items/:itemId${suffix}`);
    add('GET', '', SINGLE_ITEM, (request) => {
      const drive = driveOf(request);
      const item = itemOf(request, drive);
      return ok(renderItem(drive, item, downloadUrlFor(request, drive, item)));
    });
    add('GET', '/children', MULTI_ITEM, (request) => {
      const drive = driveOf(request);
      const folder = itemOf(request, drive);
      const children = childrenOf(drive, folder.id).map((item) =>
        renderItem(drive, item, downloadUrlFor(request, drive, item)),
      );
      return pageOf(request, children, { defaultSize: 200, maxSize: 1000 });
    });
    // Content: 302 to a pre-authenticated URL (https://learn.microsoft.com/graph/api/driveitem-get-content).
    add('GET', '/content', SINGLE_ITEM, (request) => {
      const drive = driveOf(request);
      const item = itemOf(request, drive);
      const url = downloadUrlFor(request, drive, item);
      if (!url) throw badRequest('A folder has no content.', 'invalidRequest');
      return { status: 302, headers: { location: url } };
    });
    add('GET', '/versions', MULTI_ITEM, (request) => {
      const drive = driveOf(request);
      const item = itemOf(request, drive);
      const versions = [...item.versions].reverse().map((version) => ({
        id: version.id,
        lastModifiedDateTime: version.lastModifiedDateTime,
        size: version.content.size,
      }));
      return ok({ value: versions });
    });
    add('GET', '/versions/:versionId/content', SINGLE_ITEM, (request) => {
      const drive = driveOf(request);
      const version = itemOf(request, drive).versions.find((candidate) => candidate.id === request.params['versionId']);
      if (!version) throw itemNotFound(`version ${request.params['versionId'] as string}`);
      return {
        status: 302,
        headers: { location: context.downloads.create(version.content, `drive:${drive.id}`, request.caller.appId) },
      };
    });
    add('DELETE', '', WRITE, (request) => {
      const drive = driveOf(request);
      const item = itemOf(request, drive);
      if (item.parentId === null) throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
      deleteItem(drive, item);
      return { status: 204 };
    });
    // Folder create (https://learn.microsoft.com/graph/api/driveitem-post-children).
    add('POST', '/children', WRITE, (request) => {
      const drive = driveOf(request);
      const parent = itemOf(request, drive);
      const body = jsonBody<{ name?: string; folder?: object; '@microsoft.graph.conflictBehavior'?: string }>(request);
      if (!body.name || !body.folder) throw badRequest('A name and the folder facet are required.', 'invalidRequest');
      const behavior = conflictBehavior(body['@microsoft.graph.conflictBehavior'], 'fail');
      const existing = findChild(drive, parent.id, body.name);
      if (existing && behavior === 'fail')
        throw new GraphError(409, 'nameAlreadyExists', `An item named '${body.name}' already exists.`);
      if (existing && behavior === 'replace') deleteItem(drive, existing);
      const name = existing && behavior === 'rename' ? freeName(drive, parent.id, body.name) : body.name;
      const folder = drive.items.upsert(newItem(drive, parent.id, name, null, new Date().toISOString()));
      return { status: 201, body: renderItem(drive, folder) };
    });
    add('PUT', '/content', WRITE, (request) => putContent(request));
    add('POST', '/createUploadSession', WRITE, (request) => createUploadSession(request));
  }

  /** Writes a file at the addressed path (new) or item (existing), honouring the conflict behaviour. */
  function writeFile(
    drive: DriveRecord,
    request: GraphRequest,
    content: ContentSource,
    behavior: ConflictBehavior,
  ): GraphResponse {
    const now = new Date().toISOString();
    const path = request.params['path'];
    if (path === undefined) {
      const item = itemOf(request, drive);
      if (item.isFolder) throw badRequest('Cannot write content to a folder.', 'invalidRequest');
      return { status: 200, body: renderItem(drive, replaceContent(drive, item, content, now)) };
    }
    const baseId = request.params['itemId'] ?? drive.rootId;
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop() ?? '';
    const parent = resolvePath(drive, baseId, parts.join('/'));
    if (!parent?.isFolder) throw itemNotFound(parts.join('/'));
    const existing = findChild(drive, parent.id, name);
    if (existing && behavior === 'fail')
      throw new GraphError(409, 'nameAlreadyExists', `An item named '${name}' already exists.`);
    if (existing && behavior === 'replace' && !existing.isFolder) {
      return { status: 200, body: renderItem(drive, replaceContent(drive, existing, content, now)) };
    }
    const finalName = existing ? freeName(drive, parent.id, name) : name;
    const created = drive.items.upsert(newItem(drive, parent.id, finalName, content, now));
    return { status: 201, body: renderItem(drive, created) };
  }

  function putContent(request: GraphRequest): GraphResponse {
    const drive = driveOf(request);
    if (request.body.length > SIMPLE_UPLOAD_LIMIT)
      throw new GraphError(413, 'requestTooLarge', 'Simple upload accepts at most 250 MB; use an upload session.');
    // Simple upload replaces by default; `@microsoft.graph.conflictBehavior` may be passed as a query parameter.
    return writeFile(
      drive,
      request,
      inlineContent(request.body),
      conflictBehavior(request.query.get('@microsoft.graph.conflictBehavior') ?? undefined, 'replace'),
    );
  }

  function createUploadSession(request: GraphRequest): GraphResponse {
    const drive = driveOf(request);
    const body = request.body.length
      ? jsonBody<{ item?: { '@microsoft.graph.conflictBehavior'?: string } }>(request)
      : {};
    // The behaviour may come in the body's `item` or as a query parameter (https://learn.microsoft.com/graph/api/resources/driveitem#instance-attributes).
    const behavior = conflictBehavior(
      body.item?.['@microsoft.graph.conflictBehavior'] ??
        request.query.get('@microsoft.graph.conflictBehavior') ??
        undefined,
      'fail',
    );
    if (request.params['path'] !== undefined && behavior === 'fail') {
      const path = request.params['path'];
      const parent = resolvePath(
        drive,
        request.params['itemId'] ?? drive.rootId,
        path.split('/').slice(0, -1).join('/'),
      );
      if (parent && findChild(drive, parent.id, path.split('/').pop() ?? '')) {
        throw new GraphError(409, 'nameAlreadyExists', `An item named '${path}' already exists.`);
      }
    }
    const session = context.uploads.create({
      rules: { multipleOf: FRAGMENT_MULTIPLE, maxChunkBytes: FRAGMENT_LIMIT },
      progressStatus: 202,
      resource: `drive:${drive.id}`,
      complete: (content) => writeFile(drive, request, content, behavior),
    });
    return ok(session);
  }
}
