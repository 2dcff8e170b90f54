import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { restoreRefusals, selectionRefusals, selfServiceRefusals } from './restore-refusals.js';
import { tenantOf } from '../http/schemas.js';
import { RestoreRequests } from '../restore/restore-requests.js';
import { selfServiceRequester } from '../restore/self-service.js';
import { readSettings } from '../settings/settings-store.js';
import { ownScope } from './backup-scope.js';
import { checkedSelection } from './checked-selection.js';
import { selfServiceRestoreBodySchema } from './request-schemas.js';
import { restoreOf, type RestoreRouteServices } from './restore-api-services.js';
import { restoreItemView, restoreItemViewSchema, restoreView, restoreViewSchema } from './views.js';

const defineRoute = routeDefiner<RestoreRouteServices>();

const ownRestoreView = restoreViewSchema.extend({ items: z.array(restoreItemViewSchema) });

/**
 * "My backups": a person restores their own mail and files, to where they were or into a new folder. OneDrive
 * restores wait for an administrator when the tenant's settings say so. Only their own restores are ever listed.
 */
export const selfServiceRestoreRoutes = [
  defineRoute({
    id: 'me.restores.create',
    method: 'POST',
    path: '/me/restores',
    tag: 'my-backups',
    summary:
      'Restores the caller’s own items, folder or whole mailbox/OneDrive; may wait for an administrator’s approval',
    permission: 'self.restore',
    refusals: { ...selectionRefusals, ...selfServiceRefusals },
    body: selfServiceRestoreBodySchema,
    maxBodyBytes: 512 * 1024,
    response: restoreViewSchema,
    status: 202,
    async handler({ principal, body, services, language, request }) {
      const scope = await ownScope({ principal, services, request });
      const { selection } = await checkedSelection(services.db, scope, body.selection);
      const settings = await readSettings(services.db, scope.tenantId);
      const restore = await restoreOf(services).selfService.restore(
        scope.tenantId,
        principal.userId,
        {
          selection,
          target: body.target,
          conflictPolicy: body.conflictPolicy,
          language: body.language ?? language,
        },
        { oneDriveNeedsApproval: settings.oneDriveSelfServiceNeedsApproval },
      );
      return restoreView(restore);
    },
    activity: ({ principal, body }, restore) => ({
      tenantId: tenantOf(principal),
      action: 'restore.self_service_requested',
      target: { type: 'restore', id: restore.id },
      details: {
        selection: body.selection.type,
        target: body.target.type,
        awaitingApproval: restore.status === 'awaitingApproval',
      },
    }),
  }),
  defineRoute({
    id: 'me.restores.list',
    method: 'GET',
    path: '/me/restores',
    tag: 'my-backups',
    summary: 'The caller’s own restores, newest first',
    permission: 'self.restore',
    refusals: { ...restoreRefusals, ...selfServiceRefusals },
    query: listQuery(['requestedAt'], '-requestedAt', {}),
    response: pageOf(restoreViewSchema),
    async handler({ principal, query, services, request }) {
      const scope = await ownScope({ principal, services, request });
      const page = await new RestoreRequests(services.db).page(
        scope.tenantId,
        { requestedBy: selfServiceRequester(principal.userId) },
        query,
      );
      return { items: page.items.map(restoreView), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'me.restores.read',
    method: 'GET',
    path: '/me/restores/:id',
    tag: 'my-backups',
    summary: 'One of the caller’s restores with its progress and the outcome of its first 200 items',
    permission: 'self.restore',
    refusals: { ...restoreRefusals, ...selfServiceRefusals },
    params: z.strictObject({ id: z.uuid() }),
    response: ownRestoreView,
    async handler({ principal, params, services, request }) {
      const scope = await ownScope({ principal, services, request });
      const { restores } = restoreOf(services);
      const restore = await restores.get(scope.tenantId, params.id);
      if (!restore || restore.requestedBy !== selfServiceRequester(principal.userId)) throw notFound('restore');
      const items = await restores.itemResults(scope.tenantId, params.id, { limit: 200 });
      return { ...restoreView(restore), items: items.map(restoreItemView) };
    },
  }),
];
