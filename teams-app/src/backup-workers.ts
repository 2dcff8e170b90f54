import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { DomainEvents, Scheduler } from '@custodia/backend';
import { BackupJobs, graphErrorReader, RunEngine } from '@custodia/backend/backup/index';
import { GraphGateway, type GraphLimits, type GraphTenantConnection } from '@custodia/backend/graph/index';
import { LicenceMonitor, profileWorkloadsFromLicence } from '@custodia/backend/licences/index';
import { startNotificationWorker } from '@custodia/backend/notifications/index';
import { ExportService, RestoreService } from '@custodia/backend/restore/index';
import { UsageReports } from '@custodia/backend/reports/index';
import { RetentionJobs } from '@custodia/backend/retention/index';
import { startEndOfRunPipeline } from '@custodia/backend/run-end/index';
import type { ContentStore, PackBackend } from '@custodia/backend/store/index';

export interface BackupWorkers {
  /** This process among the deployment's workers: in leases and event claims. */
  readonly workerName: string;
  readonly scheduler: Scheduler;
  readonly events: DomainEvents;
  readonly engine: RunEngine;
  readonly jobs: BackupJobs;
  readonly restores: RestoreService;
  /** Only in the process that serves the download links (the exports are files of its own). */
  readonly exports: ExportService | undefined;
  /** The Graph gateway of a customer tenant, one per tenant and process. */
  graphFor(tenantId: string): Promise<GraphGateway>;
  /**
   * Stops the end-of-run pipeline, stops taking jobs and waits up to the timeout for running ones (the store is the
   * caller's to close).
   */
  drain(timeoutMs: number): Promise<void>;
}

export interface BackupWorkersOptions {
  readonly db: Db;
  readonly store: ContentStore;
  /** The store's pack backend and master key, for the daily retention sweep and garbage collection. */
  readonly storeBackend: PackBackend;
  readonly masterKey: Buffer;
  connectionFor(tenantId: string): GraphTenantConnection;
  readonly logger: Logger;
  readonly workerName?: string;
  /** Where background exports write their ZIPs; set only in the process that serves their downloads. */
  readonly exportDirectory?: string;
  /** Where letters link to (the portal). */
  readonly portalUrl?: string;
  /** The provider's mailbox in its own directory: it sends the provider's letters (welcome, support notices). */
  readonly providerMailbox?: { readonly tenantId: string; readonly mailbox: string | undefined };
  readonly limits?: Partial<GraphLimits>;
  /** How long a crashed worker's unit or restore stays leased before another worker resumes it. */
  readonly unitLeaseMs?: number;
  readonly pollIntervalMs?: number;
  /**
   * The customer tenants this process can reach (default: any); the end-of-run pipeline leaves other tenants' events
   * to the processes that can.
   */
  readonly servesTenant?: (tenantId: string) => boolean;
}

/**
 * The Agenda workers of a process: backups, restores, notifications, retention and (where downloads are served)
 * exports. The product's process and any number of worker-only processes run them against one database; units and
 * restores are leased, Graph budgets shared through the database.
 */
export async function startBackupWorkers(options: BackupWorkersOptions): Promise<BackupWorkers> {
  const { db, store, logger } = options;
  const workerName = options.workerName ?? `${hostname()}:${process.pid}`;
  const gateways = new Map<string, Promise<GraphGateway>>();
  const graphFor = (tenantId: string): Promise<GraphGateway> => {
    let gateway = gateways.get(tenantId);
    if (!gateway) {
      gateway = GraphGateway.open({
        connection: options.connectionFor(tenantId),
        db,
        logger,
        ...(options.limits && { limits: options.limits }),
      });
      gateways.set(tenantId, gateway);
    }
    return gateway;
  };
  const scheduler = new Scheduler({
    db,
    workerName,
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
    onLapsedLockSlots: (jobNames) =>
      logger.warn(
        { jobNames },
        'Agenda had left lock slots counted for jobs whose locks lapsed in its queue; released',
      ),
  });
  const events = new DomainEvents(db);
  const engine = new RunEngine({
    db,
    scheduler,
    events,
    store,
    graphFor,
    graphErrors: graphErrorReader,
    workerName,
    profileWorkloads: profileWorkloadsFromLicence(db),
    ...(options.unitLeaseMs !== undefined && { unitLeaseMs: options.unitLeaseMs }),
  });
  const restores = new RestoreService({
    db,
    scheduler,
    events,
    store,
    graphFor,
    workerName,
    // One lease length for units and restores: how long a killed worker's work waits before another resumes it.
    ...(options.unitLeaseMs !== undefined && { leaseMs: options.unitLeaseMs, retryDelayMs: options.unitLeaseMs }),
  });
  const exports =
    options.exportDirectory === undefined
      ? undefined
      : new ExportService({ db, scheduler, store, directory: options.exportDirectory });
  const retention = new RetentionJobs({
    db,
    scheduler,
    backend: options.storeBackend,
    masterKey: options.masterKey,
    workerName,
    onReport: (report) => logger.info({ report }, 'retention and garbage collection done'),
  });
  // A usage point per tenant and day, after every run (through the pipeline below) and daily: the Reports history.
  const reports = new UsageReports({
    db,
    scheduler,
    graphFor,
    onError: (error) => logger.error({ err: error }, 'usage snapshot failed'),
  });
  await scheduler.start();
  await engine.scheduleRecovery();
  await retention.start();
  await reports.start();
  // The outbox (letters of events, welcome letters, the daily digest) goes out through Graph sendMail.
  const notifications = await startNotificationWorker({
    db,
    scheduler,
    graphFor,
    logger,
    ...(options.portalUrl !== undefined && { portalUrl: options.portalUrl }),
    ...(options.providerMailbox && { provider: options.providerMailbox }),
    ...(options.servesTenant && { serves: options.servesTenant }),
  });
  // Every process that can end a run runs the same pipeline; claims in the database give each event to one of them.
  const endOfRun = startEndOfRunPipeline({
    db,
    instance: workerName,
    licences: new LicenceMonitor(db, events),
    usage: reports,
    notifier: notifications.notifier,
    ...(options.servesTenant && { serves: options.servesTenant }),
    onError: (error, event) =>
      logger.error(
        { err: error, tenantId: event?.tenantId, eventId: event?.eventId, type: event?.type },
        'end-of-run step failed: tried again at the next pass',
      ),
  });
  return {
    workerName,
    scheduler,
    events,
    engine,
    jobs: new BackupJobs(db),
    restores,
    exports,
    graphFor,
    async drain(timeoutMs) {
      await endOfRun.stop();
      await scheduler.drain(timeoutMs);
    },
  };
}
