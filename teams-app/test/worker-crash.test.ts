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
  sim = await startSimulator({
    generate: { users: 3, messagesPerUser: 150, filesPerUser: 3, seed: 11 },
    timeScale: 60,
  });
  removeLargeGeneratedFile(sim.control);
  database = await openTestDatabase('worker_crash');
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

test('a worker killed with SIGKILL in the middle of a unit is resumed by another: nothing lost, nothing twice', async () => {
  const environment = workerEnvironment(sim, database, storeDir, randomBytes(32), 6_000);
  const first = spawnWorker(environment, 'worker-a');
  workers.push(first);
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

  const second = spawnWorker(environment, 'worker-b');
  workers.push(second);
  await second.ready;
  const run = await client.waitForEnd(runId, 120_000);
  expect(run?.status).toBe('succeeded');

  const units = await client.units(runId);
  for (const unit of units.filter((candidate) => interrupted.includes(candidate.resourceId))) {
    expect(unit.attempts).toBeGreaterThanOrEqual(2);
  }
  const expected = await simulatorInventory(sim.control, await PlainGraph.connect(sim));
  const difference = await catalogDifferences(database.db, sim.tenantId, expected);
  expect(difference).toEqual({ current: expected.length, missing: [], unexpected: [], duplicated: [] });

  second.kill('SIGTERM');
  const stopped = await second.exited;
  expect(stopped.code).toBe(0);
  expect(second.output()).toContain('"msg":"backup worker stopped"');
}, 170_000);
