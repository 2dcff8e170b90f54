import type { Db } from 'mongodb';
import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { routeDefiner, type RouteServices } from '../http/route.js';
import { tenantOf } from '../http/schemas.js';
import { findTenant } from '../tenants/tenant-store.js';
import type { LicenceMonitor } from './licence-monitor.js';
import { licenceUsage, type LicenceUsage } from './licence-usage.js';
import { storedBytesByTier } from './storage-by-tier.js';
import { licenceBodySchema, writeLicence } from './licence-store.js';
import { overrunRemedies } from './remedies.js';

/** The licence monitor comes with the backup engine: without it, usage is counted from the database here. */
interface LicenceRouteServices extends RouteServices {
  readonly backup?: { readonly licences: LicenceMonitor };
}

const defineRoute = routeDefiner<LicenceRouteServices>();

const tier = z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(10)]);
const bilingual = z.strictObject({ it: z.string(), en: z.string() });

const usageSchema = z.strictObject({
  licensed: z.boolean(),
  plans: z.array(
    z.strictObject({
      profile: z.string(),
      retentionYears: tier,
      workloads: z.array(z.string()),
      seats: z.number().int(),
      used: z.number().int(),
    }),
  ),
  unlicensed: z.array(z.strictObject({ profile: z.string(), retentionYears: tier, used: z.number().int() })),
  storage: z.strictObject({
    purchasedBytes: z.number().int(),
    usedBytes: z.number().int(),
    byTier: z
      .array(z.strictObject({ retentionYears: tier.nullable(), bytes: z.number().int() }))
      .describe(
        'The storage used by retention tier: each account under the longest retention of the jobs covering it; null for accounts no job covers any more',
      ),
  }),
  overrun: z.boolean(),
  /** What to do when the licences are exceeded (the FAQ's answer); empty otherwise. */
  remedies: z.array(bilingual),
});

async function usageView(db: Db, tenantId: string, usage: LicenceUsage): Promise<z.input<typeof usageSchema>> {
  const byTier = await storedBytesByTier(db, tenantId);
  return {
    ...usage,
    storage: { ...usage.storage, byTier },
    remedies: usage.overrun ? overrunRemedies.map((remedy) => ({ ...remedy })) : [],
  };
}

const customerParams = z.strictObject({ tenantId: z.uuid() });

async function requireCustomer(services: RouteServices, tenantId: string): Promise<void> {
  if (!(await findTenant(services.db, tenantId))) throw notFound('tenant');
}

/** "Stato della licenza": what the tenant bought and what it uses; the provider keeps the purchase current. */
export const licenceRoutes = [
  defineRoute({
    id: 'licence.read',
    method: 'GET',
    path: '/licence',
    tag: 'licences',
    summary: 'Seats per profile and retention tier and storage, bought and used, with the remedies when exceeded',
    permission: 'licence.read',
    response: usageSchema,
    async handler({ principal, services }) {
      const tenantId = tenantOf(principal);
      return usageView(services.db, tenantId, await licenceUsage(services.db, tenantId));
    },
  }),
  defineRoute({
    id: 'provider.readLicence',
    method: 'GET',
    path: '/provider/tenants/:tenantId/licence',
    tag: 'provider',
    summary: 'A customer’s licences, bought and used',
    permission: 'provider.tenants.read',
    params: customerParams,
    response: usageSchema,
    async handler({ params, services }) {
      await requireCustomer(services, params.tenantId);
      return usageView(services.db, params.tenantId, await licenceUsage(services.db, params.tenantId));
    },
  }),
  defineRoute({
    id: 'provider.setLicence',
    method: 'PUT',
    path: '/provider/tenants/:tenantId/licence',
    tag: 'provider',
    summary: 'Records what a customer bought: seats per profile and retention tier, and storage',
    permission: 'provider.licences.manage',
    params: customerParams,
    body: licenceBodySchema,
    response: usageSchema,
    async handler({ principal, params, body, services }) {
      await requireCustomer(services, params.tenantId);
      await writeLicence(services.db, params.tenantId, body, principal.email, services.clock());
      const usage = services.backup
        ? await services.backup.licences.check(params.tenantId)
        : await licenceUsage(services.db, params.tenantId);
      return usageView(services.db, params.tenantId, usage);
    },
    activity: ({ params, body }) => ({
      tenantId: params.tenantId,
      action: 'licence.updated',
      target: { type: 'licence', id: params.tenantId },
      details: {
        seats: body.plans.reduce((sum, plan) => sum + plan.seats, 0),
        storageBytes: body.storageBytes,
      },
    }),
  }),
];
