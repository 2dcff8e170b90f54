import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import type { Workload } from '../backup/model.js';
import { backupWorkloadsChosen, workloadList } from '../tenants/setup-services.js';
import { findTenant } from '../tenants/tenant-store.js';

/**
 * A job includes only services ticked at the tenant's setup (the guide's "servizi da proteggere"): refused with
 * `workloads_not_in_setup`, naming them, otherwise. The setup is what the customer agreed to protect.
 */
export async function assertWorkloadsChosenAtSetup(db: Db, tenantId: string, workloads: readonly Workload[]) {
  const tenant = await findTenant(db, tenantId);
  const chosen = new Set<Workload>(backupWorkloadsChosen(tenant?.setup.workloads ?? []));
  const notChosen = workloads.filter((workload) => !chosen.has(workload));
  if (notChosen.length > 0) {
    throw new ApiError(409, 'workloads_not_in_setup', { workloads: notChosen }, { workloads: workloadList(notChosen) });
  }
}
