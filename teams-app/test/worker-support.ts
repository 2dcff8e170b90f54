import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from 'mongodb';
import type { RunningSimulator } from '@custodia/m365-simulator';
import { Scheduler } from '@custodia/backend';
import { BackupJobs, graphErrorReader, RunEngine, type RunUnit, type RunView } from '@custodia/backend/backup/index';
import { DomainEvents } from '@custodia/backend/events';
import { RestoreService, type RestoreItem, type RestoreRequest } from '@custodia/backend/restore/index';

const workerScript = fileURLToPath(new URL('../dist/worker.js', import.meta.url));

/** One `teams-app/dist/worker.js` process, run by the same Node 22 binary as the tests. */
export interface WorkerProcess {
  readonly name: string;
  /** Resolves when the worker logs that it is ready; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
  /** Everything the process wrote to stderr, and its log lines, for failure messages. */
  output(): string;
}

export function spawnWorker(environment: Record<string, string>, name: string): WorkerProcess {
  if (!existsSync(workerScript)) throw new Error(`${workerScript} is missing: run \`npm run build\` first`);
  const child: ChildProcess = spawn(process.execPath, [workerScript], {
    env: { PATH: process.env.PATH ?? '', ...environment, WORKER_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (piece: Buffer) => (output += piece.toString('utf8')));
  child.stderr?.on('data', (piece: Buffer) => (output += piece.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const watch = (): void => {
      if (output.includes('"msg":"backup worker ready"')) {
        child.stdout?.off('data', watch);
        resolve();
      }
    };
    child.stdout?.on('data', watch);
    void exited.then(({ code, signal }) =>
      reject(new Error(`worker ${name} exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
  return { name, ready, exited, kill: (signal) => child.kill(signal), output: () => output };
}

/** The environment of a worker that backs up the simulator's tenant into the given database and store. */
export function workerEnvironment(
  sim: RunningSimulator,
  database: { uri: string; name: string },
  storeDir: string,
  masterKey: Buffer,
  unitLeaseMs: number,
): Record<string, string> {
  return {
    LOG_LEVEL: 'info',
    MONGODB_URI: database.uri,
    MONGODB_DATABASE: database.name,
    STORE_DIR: storeDir,
    CUSTODIA_MASTER_KEY: masterKey.toString('base64'),
    GRAPH_BASE_URL: sim.graphBaseUrl,
    AUTHORITY_HOST: sim.authorityHost,
    GRAPH_TENANT_ID: sim.tenantId,
    GRAPH_CLIENT_ID: sim.app.clientId,
    GRAPH_CLIENT_SECRET: sim.app.clientSecret,
    GRAPH_TIME_SCALE: '60',
    UNIT_LEASE_MS: String(unitLeaseMs),
    SCHEDULER_POLL_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '10000',
  };
}

/**
 * Queues runs and reads their state from the test process, as the portal would: its scheduler is never started, so
 * this process only writes Agenda jobs and never processes a unit itself.
 */
export class RunClient {
  /** Reads runs and jobs as the product's process does (the bot's cards read them too). */
  readonly engine: RunEngine;
  readonly jobs: BackupJobs;
  private readonly tenantId: string;

  // No parameter properties: benchmarks import this file with Node's type stripping, which supports none.
  constructor(db: Db, tenantId: string) {
    this.tenantId = tenantId;
    const scheduler = new Scheduler({ db, workerName: 'test-client' });
    this.jobs = new BackupJobs(db);
    this.engine = new RunEngine({
      db,
      scheduler,
      events: new DomainEvents(db),
      store: { put: unused, putStream: unused, flush: unused },
      graphFor: unused,
      graphErrors: graphErrorReader,
      workerName: 'test-client',
    });
  }

  async startFullBackup(): Promise<string> {
    const job = await this.jobs.create(
      this.tenantId,
      {
        name: 'Ogni notte',
        scope: { type: 'organisation' },
        workloads: ['exchange', 'onedrive', 'sharepoint'],
        dailyTime: '22:00',
        retentionYears: 1,
      },
      'admin@test',
    );
    return (await this.engine.startRun(this.tenantId, job.jobId, 'manual', 'admin@test')).runId;
  }

  units(runId: string): Promise<RunUnit[]> {
    return this.engine.runUnits(this.tenantId, runId);
  }

  async waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  waitForEnd(runId: string, timeoutMs: number): Promise<RunView | null> {
    return this.waitFor(
      () => this.engine.run(this.tenantId, runId),
      (run) => run !== null && run.status !== 'queued' && run.status !== 'running',
      timeoutMs,
    );
  }
}

/** Queues restores and reads their state from the test process; the worker processes run them. */
export class RestoreClient {
  private readonly service: RestoreService;
  private readonly tenantId: string;

  constructor(db: Db, tenantId: string) {
    this.tenantId = tenantId;
    const idle = { put: unused, putStream: unused, flush: unused, openStream: unused, read: unused, has: unused };
    this.service = new RestoreService({
      db,
      scheduler: new Scheduler({ db, workerName: 'test-client' }),
      events: new DomainEvents(db),
      store: { ...idle, close: unused },
      graphFor: unused,
      workerName: 'test-client',
    });
  }

  async restoreInPlace(resourceId: string): Promise<string> {
    const request = await this.service.request(this.tenantId, 'admin@test', {
      selection: { type: 'resource', resourceId },
      target: { type: 'original' },
      conflictPolicy: 'skip',
      language: 'it',
    });
    return request.restoreId;
  }

  get(restoreId: string): Promise<RestoreRequest | null> {
    return this.service.get(this.tenantId, restoreId);
  }

  items(restoreId: string): Promise<RestoreItem[]> {
    return this.service.itemResults(this.tenantId, restoreId, { limit: 100_000 });
  }
}

function unused(): never {
  throw new Error('the test client never backs up anything itself');
}
