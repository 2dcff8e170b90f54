import { z } from 'zod';
import { activityRoutes } from '../audit/activity-routes.js';
import { meRoutes } from '../auth/routes.js';
import { knowledgeRoutes } from '../knowledge/knowledge-routes.js';
import { portalUserRoutes } from '../portal-users/portal-user-routes.js';
import { notificationRoutes } from '../settings/notification-routes.js';
import { settingsRoutes } from '../settings/settings-routes.js';
import { supportRoutes } from '../support/support-routes.js';
import { itemRoutes } from '../items/item-routes.js';
import { jobLogRoutes } from '../jobs-api/job-log-routes.js';
import { jobRoutes } from '../jobs-api/job-routes.js';
import { directoryRoutes } from '../jobs-api/directory-routes.js';
import { licenceRoutes } from '../licences/licence-routes.js';
import { restoreApiRoutes } from '../restore-api/index.js';
import { reportRoutes } from '../reports/report-routes.js';
import { termsRoutes } from '../portal-users/terms-routes.js';
import { tenantRoutes } from '../tenants/tenant-routes.js';
import { providerTenantRoutes } from '../tenants/provider-routes.js';
import { onboardingRoutes } from '../onboarding/onboarding-routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { routeDefiner, type RouteSpec } from '../http/route.js';
import type { ApiServices } from './services.js';

export const apiPrefix = '/api/v1';
export const apiVersion = '1.0.0';

const defineRoute = routeDefiner<ApiServices>();

const featureRoutes: readonly RouteSpec<ApiServices>[] = [
  ...meRoutes,
  ...termsRoutes,
  ...tenantRoutes,
  ...providerTenantRoutes,
  ...onboardingRoutes,
  ...activityRoutes,
  ...settingsRoutes,
  ...portalUserRoutes,
  ...notificationRoutes,
  ...knowledgeRoutes,
  ...supportRoutes,
  ...jobRoutes,
  ...directoryRoutes,
  ...jobLogRoutes,
  ...itemRoutes,
  ...licenceRoutes,
  ...restoreApiRoutes,
  ...reportRoutes,
];

const openApiRoute = defineRoute({
  id: 'meta.openapi',
  method: 'GET',
  path: '/openapi.json',
  tag: 'meta',
  summary: 'This API’s OpenAPI 3.1 document',
  permission: 'public',
  response: z.record(z.string(), z.unknown()),
  async handler() {
    return buildOpenApiDocument(apiRoutes, apiPrefix, apiVersion);
  },
});

/**
 * What a client outside Teams needs to sign in by itself (the Outlook pane's nested app authentication): the app's
 * client id, the authority and the API's scope. Nothing secret.
 */
const clientConfigRoute = defineRoute({
  id: 'meta.clientConfig',
  method: 'GET',
  path: '/client-config',
  tag: 'meta',
  summary: 'The app registration a client signs in against: client id, authority, and the API scope to ask for',
  permission: 'public',
  response: z.strictObject({ clientId: z.string(), authority: z.string(), apiScope: z.string() }),
  async handler({ services }) {
    const { clientId, authorityHost, apiDomain } = services.identity;
    const resource = apiDomain ? `api://${apiDomain}/${clientId}` : `api://${clientId}`;
    return {
      clientId,
      authority: `${authorityHost.replace(/\/+$/, '')}/organizations`,
      apiScope: `${resource}/access_as_user`,
    };
  },
});

/** Every route of the API: the authorization matrix test enumerates this table. */
export const apiRoutes: readonly RouteSpec<ApiServices>[] = [openApiRoute, clientConfigRoute, ...featureRoutes];
