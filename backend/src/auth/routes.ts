import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { roles } from '../access/principal.js';
import { currentTermsVersion } from '../tenants/licence-terms.js';
import { recordSignIn } from '../portal-users/sign-ins.js';

const meResponse = z.strictObject({
  kind: z.enum(['tenant', 'provider']),
  tenantId: z.string(),
  role: z.enum(roles),
  name: z.string(),
  email: z.string(),
  language: z.enum(['it', 'en']),
  termsToAccept: z.string().nullable().describe('The licence terms version this person must accept first, if any'),
});

export const meRoutes = [
  defineRoute({
    id: 'me.read',
    method: 'GET',
    path: '/me',
    tag: 'sign-in',
    summary: 'Who the signed-in person is for Custodia: tenant, role, and whether licence terms await',
    permission: 'self.read',
    beforeTerms: true,
    response: meResponse,
    async handler({ principal, language }) {
      const mustAccept =
        principal.kind === 'tenant' &&
        principal.role !== 'self_service' &&
        principal.termsVersion !== currentTermsVersion;
      return {
        kind: principal.kind,
        tenantId: principal.kind === 'tenant' ? principal.tenantId : principal.providerTenantId,
        role: principal.role,
        name: principal.name,
        email: principal.email,
        language,
        termsToAccept: mustAccept ? currentTermsVersion : null,
      };
    },
  }),
  defineRoute({
    id: 'me.signIn',
    method: 'POST',
    path: '/me/sign-in',
    tag: 'sign-in',
    summary: 'Records that the person opened the portal (the activity log lists sign-ins)',
    permission: 'self.sign_in',
    beforeTerms: true,
    response: z.strictObject({ signedInAt: z.iso.datetime() }),
    async handler({ principal, services }) {
      const now = services.clock();
      if (principal.kind === 'tenant' && principal.portalUserId) {
        await recordSignIn(services.db, principal.tenantId, principal.portalUserId, now);
      }
      return { signedInAt: now.toISOString() };
    },
    activity: ({ principal }) =>
      principal.kind === 'tenant'
        ? { tenantId: principal.tenantId, action: 'session.signed_in' }
        : { tenantId: principal.providerTenantId, action: 'session.signed_in' },
  }),
];
