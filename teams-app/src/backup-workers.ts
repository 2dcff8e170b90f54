import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { DomainEvents, Scheduler } from '@custodia/backend';
import { graphErrorReader, RunEngine } from '@custodia/backend/backup/index';
import { GraphGateway } from '@custodia/backend/graph/index';
import { startNotificationWorker } from '@custodia/backend/notifications/index';
import { ExportService, RestoreService } from '@custodia/backend/restore/index';
import type { ContentStore } from '@custodia/backend/store/index';
import type { Microsoft365 } from './microsoft-365.js';

export interface BackupWorkers {
  readonly scheduler: Scheduler;
  readonly events: DomainEvents;
  readonly engine: RunEngine;
  readonly restores: RestoreService;
  readonly exports: ExportService;
  /** The Graph gateway of a customer tenant, one per tenant and process. */
  graphFor(tenantId: string): Promise<GraphGateway>;
}

/**
 * The Agenda workers of this process and the backup and restore engines they run. Any number of processes may
 * run them against one database; units are leased, budgets shared through the database.
 */
export async function startBackupWorkers(options: {
  db: Db;
  store: ContentStore;
  microsoft365: Microsoft365;
  logger: Logger;
  /** Where background exports write their ZIPs until they are downloaded. */
  exportDirectory: string;
}): Promise<BackupWorkers> {
  const workerName = `${hostname()}:${process.pid}`;
  const gateways = new Map<string, Promise<GraphGateway>>();
  const graphFor = (tenantId: string): Promise<GraphGateway> => {
    let gateway = gateways.get(tenantId);
    if (!gateway) {
      gateway = GraphGateway.open({
        connection: options.microsoft365.connectionFor(tenantId),
        db: options.db,
        logger: options.logger,
      });
      gateways.set(tenantId, gateway);
    }
    return gateway;
  };
  const scheduler = new Scheduler({ db: options.db, workerName });
  const events = new DomainEvents(options.db);
  const engine = new RunEngine({
    db: options.db,
    scheduler,
    events,
    store: options.store,
    graphFor,
    graphErrors: graphErrorReader,
    workerName,
  });
  const restores = new RestoreService({
    db: options.db,
    scheduler,
    events,
    store: options.store,
    graphFor,
    workerName,
  });
  const exports = new ExportService({
    db: options.db,
    scheduler,
    store: options.store,
    directory: options.exportDirectory,
  });
  await scheduler.start();
  await engine.scheduleRecovery();
  // Domain events become letters, and the outbox (welcome letters too) goes out through Graph sendMail.
  await startNotificationWorker({ db: options.db, scheduler, events, graphFor, logger: options.logger });
  return { scheduler, events, engine, restores, exports, graphFor };
}
