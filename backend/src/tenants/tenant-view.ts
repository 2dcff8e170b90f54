import { z } from 'zod';
import { isoOrNull } from '../http/schemas.js';
import { missingSetupSteps, setupSteps } from './setup-status.js';
import { backupWorkloadsChosen } from './setup-services.js';
import { dataLocations, workloads, type TenantRecord } from './tenant-store.js';

/** The status of a tenant as its people and the provider see it: no backup data, only its state. */
export const tenantStatusSchema = z.strictObject({
  tenantId: z.string(),
  name: z.string(),
  onboardedAt: z.iso.datetime(),
  itManager: z.strictObject({ name: z.string(), email: z.string() }),
  setup: z.strictObject({
    dataLocation: z.enum(dataLocations).nullable(),
    workloads: z.array(z.enum(workloads)),
    backupWorkloads: z
      .array(z.enum(['exchange', 'onedrive', 'sharepoint', 'teams']))
      .describe('What a backup job may include: the workloads of the services ticked at setup'),
    adminConsentGrantedAt: z.iso.datetime().nullable(),
    fullFidelityRestore: z
      .boolean()
      .nullable()
      .describe('Whether the consent includes MailboxItem.ImportExport.All (null until checked)'),
    confirmedAt: z.iso.datetime().nullable(),
    missing: z.array(z.enum(setupSteps)).describe('Empty once the tenant is set up'),
  }),
});

export function tenantStatus(tenant: TenantRecord): z.infer<typeof tenantStatusSchema> {
  return {
    tenantId: tenant.tenantId,
    name: tenant.name,
    onboardedAt: tenant.onboardedAt.toISOString(),
    itManager: tenant.itManager,
    setup: {
      dataLocation: tenant.setup.dataLocation ?? null,
      workloads: tenant.setup.workloads ?? [],
      backupWorkloads: backupWorkloadsChosen(tenant.setup.workloads ?? []),
      adminConsentGrantedAt: isoOrNull(tenant.setup.adminConsent?.grantedAt),
      fullFidelityRestore: tenant.setup.adminConsent?.fullFidelity ?? null,
      confirmedAt: isoOrNull(tenant.setup.confirmation?.at),
      missing: missingSetupSteps(tenant),
    },
  };
}
