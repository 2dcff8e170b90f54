import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { ensureIndexes } from '@custodia/backend';
import { itemVersionsCollection } from '@custodia/backend/catalog/index';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { startTcpCut, type TcpCut } from '../../test-support/tcp-cut.js';
import { PlainGraph } from '../../backend/test/backup-scale/plain-graph.js';
import {
  catalogDifferences,
  removeLargeGeneratedFile,
  simulatorInventory,
} from '../../backend/test/backup-scale/inventory.js';
import { RunClient, spawnWorker, workerEnvironment, type WorkerProcess } from './worker-support.js';

/**
 * The database becomes unreachable in the middle of a run (every connection dropped, new ones refused, for longer
 * than the unit lease) and then comes back: the worker process neither dies nor corrupts anything, says what
 * happened in its log (once when the database stops answering, once when it is back), and the run completes exactly once the database answers.
 */
let sim: RunningSimulator;
let database: TestDatabase;
let relay: TcpCut;
let storeDir: string;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  sim = await startSimulator({
    generate: { users: 3, messagesPerUser: 150, filesPerUser: 3, seed: 41 },
    timeScale: 60,
  });
  removeLargeGeneratedFile(sim.control);
  sim.control.setFaults({ slowRate: 1, slowMs: 10 });
  database = await openTestDatabase('outage');
  await ensureIndexes(database.db);
  relay = await startTcpCut(database.uri);
  storeDir = mkdtempSync(join(tmpdir(), 'custodia-outage-store-'));
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await worker?.exited;
  await relay?.close();
  await database?.dispose();
  await sim?.stop();
  rmSync(storeDir, { recursive: true, force: true });
});

test('a database outage mid-run neither kills the worker nor loses anything; the run completes when it is back', async () => {
  const environment = workerEnvironment(sim, { uri: relay.uri, name: database.name }, storeDir, randomBytes(32), 3_000);
  worker = spawnWorker(environment, 'outage-worker');
  await worker.ready;
  const client = new RunClient(database.db, sim.tenantId);
  const runId = await client.startFullBackup();
  const versions = () => itemVersionsCollection.raw(database.db).countDocuments({ tenantId: sim.tenantId });
  await client.waitFor(versions, (count) => count > 50, 60_000);

  await relay.cut();
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  await relay.restore();

  const run = await client.waitForEnd(runId, 180_000);
  expect(run?.status).toBe('succeeded');
  const expected = await simulatorInventory(sim.control, await PlainGraph.connect(sim));
  expect(await catalogDifferences(database.db, sim.tenantId, expected)).toEqual({
    current: expected.length,
    missing: [],
    unexpected: [],
    duplicated: [],
  });
  const exited = await Promise.race([worker.exited, new Promise((resolve) => setTimeout(() => resolve('alive'), 100))]);
  expect(exited).toBe('alive');
  const log = worker.output();
  expect(log).toContain('"msg":"database unreachable');
  expect(log.indexOf('"msg":"database reachable again')).toBeGreaterThan(log.indexOf('"msg":"database unreachable'));
}, 240_000);
