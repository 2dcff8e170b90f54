import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { ensureIndexes } from '@custodia/backend';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { PlainGraph } from '../../backend/test/backup-scale/plain-graph.js';
import {
  catalogDifferences,
  removeLargeGeneratedFile,
  simulatorInventory,
} from '../../backend/test/backup-scale/inventory.js';
import { RunClient, spawnWorker, workerEnvironment, type WorkerProcess } from './worker-support.js';

let sim: RunningSimulator;
let database: TestDatabase;
let storeDir: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator({ generate: { users: 5, messagesPerUser: 80, filesPerUser: 3, seed: 12 }, timeScale: 60 });
  removeLargeGeneratedFile(sim.control);
  // Every answer takes 20 ms more, so no unit ends before the second worker's first poll, however fast the machine.
  sim.control.setFaults({ slowRate: 1, slowMs: 20 });
  database = await openTestDatabase('worker_sharing');
  await ensureIndexes(database.db);
  storeDir = mkdtempSync(join(tmpdir(), 'custodia-worker-store-'));
});

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  await Promise.all(workers.map((worker) => worker.exited));
  await database?.dispose();
  await sim?.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

interface LeaseRecord {
  resourceId: string;
  epoch: number;
  owner: string;
}

test('two worker processes on one database share a run’s units, and no unit is processed by both', async () => {
  const environment = workerEnvironment(sim, database, storeDir, randomBytes(32), 20_000);
  workers.push(spawnWorker(environment, 'worker-a'), spawnWorker(environment, 'worker-b'));
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

  const expected = await simulatorInventory(sim.control, await PlainGraph.connect(sim));
  const difference = await catalogDifferences(database.db, sim.tenantId, expected);
  expect(difference).toEqual({ current: expected.length, missing: [], unexpected: [], duplicated: [] });
}, 170_000);
