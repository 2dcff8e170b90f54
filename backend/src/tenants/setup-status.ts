import type { TenantRecord } from './tenant-store.js';

/** The steps of tenant setup, in the order the portal walks the IT manager through them. */
export const setupSteps = ['data_location', 'workloads', 'admin_consent', 'confirmation'] as const;
export type SetupStep = (typeof setupSteps)[number];

/** What is still missing before the tenant is set up; empty when it is done. */
export function missingSetupSteps(tenant: TenantRecord): SetupStep[] {
  const { setup } = tenant;
  const done: Record<SetupStep, boolean> = {
    data_location: setup.dataLocation !== undefined,
    workloads: (setup.workloads?.length ?? 0) > 0,
    admin_consent: setup.adminConsent !== undefined,
    confirmation: setup.confirmation !== undefined,
  };
  return setupSteps.filter((step) => !done[step]);
}
