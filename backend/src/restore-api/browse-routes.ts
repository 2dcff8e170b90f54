import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { maxPageSize, offsetOf, offsetPage, pageOf } from '../http/pagination.js';
import { routeDefiner, type Refusals, type RouteSpec } from '../http/route.js';
import { catalogResourceId, isoDateTime } from '../http/schemas.js';
import type { Permission } from '../access/permissions.js';
import { finishedUnitsOf } from '../backup/run-reads.js';
import { Catalog } from '../catalog/index.js';
import { resourceInScope, resourcesInScope, type BackupScope, type ScopeInput } from './backup-scope.js';
import { containerId } from './request-schemas.js';
import {
  folderView,
  folderViewSchema,
  resourceView,
  resourceViewSchema,
  versionView,
  versionViewSchema,
} from './views.js';
import type { RestoreRouteServices } from './restore-api-services.js';

const defineRoute = routeDefiner<RestoreRouteServices>();

const resourceParams = z.strictObject({ resourceId: catalogResourceId });
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(100),
  cursor: z.string().max(64).optional(),
};

/** Where these routes live and whose data they show: the portal's restore pages, or a person's "My backups". */
export interface BrowseAudience {
  /** `backups` for the portal, `me.backups` for self-service: the prefix of each route id. */
  readonly idPrefix: string;
  /** `/backups` or `/me/backups`. */
  readonly pathPrefix: string;
  readonly tag: string;
  readonly permission: Permission;
  /** What its scope refuses beyond a missing account (self-service off, data that is not the caller's). */
  readonly refusals: Refusals;
  scopeOf(input: ScopeInput): Promise<BackupScope>;
}

/**
 * Browsing backups: the accounts, their folders, the items of a folder as of any instant, the runs that are restore
 * points, the messages of one conversation, and a search by words. The same routes serve the portal (every account) and "My backups" (own data only).
 */
