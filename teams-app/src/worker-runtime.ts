import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Scheduler } from '@custodia/backend';
import type { BackupJobs, RunEngine } from '@custodia/backend/backup/index';
import type { GraphGateway, GraphLimits, GraphTenantConnection } from '@custodia/backend/graph/index';
import type { ContentStore } from '@custodia/backend/store/index';
import { startBackupWorkers } from './backup-workers.js';
import { openConfiguredStore } from './content-store.js';
import type { StoreLocation } from './store-locations.js';
import { createLogger } from './logger.js';

export interface BackupWorkerOptions {
  /** The database every worker of the deployment shares (indexes already created). */
  readonly db: Db;
  /** The content stores every worker of the deployment shares, one per data location (STORE_LOCATIONS). */
  readonly storeLocations: readonly StoreLocation[];
  /** 32 bytes; the same in every worker, or the store refuses to open. */
  readonly masterKey: Buffer;
  /** The one customer tenant this worker backs up. */
  readonly connection: GraphTenantConnection;
  readonly workerName: string;
  readonly limits?: Partial<GraphLimits>;
  /** How long a crashed worker's unit stays leased before another worker resumes it. */
  readonly unitLeaseMs?: number;
  readonly pollIntervalMs?: number;
  /** Silent when absent (benchmarks). */
  readonly logger?: Logger;
}

export interface BackupWorker {
  readonly engine: RunEngine;
  readonly jobs: BackupJobs;
  readonly scheduler: Scheduler;
  readonly gateway: GraphGateway;
  readonly store: ContentStore;
  /** Stops taking jobs, waits up to the timeout for running ones, then makes stored content durable. */
  stop(timeoutMs: number): Promise<void>;
}

/**
 * A worker-only process's workers: backups, restores, notifications and retention of one customer tenant, with no
 * HTTP server (so no exports, whose downloads the product's process serves). Any number of these, in any number of
 * processes, share one run's units.
 */
export async function startBackupWorker(options: BackupWorkerOptions): Promise<BackupWorker> {
  const { db, connection } = options;
  const { store, backend } = await openConfiguredStore(options.storeLocations, db, options.masterKey);
  const workers = await startBackupWorkers({
    db,
    store,
    storeBackend: backend,
    masterKey: options.masterKey,
    connectionFor: (tenantId) => {
      if (tenantId !== connection.tenantId) {
        throw new Error(`this worker reads tenant ${connection.tenantId}, not ${tenantId}`);
      }
      return connection;
    },
    servesTenant: (tenantId) => tenantId === connection.tenantId,
    logger: options.logger ?? createLogger('silent'),
    workerName: options.workerName,
    ...(options.limits && { limits: options.limits }),
    ...(options.unitLeaseMs !== undefined && { unitLeaseMs: options.unitLeaseMs }),
    ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
  });
  return {
    engine: workers.engine,
    jobs: workers.jobs,
    scheduler: workers.scheduler,
    gateway: await workers.graphFor(connection.tenantId),
    store,
    async stop(timeoutMs) {
      await workers.drain(timeoutMs);
      await store.close();
    },
  };
}
