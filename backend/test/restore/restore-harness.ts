import type { StartSimulatorOptions } from '@custodia/m365-simulator';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { RestoreService, type NewRestoreRequest, type RestoreRequest } from '../../src/restore/index.js';
import { Catalog, type ItemVersion } from '../../src/catalog/index.js';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { restoreTenant } from './fixture.js';

export interface RestoreWorker {
  scheduler: Scheduler;
  service: RestoreService;
  stop(): Promise<void>;
}

/** The small fixture tenant, backed up once (mail and OneDrive) by the real engine. */
export async function startBackedUpTenant(
  simulator: Partial<StartSimulatorOptions> = {},
  beforeBackup: (harness: BackupHarness) => Promise<void> = async () => undefined,
): Promise<BackupHarness> {
  const harness = await startBackupHarness({ tenant: restoreTenant, timeScale: 60, enforceLimits: true, ...simulator });
  await beforeBackup(harness);
  const { run } = await harness.runJob({
    name: 'Restore fixture',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'onedrive'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  // Without the mailbox import/export API every mailbox warns that it is backed up without full fidelity.
  const expected = simulator.appRoles ? ['succeeded', 'warning'] : ['succeeded'];
  if (!expected.includes(run.status)) throw new Error(`fixture backup ended ${run.status}: ${run.error ?? ''}`);
  return harness;
}

/** A restore worker of its own (its own Agenda scheduler), as another process would run it. */
export async function startRestoreWorker(harness: BackupHarness, workerName: string): Promise<RestoreWorker> {
  const scheduler = new Scheduler({ db: harness.database.db, workerName, pollIntervalMs: 100, lockLifetimeMs: 30_000 });
  const service = new RestoreService({
    db: harness.database.db,
    scheduler,
    events: harness.events,
    store: harness.store,
    graphFor: async () => harness.gateway,
    workerName,
    leaseMs: 2_000,
    retryDelayMs: 300,
    uploadBudget: { bytes: 150_000_000, windowMs: 5_000 },
    fileChunkBytes: 320 * 1024,
  });
  await scheduler.start();
  return { scheduler, service, stop: () => scheduler.drain(10_000) };
}

export async function restoreAndWait(
  worker: RestoreWorker,
  tenantId: string,
  input: NewRestoreRequest,
  requestedBy = 'admin@test',
): Promise<RestoreRequest> {
  const request = await worker.service.request(tenantId, requestedBy, input);
  return waitForRestore(worker.service, tenantId, request.restoreId);
}

export async function waitForRestore(
  service: RestoreService,
  tenantId: string,
  restoreId: string,
  withinMs = 60_000,
): Promise<RestoreRequest> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const current = await service.get(tenantId, restoreId);
    if (current && (current.status === 'completed' || current.status === 'failed')) return current;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`restore ${restoreId} did not finish within ${withinMs / 1000} s`);
}

export function currentVersions(harness: BackupHarness, resourceId: string): Promise<ItemVersion[]> {
  return new Catalog(harness.database.db, harness.tenantId).currentItems(resourceId);
}
