import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { routeDefiner } from '../http/route.js';
import { emailAddress, languageSchema, personName } from '../http/schemas.js';
import { invitePortalUser, type InvitationServices } from '../portal-users/invitation.js';
import { writeSettings } from '../settings/settings-store.js';
import { insertTenant, type TenantRecord } from '../tenants/tenant-store.js';
import { tenantStatus, tenantStatusSchema } from '../tenants/tenant-view.js';

const defineRoute = routeDefiner<InvitationServices>();

/** A provider operator brings a customer in: its record, its first settings and its IT manager's invitation. */
export const onboardingRoutes = [
  defineRoute({
    id: 'provider.onboardTenant',
    method: 'POST',
    path: '/provider/tenants',
    tag: 'provider',
    summary: 'Onboards a customer tenant and invites its IT manager, who receives the welcome letter',
    permission: 'provider.tenants.onboard',
    refusals: { 409: ['already_exists'] },
    body: z.strictObject({
      tenantId: z.uuid(),
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
      if (!(await insertTenant(services.db, record))) {
        throw new ApiError(409, 'already_exists', { tenantId: body.tenantId }, { what: body.tenantId });
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
