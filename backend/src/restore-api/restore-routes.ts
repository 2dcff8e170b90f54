import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { listQuery, offsetOf, offsetPage, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { restoreRefusals, selectionRefusals } from './restore-refusals.js';
import { tenantOf } from '../http/schemas.js';
import { RestoreRequests } from '../restore/restore-requests.js';
import { tenantScope } from './backup-scope.js';
import { checkedSelection } from './checked-selection.js';
import { restoreBodySchema } from './request-schemas.js';
import { restoreOf, type RestoreRouteServices } from './restore-api-services.js';
import { restoreItemView, restoreItemViewSchema, restoreView, restoreViewSchema } from './views.js';

const defineRoute = routeDefiner<RestoreRouteServices>();

const restoreParams = z.strictObject({ id: z.uuid() });
const restoreStatuses = ['awaitingApproval', 'rejected', 'queued', 'running', 'completed', 'failed'] as const;
const itemStates = ['pending', 'writing', 'restored', 'skipped', 'failed', 'exportOnly'] as const;

/** Restores from the portal: any account of the tenant, to where it was, a new folder or another person. */
export const restoreRoutes = [
  defineRoute({
    id: 'restores.create',
    method: 'POST',
    path: '/restores',
    tag: 'restores',
    summary:
      'Restores items, a folder, a whole account or search results, as of any instant or finished run, in the background; every restored item is read back and compared with its backup',
    permission: 'restores.manage',
    refusals: selectionRefusals,
    requiresSetup: true,
    body: restoreBodySchema,
    maxBodyBytes: 512 * 1024,
    response: restoreViewSchema,
    status: 202,
    async handler({ principal, body, services, language }) {
      const { restores } = restoreOf(services);
      const { selection } = await checkedSelection(services.db, tenantScope({ principal }), body.selection);
      const request = await restores.request(tenantOf(principal), principal.email, {
        selection,
        target: body.target,
        conflictPolicy: body.conflictPolicy,
        language: body.language ?? language,
      });
      return restoreView(request);
    },
    activity: ({ principal, body }, restore) => ({
      tenantId: tenantOf(principal),
      action: 'restore.requested',
      target: { type: 'restore', id: restore.id },
      details: {
        selection: restore.selection.type,
        accounts: restore.selection.resourceIds.join(', ') || null,
        target: body.target.type,
        conflictPolicy: body.conflictPolicy,
      },
    }),
  }),
  defineRoute({
    id: 'restores.list',
    method: 'GET',
    path: '/restores',
    tag: 'restores',
    summary: 'Every restore of the tenant, newest first, with its live progress',
    permission: 'restores.read',
    refusals: restoreRefusals,
    query: listQuery(['requestedAt'], '-requestedAt', { status: z.enum(restoreStatuses).optional() }),
    response: pageOf(restoreViewSchema),
    async handler({ principal, query, services }) {
      const page = await new RestoreRequests(services.db).page(tenantOf(principal), { status: query.status }, query);
      return { items: page.items.map(restoreView), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'restores.read',
    method: 'GET',
    path: '/restores/:id',
    tag: 'restores',
    summary: 'One restore with its live progress: restored, skipped, failed, verified, different from the backup',
    permission: 'restores.read',
    refusals: restoreRefusals,
    params: restoreParams,
    response: restoreViewSchema,
    async handler({ principal, params, services }) {
      const request = await restoreOf(services).restores.get(tenantOf(principal), params.id);
      if (!request) throw notFound('restore');
      return restoreView(request);
    },
  }),
  defineRoute({
    id: 'restores.items',
    method: 'GET',
    path: '/restores/:id/items',
    tag: 'restores',
    summary:
      'Each item’s outcome in restore order: where it went, whether its read-back matches the backup, or why not',
    permission: 'backups.browse',
    refusals: restoreRefusals,
    params: restoreParams,
    query: z.strictObject({
      state: z.enum(itemStates).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(100),
      cursor: z.string().max(64).optional(),
    }),
    response: pageOf(restoreItemViewSchema),
    async handler({ principal, params, query, services }) {
      const tenantId = tenantOf(principal);
      const { restores } = restoreOf(services);
      if (!(await restores.get(tenantId, params.id))) throw notFound('restore');
      const offset = offsetOf(query.cursor);
      const items = await restores.itemResults(tenantId, params.id, {
        ...(query.state && { state: query.state }),
        limit: query.limit + 1,
        skip: offset,
      });
      const page = offsetPage(items, offset, query.limit);
      return { items: page.items.map(restoreItemView), nextCursor: page.nextCursor };
    },
  }),
];
