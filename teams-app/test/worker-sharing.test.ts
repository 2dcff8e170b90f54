import { randomBytes } from 'node:crypto';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

let bed: WorkerTestBed;

beforeAll(async () => {
  bed = await startWorkerTestBed('worker_sharing', { users: 5, messagesPerUser: 80, filesPerUser: 3, seed: 12 });
  // Every answer takes 20 ms more, so no unit ends before the second worker's first poll, however fast the machine.
  bed.sim.control.setFaults({ slowRate: 1, slowMs: 20 });
});

afterAll(() => bed?.dispose());

interface LeaseRecord {
  resourceId: string;
  epoch: number;
  owner: string;
}

test('two worker processes on one database share a run’s units, and no unit is processed by both', async () => {
  const { sim, database } = bed;
  const environment = workerEnvironment(sim, database, bed.storeDir, randomBytes(32), 20_000);
  const workers = [bed.spawn(environment, 'worker-a'), bed.spawn(environment, 'worker-b')];
  await Promise.all(workers.map((worker) => worker.ready));

  const client = new RunClient(database.db, sim.tenantId);
  const runId = await client.startFullBackup();
  const run = await client.waitForEnd(runId, 120_000);
  const units = await client.units(runId);
  const problems = units.filter((unit) => unit.error !== null || unit.warnings.length > 0);
  expect({ status: run?.status, problems }).toEqual({ status: 'succeeded', problems: [] });
  expect(units.length).toBe(11);
  const leases = await database.db
    .collection<LeaseRecord>('backupUnitLeases')
    .find({ tenantId: sim.tenantId, runId }, { projection: { _id: 0, resourceId: 1, epoch: 1, owner: 1 } })
    .toArray();
  expect(units.map((unit) => unit.attempts)).toEqual(units.map(() => 1));
  expect(leases.map((lease) => lease.resourceId).sort()).toEqual(units.map((unit) => unit.resourceId).sort());
  expect(leases.every((lease) => lease.epoch === 0)).toBe(true);
  expect(new Set(leases.map((lease) => lease.owner))).toEqual(new Set(['worker-a', 'worker-b']));

  const { difference, exact } = await bed.catalogDifference();
  expect(difference).toEqual(exact);
}, 170_000);
