import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { person, seedPortalUser, type Harness, type TestPerson } from '../api/support/harness.js';
import { onboardWithProvider, startApiOnBackup } from '../api/support/api-on-backup.js';

/** The jobs API over the real backup engine on the simulator's demo tenant, with its administrator and provider. */
export interface DemoTenantJobs {
  backup: BackupHarness;
  api: Harness;
  admin: TestPerson;
  provider: TestPerson;
  /** The directory's groups: display name to id. */
  groups: Map<string, string>;
}

export async function startDemoTenantJobs(options: { servicesByProfile?: boolean } = {}): Promise<DemoTenantJobs> {
  const backup = await startBackupHarness({}, {}, options);
  const api = await startApiOnBackup(backup);
  const provider = await onboardWithProvider(api, backup);
  const admin = person(backup.tenantId, 'giulia');
  await seedPortalUser(api.services, admin, 'tenant_admin');
  const listed = await api.call('GET', '/directory/groups', { token: await api.token(admin) });
  const { items } = listed.body as { items: { id: string; displayName: string }[] };
  return { backup, api, admin, provider, groups: new Map(items.map((group) => [group.displayName, group.id])) };
}

/** A confirmed daily job backing up mail for a year under Gold (the job's profile), with the scope given. */
export const dailyExchangeJob = (name: string, scope: unknown) => ({
  name,
  scope,
  workloads: ['exchange'],
  dailyTime: '22:00',
  timeZone: 'Europe/Rome',
  retentionYears: 1,
  profile: 'Gold',
  confirm: true,
});
