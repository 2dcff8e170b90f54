import type { Db } from 'mongodb';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { routeDefiner, type RouteServices } from '../http/route.js';
import { tenantOf } from '../http/schemas.js';
import { importExportPermission } from '../graph/index.js';
import { adminConsentUrl, type AdminConsentProbe } from './admin-consent.js';
import { missingSetupSteps } from './setup-status.js';
import { missingStepsInWords } from './setup-step-texts.js';
import {
  dataLocations,
  findTenant,
  tenantRecords,
  workloads,
  type DataLocation,
  type TenantRecord,
  type TenantSetup,
} from './tenant-store.js';
import { locationsInWords } from './data-location-texts.js';
import { tenantStatus, tenantStatusSchema } from './tenant-view.js';

/** The setup asks Entra for admin consent: the link names our app registration, the probe checks the grant. */
interface TenantRouteServices extends RouteServices {
  readonly identity: { readonly authorityHost: string; readonly clientId: string };
  readonly consent: AdminConsentProbe;
  /** The data locations with a content store configured: the only ones a tenant may choose. */
  readonly dataLocations: readonly DataLocation[];
}

const defineRoute = routeDefiner<TenantRouteServices>();

async function requireTenant(db: Db, tenantId: string): Promise<TenantRecord> {
  const tenant = await findTenant(db, tenantId);
  if (!tenant) throw notFound('tenant');
  return tenant;
}

/** Changes one setup step; refused once the setup is confirmed (data already lives in its region). */
async function changeSetup(db: Db, tenantId: string, change: Partial<TenantSetup>): Promise<TenantRecord> {
  const tenant = await requireTenant(db, tenantId);
  if (tenant.setup.confirmation) throw new ApiError(409, 'setup_already_confirmed');
  const set = Object.fromEntries(Object.entries(change).map(([key, value]) => [`setup.${key}`, value]));
  await tenantRecords.scoped(db).updateOne(tenantId, { 'setup.confirmation': { $exists: false } }, { $set: set });
  return requireTenant(db, tenantId);
}

/** A location with no content store configured cannot be chosen, nor confirmed if configuration changed since. */
function assertLocationOffered(offered: readonly DataLocation[], location: DataLocation | undefined): void {
  if (location === undefined || offered.includes(location)) return;
  throw new ApiError(409, 'data_location_unavailable', { offered }, locationsInWords(location, offered));
}

