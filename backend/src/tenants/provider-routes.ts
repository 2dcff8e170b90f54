import { MongoServerError } from 'mongodb';
import { z } from 'zod';
import { ApiError, notFound } from '../api/http/api-error.js';
import { findPage, listQuery, pageOf } from '../api/http/pagination.js';
import { defineRoute } from '../api/http/route.js';
import { emailAddress, filterText, languageSchema, personName } from '../api/http/schemas.js';
import { invitePortalUser } from '../portal-users/invitation.js';
import { writeSettings } from '../settings/settings-store.js';
import { findTenant, tenantRecords, type TenantRecord } from './tenant-store.js';
import { tenantStatus, tenantStatusSchema } from './tenant-view.js';

const directoryId = z.uuid();

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
    params: z.strictObject({ tenantId: directoryId }),
    response: tenantStatusSchema,
    async handler({ params, services }) {
      const tenant = await findTenant(services.db, params.tenantId);
      if (!tenant) throw notFound('tenant');
      return tenantStatus(tenant);
    },
  }),
  defineRoute({
    id: 'provider.onboardTenant',
    method: 'POST',
    path: '/provider/tenants',
    tag: 'provider',
    summary: 'Onboards a customer tenant and invites its IT manager, who receives the welcome letter',
    permission: 'provider.tenants.onboard',
    body: z.strictObject({
      tenantId: directoryId,
      name: personName,
      itManager: z.strictObject({ name: personName, email: emailAddress }),
      defaultLanguage: languageSchema.default('it'),
    }),
    response: tenantStatusSchema,
    status: 201,
    async handler({ body, principal, services }) {
      const now = services.clock();
      const record: TenantRecord = {
        tenantId: body.tenantId,
        name: body.name,
        onboardedAt: now,
        onboardedBy: principal.email,
        itManager: body.itManager,
        setup: {},
      };
      try {
        await tenantRecords.scoped(services.db).insertOne(body.tenantId, { ...record });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) {
          throw new ApiError(409, 'already_exists', { tenantId: body.tenantId }, { what: body.tenantId });
        }
        throw error;
      }
      await writeSettings(services.db, body.tenantId, { defaultLanguage: body.defaultLanguage }, now);
      await invitePortalUser(services, body.tenantId, { ...body.itManager, role: 'tenant_admin' }, principal.email);
      return tenantStatus(record);
    },
    activity: ({ body }) => ({
      tenantId: body.tenantId,
      action: 'tenant.onboarded',
      target: { type: 'tenant', id: body.tenantId, label: body.name },
      details: { itManager: body.itManager.email },
    }),
  }),
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
