import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { defineRoute } from '../http/route.js';
import { tenantOf } from '../http/schemas.js';
import { portalUsers } from './portal-user-store.js';
import { currentTermsVersion, licenceTermsSummary } from '../tenants/licence-terms.js';

export const termsRoutes = [
  defineRoute({
    id: 'terms.read',
    method: 'GET',
    path: '/terms',
    tag: 'sign-in',
    summary: 'The current licence terms, in the caller’s language, and whether the caller accepted them',
    permission: 'terms.accept',
    beforeTerms: true,
    response: z.strictObject({ version: z.string(), text: z.string(), accepted: z.boolean() }),
    async handler({ principal, language }) {
      return {
        version: currentTermsVersion,
        text: licenceTermsSummary[language],
        accepted: principal.kind === 'tenant' && principal.termsVersion === currentTermsVersion,
      };
    },
  }),
  defineRoute({
    id: 'terms.accept',
    method: 'POST',
    path: '/terms/acceptance',
    tag: 'sign-in',
    summary: 'Accepts the licence terms at first sign-in; who, when and which version are recorded',
    permission: 'terms.accept',
    beforeTerms: true,
    body: z.strictObject({ version: z.string().max(32) }),
    response: z.strictObject({ version: z.string(), acceptedAt: z.iso.datetime() }),
    status: 201,
    async handler({ principal, body, services }) {
      const tenantId = tenantOf(principal);
      if (body.version !== currentTermsVersion) {
        throw new ApiError(400, 'invalid_request', [{ location: 'body', path: 'version', code: 'not_current' }]);
      }
      const at = services.clock();
      await portalUsers.scoped(services.db).updateOne(
        tenantId,
        { id: principal.kind === 'tenant' ? principal.portalUserId : '' },
        {
          $set: { termsAccepted: { version: body.version, at } },
        },
      );
      return { version: body.version, acceptedAt: at.toISOString() };
    },
    activity: ({ principal, body }) => ({
      tenantId: tenantOf(principal),
      action: 'terms.accepted',
      details: { version: body.version },
    }),
  }),
];