export const tenantRoutes = [
  defineRoute({
    id: 'tenant.read',
    method: 'GET',
    path: '/tenant',
    tag: 'tenant',
    summary: 'The tenant’s onboarding record and setup status; `setup.missing` lists what is left to do',
    permission: 'tenant.read',
    response: tenantStatusSchema,
    async handler({ principal, services }) {
      return tenantStatus(await requireTenant(services.db, tenantOf(principal)));
    },
  }),
  defineRoute({
    id: 'tenant.dataLocations',
    method: 'GET',
    path: '/tenant/setup/data-locations',
    tag: 'tenant',
    summary: 'The data locations this provider offers: those with a content store configured',
    permission: 'tenant.read',
    response: z.strictObject({ offered: z.array(z.enum(dataLocations)).min(1) }),
    handler({ services }) {
      return Promise.resolve({ offered: [...services.dataLocations] });
    },
  }),
  defineRoute({
    id: 'tenant.setDataLocation',
    method: 'PUT',
    path: '/tenant/setup/data-location',
    tag: 'tenant',
    summary: 'Chooses where backup data is kept (for example Italy North, Milan)',
    permission: 'tenant.setup',
    refusals: { 409: ['setup_already_confirmed', 'data_location_unavailable'] },
    body: z.strictObject({ dataLocation: z.enum(dataLocations) }),
    response: tenantStatusSchema,
    async handler({ principal, body, services }) {
      const tenant = await requireTenant(services.db, tenantOf(principal));
      if (tenant.setup.confirmation) throw new ApiError(409, 'setup_already_confirmed');
      assertLocationOffered(services.dataLocations, body.dataLocation);
      return tenantStatus(await changeSetup(services.db, tenantOf(principal), { dataLocation: body.dataLocation }));
    },
    activity: ({ principal, body }) => ({
      tenantId: tenantOf(principal),
      action: 'tenant.data_location_set',
      details: { dataLocation: body.dataLocation },
    }),
  }),
  defineRoute({
    id: 'tenant.setWorkloads',
    method: 'PUT',
    path: '/tenant/setup/workloads',
    tag: 'tenant',
    summary: 'Chooses the services to protect: Exchange, SharePoint/OneDrive, Teams',
    permission: 'tenant.setup',
    refusals: { 409: ['setup_already_confirmed'] },
    body: z.strictObject({ workloads: z.array(z.enum(workloads)).min(1).max(10) }),
    response: tenantStatusSchema,
    async handler({ principal, body, services }) {
      const chosen = workloads.filter((w) => body.workloads.includes(w));
      return tenantStatus(await changeSetup(services.db, tenantOf(principal), { workloads: chosen }));
    },
    activity: ({ principal, body }) => ({
      tenantId: tenantOf(principal),
      action: 'tenant.workloads_set',
      details: { workloads: [...new Set(body.workloads)].sort().join(',') },
    }),
  }),
  defineRoute({
    id: 'tenant.adminConsentLink',
    method: 'GET',
    path: '/tenant/setup/admin-consent',
    tag: 'tenant',
    summary: 'The link an administrator follows to grant Custodia its Microsoft 365 permissions',
    permission: 'tenant.setup',
    query: z.strictObject({ redirectUri: z.url({ protocol: /^https?$/ }).max(2048) }),
    response: z.strictObject({ url: z.url(), granted: z.boolean() }),
    async handler({ principal, query, services }) {
      const tenant = await requireTenant(services.db, tenantOf(principal));
      const { authorityHost, clientId } = services.identity;
      return {
        url: adminConsentUrl(authorityHost, tenant.tenantId, clientId, query.redirectUri),
        granted: tenant.setup.adminConsent !== undefined,
      };
    },
  }),
  defineRoute({
    id: 'tenant.checkAdminConsent',
    method: 'POST',
    path: '/tenant/setup/admin-consent/check',
    tag: 'tenant',
    summary:
      'Checks with Microsoft that admin consent was granted, and whether it includes full-fidelity Exchange restore; records it (again after a later grant)',
    permission: 'tenant.setup',
    refusals: { 409: ['consent_missing'] },
    response: tenantStatusSchema,
    async handler({ principal, services }) {
      const tenantId = tenantOf(principal);
      const granted = await services.consent.grantedPermissions(tenantId);
      if (!granted) throw new ApiError(409, 'consent_missing');
      const fullFidelity = granted.includes(importExportPermission);
      const tenant = await requireTenant(services.db, tenantId);
      const recorded = tenant.setup.adminConsent;
      if (recorded && recorded.fullFidelity === fullFidelity) return tenantStatus(tenant);
      return tenantStatus(
        await changeSetup(services.db, tenantId, {
          adminConsent: {
            grantedAt: recorded?.grantedAt ?? services.clock(),
            checkedBy: principal.email,
            fullFidelity,
          },
        }),
      );
    },
    activity: ({ principal }) => ({ tenantId: tenantOf(principal), action: 'tenant.admin_consent_verified' }),
  }),
  defineRoute({
    id: 'tenant.confirmSetup',
    method: 'POST',
    path: '/tenant/setup/confirmation',
    tag: 'tenant',
    summary: 'Confirms the setup once every other step is done; the data location is then fixed',
    permission: 'tenant.setup',
    refusals: { 409: ['setup_already_confirmed', 'setup_not_ready', 'data_location_unavailable'] },
    body: z.strictObject({ confirm: z.literal(true) }),
    response: tenantStatusSchema,
    async handler({ principal, services }) {
      const tenantId = tenantOf(principal);
      const tenant = await requireTenant(services.db, tenantId);
      if (tenant.setup.confirmation) throw new ApiError(409, 'setup_already_confirmed');
      const missing = missingSetupSteps(tenant).filter((step) => step !== 'confirmation');
      if (missing.length > 0) throw new ApiError(409, 'setup_not_ready', { missing }, missingStepsInWords(missing));
      assertLocationOffered(services.dataLocations, tenant.setup.dataLocation);
      return tenantStatus(
        await changeSetup(services.db, tenantId, { confirmation: { at: services.clock(), by: principal.email } }),
      );
    },
    activity: ({ principal }, result) => ({
      tenantId: tenantOf(principal),
      action: 'tenant.setup_confirmed',
      details: { dataLocation: result.setup.dataLocation, workloads: result.setup.workloads.join(',') },
    }),
  }),
];
