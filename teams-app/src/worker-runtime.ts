import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { Scheduler } from '@custodia/backend';
import { BackupJobs, graphErrorReader, RunEngine } from '@custodia/backend/backup/index';
import { DomainEvents } from '@custodia/backend/events';
import { GraphGateway, type GraphLimits, type GraphTenantConnection } from '@custodia/backend/graph/index';
import { filesystemBackend, openContentStore, type ContentStore } from '@custodia/backend/store/index';

export interface BackupWorkerOptions {
  /** The database every worker of the deployment shares (indexes already created). */
  readonly db: Db;
  /** The filesystem content store every worker of the deployment shares. */
  readonly storeDir: string;
  /** 32 bytes; the same in every worker, or the store refuses to open. */
  readonly masterKey: Buffer;
  /** The one customer tenant this worker backs up. */
  readonly connection: GraphTenantConnection;
  readonly workerName: string;
  readonly limits?: Partial<GraphLimits>;
  /** How long a crashed worker's unit stays leased before another worker resumes it. */
  readonly unitLeaseMs?: number;
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
}

export interface BackupWorker {
  readonly engine: RunEngine;
  readonly jobs: BackupJobs;
  readonly scheduler: Scheduler;
  readonly gateway: GraphGateway;
  readonly store: ContentStore;
  /** Stops taking units, waits up to the timeout for running ones, then makes stored content durable. */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * The backup workers alone: Agenda polling for run and unit jobs, the run engine, the Graph layer and
 * the content store. Any number of these, in any number of processes, share one run's units.
 */
export async function startBackupWorker(options: BackupWorkerOptions): Promise<BackupWorker> {
  const { db, connection, workerName } = options;
  const store = await openContentStore({
    db,
    backend: filesystemBackend(options.storeDir),
    masterKey: options.masterKey,
  });
  const gateway = await GraphGateway.open({
    connection,
    db,
    ...(options.logger && { logger: options.logger }),
    ...(options.limits && { limits: options.limits }),
  });
  const scheduler = new Scheduler({
    db,
    workerName,
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
  });
  const engine = new RunEngine({
    db,
    scheduler,
    events: new DomainEvents(db),
    store,
    graphFor: async (tenantId) => {
      if (tenantId !== connection.tenantId) {
        throw new Error(`this worker reads tenant ${connection.tenantId}, not ${tenantId}`);
      }
      return gateway;
    },
    graphErrors: graphErrorReader,
    workerName,
    ...(options.unitLeaseMs !== undefined && { unitLeaseMs: options.unitLeaseMs }),
  });
  await scheduler.start();
  await engine.scheduleRecovery();
  return {
    engine,
    jobs: new BackupJobs(db),
    scheduler,
    gateway,
    store,
    async stop(timeoutMs) {
      await scheduler.drain(timeoutMs);
      await store.close();
    },
  };
}
