import type { Db } from 'mongodb';
import type { ProfileWorkloads } from '../backup/job-profiles.js';
import { planKey, readLicence } from './licence-store.js';

/** The services the tenant's licence includes for a profile at a tier, for the run engine's plan (`profileWorkloads`). */
export function profileWorkloadsFromLicence(db: Db): ProfileWorkloads {
  return async (tenantId, profile, retentionYears) => {
    const licence = await readLicence(db, tenantId);
    return licence?.plans.find((plan) => planKey(plan) === planKey({ profile, retentionYears }))?.workloads;
  };
}
