import type { Logger } from 'pino';
import type { RunningSimulator } from '@custodia/m365-simulator';
import { findTenant, type MountedApi } from '@custodia/backend/api/index';
import { insertTenant } from '@custodia/backend/tenants/tenant-store';
import { writeSettings } from '@custodia/backend/settings/settings-store';
import { invitePortalUser } from '@custodia/backend/portal-users/invitation';
import type { BackupApiServices } from '@custodia/backend/jobs-api/index';
import { writeLicence } from '@custodia/backend/licences/index';

/** The person to sign in as: the demo tenant's administrator. */
export interface DemoAdministrator {
  name: string;
  email: string;
}

/**
 * The demo: the simulator's company onboarded and set up (Milan, every workload), a Gold licence
 * for 30 people, its first user invited as tenant administrator, and one nightly job for the whole
 * organisation, scheduled. Runs once; answers with the administrator every time.
 */
export async function seedDemoTenant(
  sim: RunningSimulator,
  api: MountedApi,
  backup: BackupApiServices,
  logger: Logger,
): Promise<DemoAdministrator> {
  const { db } = api.services;
  const [admin] = sim.control.listUsers();
  if (!admin) throw new Error('the demo tenant has no users');
  const itManager = { name: admin.displayName, email: admin.userPrincipalName };
  if (await findTenant(db, sim.tenantId)) return itManager;
  const now = new Date();
  const onboarded = await insertTenant(db, {
    tenantId: sim.tenantId,
    name: 'Officine Brambilla S.p.A.',
    onboardedAt: now,
    onboardedBy: 'demo',
    itManager,
    setup: {
      dataLocation: 'italy-north',
      workloads: ['exchange', 'sharepoint-onedrive', 'teams'],
      adminConsent: { grantedAt: now, checkedBy: 'demo' },
      confirmation: { at: now, by: itManager.email },
    },
  });
  // Another process seeding the same demo at once onboarded it first: the rest is its to do.
  if (!onboarded) return itManager;
  await writeSettings(db, sim.tenantId, { defaultLanguage: 'it', notificationSender: admin.userPrincipalName }, now);
  await invitePortalUser(api.services, sim.tenantId, { ...itManager, role: 'tenant_admin' }, 'demo');
  await writeLicence(
    db,
    sim.tenantId,
    {
      plans: [
        { profile: 'Gold', retentionYears: 1, workloads: ['exchange', 'onedrive', 'sharepoint', 'teams'], seats: 30 },
      ],
      storageBytes: 50 * 1024 ** 3,
    },
    'demo',
    now,
  );
  const job = await backup.jobs.create(
    sim.tenantId,
    {
      name: 'Backup notturno',
      scope: { type: 'organisation' },
      workloads: ['exchange', 'onedrive', 'sharepoint', 'teams'],
      dailyTime: '22:00',
      retentionYears: 1,
    },
    itManager.email,
  );
  await backup.scheduling.schedule(job);
  logger.info({ tenantId: sim.tenantId, admin: itManager.email }, 'demo tenant onboarded');
  return itManager;
}
