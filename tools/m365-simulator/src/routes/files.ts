import type { SimulatorContext } from '../context.js';
import { deltaPage, latestDeltaLink } from '../http/delta.js';
import { badRequest, GraphError } from '../http/errors.js';
import { applySelect, ok, pageOf, topParameter } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, RouteMeta } from '../http/types.js';
import type { DriveRecord, SiteRecord } from '../model/records.js';
import { driveAddressing, itemNotFound } from './files-addressing.js';
import { registerItemRoutes } from './files-items.js';
import { orderedBy } from './files-query.js';
import { renderDeleted, renderDrive, renderItem, renderSite } from './files-render.js';

/**
 * Resource-unit costs (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online#application-throttling)
 * and the system query options each page supports.
 */
const GET_DRIVE: RouteMeta = { resource: 'sharepoint', resourceUnits: 1, query: ['$select'] };
const LIST_DRIVES: RouteMeta = {
  resource: 'sharepoint',
  resourceUnits: 2,
  query: ['$select', '$skiptoken', '$top', '$orderby'],
};
const LIST_SITES: RouteMeta = { resource: 'sharepoint', resourceUnits: 2, query: ['$select', '$filter', '$skiptoken'] };
const GET_SITE: RouteMeta = { resource: 'sharepoint', resourceUnits: 1, query: ['$select'] };
/** A delta call with a token costs 1, without one 2; the page supports $select, $expand and $top. */
const DELTA: RouteMeta = {
  resource: 'sharepoint',
  resourceUnits: (query) => (query.get('token') ? 1 : 2),
  query: ['$select', '$top'],
};

/** The one `$filter` the sites list documents: root-level site collections (https://learn.microsoft.com/graph/api/site-list). */
const ROOT_SITE_COLLECTIONS = /^siteCollection\/root\s+ne\s+null$/i;

