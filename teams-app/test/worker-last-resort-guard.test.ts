import { randomBytes } from 'node:crypto';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

/**
 * The worker-only process has the product process's last-resort guard: a promise nobody awaited and an exception
 * thrown out of the event loop, inside the real `worker.ts` once it is ready, are logged and the worker goes on to
 * back up a whole run and to stop cleanly. Without the guard either ends the process (Node 22's default).
 */
let bed: WorkerTestBed;

// Loaded before the worker's own code: on SIGUSR2 it fails twice the way a forgotten handler would.
const faults = `process.on('SIGUSR2', () => {
  Promise.reject(new Error('nobody awaited me'));
  setImmediate(() => { throw new Error('nobody caught me'); });
});`;

beforeAll(async () => {
  bed = await startWorkerTestBed('worker_guard', { users: 2, messagesPerUser: 20, filesPerUser: 2, seed: 23 });
});

afterAll(() => bed?.dispose());

test('a worker-only process logs an unhandled rejection and an uncaught exception, and keeps backing up', async () => {
  const { sim, database } = bed;
  const environment = {
    ...workerEnvironment(sim, database, bed.storeDir, randomBytes(32), 6_000),
    NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(faults)}`,
  };
  const worker = bed.spawn(environment, 'guarded-worker');
  await worker.ready;

  worker.kill('SIGUSR2');
  const client = new RunClient(database.db, sim.tenantId);
  await client.waitFor(
    async () => worker.output(),
    (output) => output.includes('"guard":"unhandledRejection"') && output.includes('"guard":"uncaughtException"'),
    20_000,
  );
  expect(worker.output()).toContain('nobody awaited me');
  expect(worker.output()).toContain('nobody caught me');

  const runId = await client.startFullBackup();
  const run = await client.waitForEnd(runId, 120_000);
  expect(run?.status).toBe('succeeded');
  const { difference, exact } = await bed.catalogDifference();
  expect(difference).toEqual(exact);

  worker.kill('SIGTERM');
  expect((await worker.exited).code).toBe(0);
  expect(worker.output()).toContain('"msg":"backup worker stopped"');
}, 170_000);
