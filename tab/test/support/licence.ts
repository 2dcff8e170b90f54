import { writeLicence, type LicencePlan } from '@custodia/backend/licences/index';
import type { PortalSession } from './portal-session.js';

/** Gold at 1 year with every service and 30 seats (the demo tenant's), beside the plans a test adds. */
export const demoGold: LicencePlan = {
  profile: 'Gold',
  retentionYears: 1,
  workloads: ['exchange', 'onedrive', 'sharepoint', 'teams'],
  seats: 30,
};

/** What the provider records as bought for the demo tenant: these plans and 50 GiB of storage. */
export async function buyLicence(session: PortalSession, plans: LicencePlan[]): Promise<void> {
  const { db } = session.server.app.database;
  await writeLicence(db, session.server.sim.tenantId, { plans, storageBytes: 50 * 1024 ** 3 }, 'provider', new Date());
}
