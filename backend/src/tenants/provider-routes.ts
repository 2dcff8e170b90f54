import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { findPage, listQuery, pageOf } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { filterText } from '../http/schemas.js';
import { findTenant, tenantRecords, type TenantRecord } from './tenant-store.js';
import { tenantStatus, tenantStatusSchema } from './tenant-view.js';

/** Provider operators see every customer tenant's status: these are the only cross-tenant reads. */
export const providerTenantRoutes = [
  defineRoute({
    id: 'provider.listTenants',
    method: 'GET',
    path: '/provider/tenants',
    tag: 'provider',
    summary: 'The provider’s customer tenants and their setup status (never their data)',
    permission: 'provider.tenants.read',
    query: listQuery(['name', 'onboardedAt'], 'name', {
      setup: z.enum(['complete', 'incomplete']).optional(),
      name: filterText.optional().describe('Tenants whose name starts with this text'),
    }),
    response: pageOf(tenantStatusSchema),
    async handler({ query, services }) {
      const filter: Record<string, unknown> = {};
      if (query.setup) filter['setup.confirmation'] = { $exists: query.setup === 'complete' };
      if (query.name) filter.name = { $regex: `^${escapeRegex(query.name)}`, $options: 'i' };
      const page = await findPage<TenantRecord>(
        (f, options) => tenantRecords.raw(services.db).find(f, options),
        filter,
        query,
        'tenantId',
      );
      return { items: page.items.map(tenantStatus), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'provider.readTenant',
    method: 'GET',
    path: '/provider/tenants/:tenantId',
    tag: 'provider',
    summary: 'One customer tenant’s status',
    permission: 'provider.tenants.read',
    params: z.strictObject({ tenantId: z.uuid() }),
    response: tenantStatusSchema,
    async handler({ params, services }) {
      const tenant = await findTenant(services.db, params.tenantId);
      if (!tenant) throw notFound('tenant');
      return tenantStatus(tenant);
    },
  }),
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
