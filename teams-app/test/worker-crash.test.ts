import { randomBytes } from 'node:crypto';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

let bed: WorkerTestBed;

beforeAll(async () => {
  bed = await startWorkerTestBed('worker_crash', { users: 3, messagesPerUser: 150, filesPerUser: 3, seed: 11 });
});

afterAll(() => bed?.dispose());

test('a worker killed with SIGKILL in the middle of a unit is resumed by another: nothing lost, nothing twice', async () => {
  const { sim, database } = bed;
  const environment = workerEnvironment(sim, database, bed.storeDir, randomBytes(32), 6_000);
  const first = bed.spawn(environment, 'worker-a');
  await first.ready;

  const client = new RunClient(database.db, sim.tenantId);
  const runId = await client.startFullBackup();
  await client.waitFor(
    () => client.units(runId),
    (units) => units.some((unit) => unit.status === 'running' && unit.items > 0),
    60_000,
  );
  first.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  // A dead worker updates nothing: the units still marked running are the ones it was killed in.
  const interrupted = (await client.units(runId))
    .filter((unit) => unit.status === 'running')
    .map((unit) => unit.resourceId);
  expect(interrupted.length).toBeGreaterThan(0);

  const second = bed.spawn(environment, 'worker-b');
  await second.ready;
  const run = await client.waitForEnd(runId, 120_000);
  expect(run?.status).toBe('succeeded');

  const units = await client.units(runId);
  for (const unit of units.filter((candidate) => interrupted.includes(candidate.resourceId))) {
    expect(unit.attempts).toBeGreaterThanOrEqual(2);
  }
  const { difference, exact } = await bed.catalogDifference();
  expect(difference).toEqual(exact);

  second.kill('SIGTERM');
  const stopped = await second.exited;
  expect(stopped.code).toBe(0);
  expect(second.output()).toContain('"msg":"backup worker stopped"');
}, 170_000);