export function browseRoutes(audience: BrowseAudience): RouteSpec<RestoreRouteServices>[] {
  const { idPrefix, pathPrefix, tag, permission } = audience;
  return [
    defineRoute({
      id: `${idPrefix}.resources`,
      method: 'GET',
      path: `${pathPrefix}/resources`,
      tag,
      summary: 'The backed-up accounts (mailboxes, OneDrives, site libraries, teams) that can be browsed and restored',
      permission,
      refusals: audience.refusals,
      query: z.strictObject({ kind: z.enum(['mailbox', 'onedrive', 'sharepoint', 'team']).optional() }),
      response: z.strictObject({ items: z.array(resourceViewSchema) }),
      async handler({ principal, query, services, request }) {
        const resources = await resourcesInScope(services.db, await audience.scopeOf({ principal, services, request }));
        return {
          items: resources.filter((resource) => !query.kind || resource.kind === query.kind).map(resourceView),
        };
      },
    }),
    defineRoute({
      id: `${idPrefix}.folders`,
      method: 'GET',
      path: `${pathPrefix}/resources/:resourceId/folders`,
      tag,
      summary: 'The folders of a backed-up account (mail folders, drive folders, channels), with their paths',
      permission,
      refusals: { 404: ['not_found'], ...audience.refusals },
      params: resourceParams,
      response: z.strictObject({ items: z.array(folderViewSchema) }),
      async handler({ principal, params, services, request }) {
        const scope = await audience.scopeOf({ principal, services, request });
        await resourceInScope(services.db, scope, params.resourceId);
        const folders = await new Catalog(services.db, scope.tenantId).listFolders(params.resourceId);
        return { items: folders.sort((a, b) => a.path.localeCompare(b.path)).map(folderView) };
      },
    }),
    defineRoute({
      id: `${idPrefix}.items`,
      method: 'GET',
      path: `${pathPrefix}/resources/:resourceId/items`,
      tag,
      summary: 'The items of one folder as the backup saw them at an instant (default: now), newest first',
      permission,
      refusals: { 404: ['not_found'], ...audience.refusals },
      params: resourceParams,
      query: z.strictObject({ containerId, at: isoDateTime.optional(), ...pageQuery }),
      response: pageOf(versionViewSchema),
      async handler({ principal, params, query, services, request }) {
        const scope = await audience.scopeOf({ principal, services, request });
        await resourceInScope(services.db, scope, params.resourceId);
        const at = query.at ? new Date(query.at) : new Date();
        const offset = offsetOf(query.cursor);
        const versions = await new Catalog(services.db, scope.tenantId).browse(
          params.resourceId,
          query.containerId,
          at,
          query.limit + 1,
          offset,
        );
        const page = offsetPage(versions, offset, query.limit);
        return { items: page.items.map(versionView), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      id: `${idPrefix}.points`,
      method: 'GET',
      path: `${pathPrefix}/resources/:resourceId/points`,
      tag,
      summary: 'Restore points of an account: the finished runs that backed it up, newest first',
      permission,
      refusals: { 404: ['not_found'], ...audience.refusals },
      params: resourceParams,
      response: z.strictObject({
        items: z.array(z.strictObject({ runId: z.string(), finishedAt: z.string(), items: z.number().int() })),
      }),
      async handler({ principal, params, services, request }) {
        const scope = await audience.scopeOf({ principal, services, request });
        await resourceInScope(services.db, scope, params.resourceId);
        const units = await finishedUnitsOf(services.db, scope.tenantId, params.resourceId, 100);
        return {
          items: units
            .filter((unit) => unit.finishedAt !== null)
            .map((unit) => ({ runId: unit.runId, finishedAt: unit.finishedAt!.toISOString(), items: unit.items })),
        };
      },
    }),
    defineRoute({
      id: `${idPrefix}.conversation`,
      method: 'GET',
      path: `${pathPrefix}/resources/:resourceId/conversation`,
      tag,
      summary:
        'The backed-up messages of one Outlook conversation (Graph conversationId, Office.js item.conversationId), every version and deleted ones included, newest first',
      permission,
      refusals: { 404: ['not_found'], ...audience.refusals },
      params: resourceParams,
      query: z.strictObject({ conversationId: z.string().trim().min(1).max(1024), ...pageQuery }),
      response: pageOf(versionViewSchema),
      async handler({ principal, params, query, services, request }) {
        const scope = await audience.scopeOf({ principal, services, request });
        await resourceInScope(services.db, scope, params.resourceId);
        const offset = offsetOf(query.cursor);
        const versions = await new Catalog(services.db, scope.tenantId).conversation(
          params.resourceId,
          query.conversationId,
          query.limit + 1,
          offset,
        );
        const page = offsetPage(versions, offset, query.limit);
        return { items: page.items.map(versionView), nextCursor: page.nextCursor };
      },
    }),
    defineRoute({
      id: `${idPrefix}.search`,
      method: 'GET',
      path: `${pathPrefix}/search`,
      tag,
      summary:
        'Searches backed-up items by words of subject or name, sender, recipients and attachment names; every word must match',
      permission,
      refusals: { 404: ['not_found'], ...audience.refusals },
      query: z.strictObject({
        q: z.string().regex(/\S/).trim().min(1).max(300),
        resourceId: catalogResourceId.optional(),
        from: isoDateTime.optional(),
        to: isoDateTime.optional(),
        ...pageQuery,
      }),
      response: pageOf(versionViewSchema),
      async handler({ principal, query, services, request }) {
        const scope = await audience.scopeOf({ principal, services, request });
        const words = query.q.split(/\s+/).filter(Boolean).slice(0, 10);
        if (words.length === 0) throw new ApiError(400, 'invalid_request');
        let resourceIds: string[] | undefined;
        if (query.resourceId) resourceIds = [(await resourceInScope(services.db, scope, query.resourceId)).resourceId];
        else if (scope.ownerUserId !== undefined) {
          resourceIds = (await resourcesInScope(services.db, scope)).map((resource) => resource.resourceId);
        }
        if (resourceIds?.length === 0) return { items: [], nextCursor: null };
        const offset = offsetOf(query.cursor);
        const versions = await new Catalog(services.db, scope.tenantId).search({
          words,
          ...(resourceIds && { resourceIds }),
          ...(query.from && { from: new Date(query.from) }),
          ...(query.to && { to: new Date(query.to) }),
          limit: query.limit + 1,
          skip: offset,
        });
        const page = offsetPage(versions, offset, query.limit);
        return { items: page.items.map(versionView), nextCursor: page.nextCursor };
      },
    }),
  ];
}