/** OneDrive and SharePoint files: drives, sites, drive delta; each drive item's routes in files-items.ts. */
export function registerFileRoutes(router: Router, context: SimulatorContext): void {
  const { tenant } = context;
  const addressing = driveAddressing(context);
  const { driveOf } = addressing;

  const siteOf = (request: GraphRequest): SiteRecord => {
    const site = tenant.sites.get(request.params['siteId'] as string);
    if (!site) throw itemNotFound(`site ${request.params['siteId'] as string}`);
    return site;
  };
  const driveEntity = (request: GraphRequest, drive: DriveRecord) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#drives/$entity`,
      ...applySelect(renderDrive(drive), request.query.get('$select')),
    });
  const driveList = (request: GraphRequest, drives: DriveRecord[]) =>
    pageOf(request, orderedBy(request, drives.map(renderDrive)), {
      defaultSize: 200,
      maxSize: 1000,
      context: 'drives',
    });

  // https://learn.microsoft.com/graph/api/drive-get: a user's OneDrive, a site's default library, a drive by id.
  router.add('GET', '/drives/:driveId', GET_DRIVE, (request) => driveEntity(request, driveOf(request)));
  for (const owner of ['/users/:userId', '/sites/:siteId'])
    router.add(
      'GET',
      `${owner}/drive`,
      GET_DRIVE,
      (request) => driveEntity(request, driveOf(request)),
      '/drives/:driveId',
    );

  // https://learn.microsoft.com/graph/api/drive-list: a user's drives, a site's document libraries.
  router.add('GET', '/users/:userId/drives', LIST_DRIVES, (request) => driveList(request, [driveOf(request)]));
  router.add(
    'GET',
    '/sites/:siteId/drives',
    LIST_DRIVES,
    (request) =>
      driveList(
        request,
        siteOf(request).driveIds.map((id) => tenant.findDrive(id) as DriveRecord),
      ),
    '/users/:userId/drives',
  );

  // https://learn.microsoft.com/graph/api/site-list: every site, or with the documented $filter the root-level ones;
  // https://learn.microsoft.com/graph/api/site-search: `search=` keywords.
  router.add('GET', '/sites', LIST_SITES, (request) => {
    const filter = request.query.get('$filter');
    if (filter !== null && !ROOT_SITE_COLLECTIONS.test(filter.trim()))
      throw badRequest(`The $filter '${filter}' is not supported on sites.`, 'invalidRequest');
    const search = request.query.get('search');
    const sites = [...tenant.sites.values()].filter((site) => search === null || matchesSearch(site, search));
    const rendered = sites.map(renderSite);
    const listed = filter === null ? rendered : rendered.filter((site) => isRootCollection(site));
    return pageOf(request, listed, { defaultSize: 200, maxSize: 999, context: 'sites' });
  });
  // A group's team site: "GET /groups/{group-id}/sites/root" (https://learn.microsoft.com/graph/api/site-get); a group
  // the tenant gave no site answers 404, as a group whose site is not provisioned.
  router.add('GET', '/groups/:groupId/sites/root', GET_SITE, (request) => {
    const groupId = request.params['groupId'] as string;
    if (!tenant.groups.get(groupId)) throw itemNotFound(`group ${groupId}`);
    const site = [...tenant.sites.values()].find((candidate) => candidate.groupId === groupId);
    if (!site) throw itemNotFound(`the team site of group ${groupId}`);
    return ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#sites/$entity`,
      ...applySelect(renderSite(site), request.query.get('$select')),
    });
  });
  // https://learn.microsoft.com/graph/api/site-get
  router.add('GET', '/sites/:siteId', GET_SITE, (request) =>
    ok({
      '@odata.context': `${request.graphBaseUrl}/$metadata#sites/$entity`,
      ...applySelect(renderSite(siteOf(request)), request.query.get('$select')),
    }),
  );

  for (const drivePrefix of ['/drives/:driveId', '/users/:userId/drive', '/sites/:siteId/drive']) {
    for (const itemPrefix of [
      `${drivePrefix}/root`,
      `${drivePrefix}/items/:itemId`,
      `${drivePrefix}/root/_path/:path`,
      `${drivePrefix}/items/:itemId/_path/:path`,
    ]) {
      registerItemRoutes(router, context, addressing, itemPrefix);
    }
    router.add(
      'GET',
      `${drivePrefix}/root/delta`,
      DELTA,
      (request) => driveDelta(request),
      '/drives/:driveId/root/delta',
    );
  }

  /**
   * Drive delta (https://learn.microsoft.com/graph/api/driveitem-delta): `token=latest`, the `deleted` facet, `$top`
   * as the page size, `$select`; a token the service cannot honour is a 410 whose `Location` restarts the enumeration.
   */
  function driveDelta(request: GraphRequest) {
    const drive = driveOf(request);
    const scope = `drive:${drive.id}`;
    if (request.query.get('token') === 'latest')
      return latestDeltaLink(request, { scope, clock: tenant.clock, tokenStyle: 'drive' });
    const select = request.query.get('$select');
    return deltaPage(request, {
      scope,
      clock: tenant.clock,
      collections: [drive.items],
      render: (item) => applySelect(renderItem(drive, item, { forDelta: true }), select),
      renderRemoved: (id) => renderDeleted(drive, id),
      tokenStyle: 'drive',
      defaultPageSize: topParameter(request, 200, 1000),
      maxPageSize: 1000,
      resyncError: () => resyncRequired(`${request.graphBaseUrl}/drives/${drive.id}/root/delta`),
      forceResync: (deltaScope) => context.faults.forceResync(deltaScope),
    });
  }
}

/**
 * The 410 of a delta token the service can no longer honour: the delta page's error code
 * `resyncChangesApplyDifferences` and a `Location` that starts a fresh enumeration
 * (https://learn.microsoft.com/graph/api/driveitem-delta#example-2-last-page-in-a-set).
 */
function resyncRequired(restart: string): GraphError {
  return new GraphError(
    410,
    'resyncChangesApplyDifferences',
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
    { location: restart },
  );
}

/** `search=*` finds every site; other keywords are matched, each, against the name, display name and URL. */
function matchesSearch(site: SiteRecord, query: string): boolean {
  const text = `${site.name} ${site.displayName} ${site.webUrl}`.toLowerCase();
  const keywords = query
    .toLowerCase()
    .split(/\s+/)
    .filter((keyword) => keyword.length > 0 && keyword !== '*');
  return keywords.every((keyword) => text.includes(keyword));
}

function isRootCollection(site: Record<string, unknown>): boolean {
  const collection = site['siteCollection'] as { root?: object } | undefined;
  return collection?.root !== undefined;
}
