import type { Db } from 'mongodb';
import type { ActivityLog } from '../audit/activity-log.js';
import { ApiError } from '../http/api-error.js';
import type { RouteServices } from '../http/route.js';
import { BackupJobs } from '../backup/backup-jobs.js';
import type { GraphReader } from '../backup-unit/ports.js';
import type { RunEngine } from '../backup/run-engine.js';
import type { DomainEvents } from '../events.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { LicenceMonitor } from '../licences/licence-monitor.js';
import { JobScheduling } from './job-scheduling.js';

/** App-only reads of a customer's directory: to check chosen groups and count the people a job covers. */
export interface DirectoryAccess {
  graphFor(tenantId: string): Promise<GraphReader>;
}

/** What the jobs, job log, items and licence routes need from the backup engine. */
export interface BackupApiServices {
  readonly engine: RunEngine;
  readonly jobs: BackupJobs;
  readonly scheduling: JobScheduling;
  readonly licences: LicenceMonitor;
  /** Absent: groups are checked for format only and seats are counted when runs report. */
  readonly directory?: DirectoryAccess;
}

export interface BackupApiOptions {
  db: Db;
  scheduler: Scheduler;
  engine: RunEngine;
  events: DomainEvents;
  directory?: DirectoryAccess;
}

/**
 * Builds the backup side of the API once per process. The composition root passes the result to
 * `mountApi`; what follows the end of a run is the end-of-run pipeline's (`../run-end`), not the API's.
 */
export function createBackupApiServices(options: BackupApiOptions): BackupApiServices {
  return {
    engine: options.engine,
    jobs: new BackupJobs(options.db),
    scheduling: new JobScheduling(options.db, options.scheduler, options.engine),
    licences: new LicenceMonitor(options.db, options.events),
    ...(options.directory && { directory: options.directory }),
  };
}

/** What the jobs, job log and directory routes reach: the backup engine, when this process runs one. */
export interface BackupRouteServices extends RouteServices {
  readonly backup?: BackupApiServices;
  /** "Run this job" writes its entry through `requestRun`, as the bot's does. */
  readonly activity: ActivityLog;
}

/** The backup services, or 503 when this process was started without the backup engine. */
export function backupOf(services: BackupRouteServices): BackupApiServices {
  if (!services.backup) throw new ApiError(503, 'backup_unavailable');
  return services.backup;
}
