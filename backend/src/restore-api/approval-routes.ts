import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { restoreRefusals } from './restore-refusals.js';
import { tenantOf } from '../http/schemas.js';
import { RestoreRequests } from '../restore/restore-requests.js';
import { restoreOf, type RestoreRouteServices } from './restore-api-services.js';
import { restoreView, restoreViewSchema } from './views.js';

const defineRoute = routeDefiner<RestoreRouteServices>();

/**
 * The approval queue: self-service restores of OneDrive items wait here when the tenant's settings ask for an
 * administrator's approval (as the seeds describe); approving queues them, rejecting ends them with a note.
 */
export const approvalRoutes = [
  defineRoute({
    id: 'approvals.list',
    method: 'GET',
    path: '/approvals',
    tag: 'approvals',
    summary: 'Self-service restores awaiting an administrator’s approval, oldest first',
    permission: 'approvals.manage',
    refusals: restoreRefusals,
    query: listQuery(['requestedAt'], 'requestedAt', {}),
    response: pageOf(restoreViewSchema),
    async handler({ principal, query, services }) {
      const page = await new RestoreRequests(services.db).page(
        tenantOf(principal),
        { status: 'awaitingApproval' },
        query,
      );
      return { items: page.items.map(restoreView), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'approvals.decide',
    method: 'POST',
    path: '/approvals/:id',
    tag: 'approvals',
    summary: 'Approves (the restore starts) or rejects (with a note to the requester) a waiting self-service restore',
    permission: 'approvals.manage',
    refusals: { ...restoreRefusals, 409: ['restore_not_awaiting_approval'] },
    params: z.strictObject({ id: z.uuid() }),
    body: z.strictObject({
      approve: z.boolean(),
      note: z.string().trim().max(1_000).optional().describe('Shown to the requester, above all when rejecting'),
    }),
    response: restoreViewSchema,
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      const { restores } = restoreOf(services);
      const decided = await restores.decide(tenantId, params.id, {
        approve: body.approve,
        decidedBy: principal.email,
        ...(body.note && { note: body.note }),
      });
      if (decided) return restoreView(decided);
      if (!(await restores.get(tenantId, params.id))) throw notFound('restore');
      throw new ApiError(409, 'restore_not_awaiting_approval');
    },
    activity: ({ principal, body }, restore) => ({
      tenantId: tenantOf(principal),
      action: body.approve ? 'restore.approved' : 'restore.rejected',
      target: { type: 'restore', id: restore.id, label: restore.requestedBy },
      details: { note: body.note ?? null },
    }),
  }),
];
