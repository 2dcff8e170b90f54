import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes } from '../../src/db/index.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { DomainEvents } from '../../src/events.js';
import { GraphGateway, type GraphLimits } from '../../src/graph/index.js';
import { filesystemBackend, openContentStore, type ContentStore, type PackBackend } from '../../src/store/index.js';
import { BackupJobs, graphErrorReader, RunEngine, type NewBackupJob, type RunView } from '../../src/backup/index.js';
import { profileWorkloadsFromLicence } from '../../src/licences/index.js';

export interface BackupHarness {
  sim: RunningSimulator;
  database: TestDatabase;
  store: ContentStore;
  /** Where the store's packs live and the key that opens them, for maintenance and verification. */
  storeBackend: PackBackend;
  masterKey: Buffer;
  events: DomainEvents;
  engine: RunEngine;
  scheduler: Scheduler;
  jobs: BackupJobs;
  tenantId: string;
  gateway: GraphGateway;
  /** Creates a job and runs it to its end, returning the finished run. */
  runJob(job: NewBackupJob): Promise<{ jobId: string; run: RunView }>;
  runAgain(jobId: string): Promise<RunView>;
  /** Creates a job backing up every mailbox, runs it once and answers its id; fails unless the run succeeded. */
  backUpMailboxes(name: string): Promise<string>;
  stop(): Promise<void>;
}

const runGuardMs = 420_000;

/** The real backup engine (devdb, Agenda, Graph layer, content store) against the tenant simulator. */
export async function startBackupHarness(
  simulatorOptions: StartSimulatorOptions = {},
  limits: Partial<GraphLimits> = {},
  options: {
    storeDir?: string;
    maxUnitAttempts?: number;
    /** The store's backend instead of a fresh directory, given the harness's database (stores per data location). */
    storeBackend?: (db: Db) => PackBackend;
    masterKey?: Buffer;
    /** Each person gets only the services their profile includes, as the licence says (as in production). */
    servicesByProfile?: boolean;
    /** How many of a run's units have a job at a time (the engine's default otherwise). */
    unitLanes?: number;
  } = {},
): Promise<BackupHarness> {
  const sim = await startSimulator(simulatorOptions);
  const database = await openTestDatabase('backup');
  await ensureIndexes(database.db);
  const storeBackend =
    options.storeBackend?.(database.db) ??
    filesystemBackend(options.storeDir ?? mkdtempSync(join(tmpdir(), 'custodia-store-')));
  const masterKey = options.masterKey ?? randomBytes(32);
  const store = await openContentStore({ db: database.db, backend: storeBackend, masterKey });
  const gateway = await GraphGateway.open({
    connection: {
      tenantId: sim.tenantId,
      clientId: sim.app.clientId,
      clientSecret: sim.app.clientSecret,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
    },
    db: database.db,
    limits: { timeScale: simulatorOptions.timeScale ?? 60, backoffBaseMs: 50, ...limits },
  });
  const scheduler = new Scheduler({
    db: database.db,
    workerName: 'test-worker',
    pollIntervalMs: 500,
    lockLifetimeMs: 40_000,
  });
  const events = new DomainEvents(database.db);
  const engine = new RunEngine({
    db: database.db,
    scheduler,
    events,
    store,
    graphFor: async () => gateway,
    graphErrors: graphErrorReader,
    workerName: 'test-worker',
    unitLeaseMs: 40_000,
    retryDelayMs: 200,
    ...(options.maxUnitAttempts !== undefined && { maxUnitAttempts: options.maxUnitAttempts }),
    ...(options.servicesByProfile && { profileWorkloads: profileWorkloadsFromLicence(database.db) }),
    ...(options.unitLanes !== undefined && { unitLanes: options.unitLanes }),
  });
  const jobs = new BackupJobs(database.db);
  await scheduler.start();

  /**
   * A guard against a run that never ends, not a measure of speed (bench/ measures that): on a loaded two-core
   * machine a full demo-tenant run takes minutes.
   */
  async function waitForEnd(runId: string): Promise<RunView> {
    const deadline = Date.now() + runGuardMs;
    while (Date.now() < deadline) {
      const run = await engine.run(sim.tenantId, runId);
      if (run && !['queued', 'running'].includes(run.status)) return run;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${runId} did not finish within ${runGuardMs / 1000} s`);
  }

  const harness: BackupHarness = {
    sim,
    database,
    store,
    storeBackend,
    masterKey,
    events,
    engine,
    scheduler,
    jobs,
    gateway,
    tenantId: sim.tenantId,
    async runJob(input) {
      const job = await jobs.create(sim.tenantId, input, 'admin@test');
      return { jobId: job.jobId, run: await harness.runAgain(job.jobId) };
    },
    async backUpMailboxes(name) {
      const { jobId, run } = await harness.runJob({
        name,
        scope: { type: 'organisation' },
        workloads: ['exchange'],
        dailyTime: '22:00',
        retentionYears: 1,
      });
      if (run.status !== 'succeeded') throw new Error(`the first run of ${name} ended ${run.status}: ${run.error}`);
      return jobId;
    },
    async runAgain(jobId) {
      const run = await engine.startRun(sim.tenantId, jobId, 'manual', 'admin@test');
      return waitForEnd(run.runId);
    },
    async stop() {
      await scheduler.drain(10_000);
      await store.close();
      await database.dispose();
      await sim.stop();
    },
  };
  return harness;
}
