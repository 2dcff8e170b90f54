import type { Db } from 'mongodb';
import { createBackupApiServices } from '../../../src/jobs-api/index.js';
import { ExportService } from '../../../src/restore/index.js';
import { createRestoreApiServices, type RestoreApiServices } from '../../../src/restore-api/index.js';
import type { BackupHarness } from '../../backup/harness.js';
import type { RestoreWorker } from '../../restore/restore-harness.js';
import {
  person,
  providerTenant,
  seedProviderOperator,
  seedTenant,
  startHarness,
  type Harness,
  type TestPerson,
} from './harness.js';

/** The restore API over a restore worker, with background exports written to `exportsDir`. */
export function restoreApiOn(
  backup: BackupHarness,
  worker: RestoreWorker,
  exportsDir: string,
): (db: Db) => RestoreApiServices {
  const exports = new ExportService({
    db: backup.database.db,
    scheduler: worker.scheduler,
    store: backup.store,
    directory: exportsDir,
  });
  return (db) => createRestoreApiServices({ db, restores: worker.service, exports });
}

/**
 * The management API over a backup harness: its real engine, scheduler and events, the directory read through its
 * Graph gateway, and the restore API when given.
 */
export function startApiOnBackup(backup: BackupHarness, restore?: (db: Db) => RestoreApiServices): Promise<Harness> {
  return startHarness({
    database: backup.database,
    backup: (db) =>
      createBackupApiServices({
        db,
        scheduler: backup.scheduler,
        engine: backup.engine,
        events: backup.events,
        directory: { graphFor: async () => backup.gateway },
      }),
    ...(restore && { restore }),
  });
}

/** The backup harness's tenant onboarded and set up, and a provider operator who records what it bought. */
export async function onboardWithProvider(api: Harness, backup: BackupHarness): Promise<TestPerson> {
  await seedTenant(api.services, backup.tenantId);
  const provider = person(providerTenant, 'paolo');
  await seedProviderOperator(api.services, provider);
  return provider;
}
