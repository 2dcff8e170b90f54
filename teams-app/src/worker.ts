// A backup-worker-only process: no HTTP server, no bot. Start as many as the database and Graph's
// limits allow; they share every run's units. SIGTERM (or SIGINT) drains running units first.
import { openDatabase, watchDatabase } from '@custodia/backend';
import { ConfigError } from './config-error.js';
import { installLastResortGuard } from './last-resort-guard.js';
import { createLogger } from './logger.js';
import { loadWorkerConfig, type WorkerConfig } from './worker-config.js';
import { startBackupWorker } from './worker-runtime.js';

let config: WorkerConfig;
try {
  config = loadWorkerConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.logLevel).child({ worker: config.workerName });
installLastResortGuard(logger);
const database = await openDatabase(config.mongodbUri, config.mongodbDatabase, logger);
const worker = await startBackupWorker({
  db: database.db,
  storeLocations: config.storeLocations,
  masterKey: config.masterKey,
  connection: config.connection,
  workerName: config.workerName,
  limits: { timeScale: config.graphTimeScale },
  unitLeaseMs: config.unitLeaseMs,
  pollIntervalMs: config.pollIntervalMs,
  logger,
});
logger.info(
  { tenantId: config.connection.tenantId, stores: config.storeLocations.map(({ location }) => location) },
  'backup worker ready',
);

// A connection that never comes back after an outage, a scheduler that stopped taking jobs after one (its recurring
// recovery job runs at least every minute), or one that still runs its recurring jobs but no longer takes due units
// (Agenda after an outage, seen in the database-outage test), would leave this worker idle for good: exit instead, so
// the supervisor starts a fresh process; every unit and restore resumes where it stopped.
const stalledFor = () => Date.now() - worker.scheduler.lastActivityAt;
// A read that fails says nothing about the work: the ping beside it judges the database.
const working = async () =>
  (await worker.scheduler.idleWithDueWorkForMs(config.connection.tenantId).catch(() => 0)) < config.databaseLostExitMs;
watchDatabase(
  async (timeoutMs) =>
    stalledFor() < config.databaseLostExitMs && (await database.ping(timeoutMs)) && (await working()),
  {
    unreachableForMs: config.databaseLostExitMs,
    onLost: () => {
      logger.fatal(
        { unreachableForMs: config.databaseLostExitMs },
        'database unreachable or scheduler stalled for too long: exiting to be restarted / database o scheduler fermi: riavvio',
      );
      process.exit(75);
    },
  },
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining running backup units, then stopping');
  await worker.stop(config.shutdownTimeoutMs);
  await database.close();
  logger.info('backup worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
