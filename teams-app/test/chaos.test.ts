import { randomBytes } from 'node:crypto';
import { verifyTenants } from '@custodia/backend/retention/index';
import { filesystemBackend } from '@custodia/backend/store/index';
import { RestoreClient, RunClient, workerEnvironment, type WorkerProcess } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

/**
 * Chaos: the worker process is killed with SIGKILL at twenty random points of a backup run and twenty of a restore,
 * and started again each time. Each life is cut after a random amount of progress (Graph requests served during the
 * backup, finished restore items) or a random time, so the kills land at random places whatever the machine's speed.
 * Requests, not catalog versions: a backup records a page's versions at once, and pages batched together left fewer
 * recordings in the run than kills. At the end the catalog holds
 * exactly the simulator's items once each, the store verifies with every blob read, and the restore is complete
 * without a single duplicate in the mailbox.
 */
const kills = 20;
let seed = 0x5eed;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

let bed: WorkerTestBed;
let environment: Record<string, string>;
const masterKey = randomBytes(32);

beforeAll(async () => {
  bed = await startWorkerTestBed('chaos', { users: 5, messagesPerUser: 240, filesPerUser: 4, seed: 23 });
  environment = workerEnvironment(bed.sim, bed.database, bed.storeDir, masterKey, 2_000);
});

afterAll(() => bed?.dispose());

async function startWorker(): Promise<WorkerProcess> {
  const worker = bed.spawn(environment, `chaos-${bed.workers.length}`);
  await worker.ready;
  return worker;
}

/**
 * Lets the worker make `amount` more progress or live `lifeMs` (a life may end while it still waits for the dead
 * worker's lease), then kills it. Returns false when the work ended first.
 */
async function killAfterProgress(
  worker: WorkerProcess,
  progress: () => Promise<number>,
  finished: () => Promise<boolean>,
  amount: number,
  lifeMs: number,
): Promise<boolean> {
  const start = await progress();
  const deadline = Date.now() + lifeMs;
  for (;;) {
    if (await finished()) return false;
    if ((await progress()) >= start + amount || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  worker.kill('SIGKILL');
  await worker.exited;
  return true;
}

test('a backup run and a restore survive twenty SIGKILLs each: everything once, nothing lost, the store intact', async () => {
  const { sim, database } = bed;
  const runs = new RunClient(database.db, sim.tenantId);
  const runId = await runs.startFullBackup();
  const requests = async () => sim.control.counters().total.requests;
  const runEnded = async () => {
    const units = await runs.units(runId);
    return units.length > 0 && units.every((unit) => unit.status === 'done' || unit.status === 'failed');
  };
  let backupKills = 0;
  while (backupKills < kills) {
    const worker = await startWorker();
    if (!(await killAfterProgress(worker, requests, runEnded, between(10, 60), between(500, 4_000)))) break;
    backupKills += 1;
  }
  expect(backupKills).toBe(kills);
  await startWorker();
  const run = await runs.waitForEnd(runId, 240_000);
  expect(run?.status).toBe('succeeded');
  const { difference, exact } = await bed.catalogDifference();
  expect(difference).toEqual(exact);

  const user = sim.control.listUsers()[0]!;
  const inbox = sim.control.listMessages(user.id, 'inbox');
  const originals = inbox.map((message) => message.subject).sort();
  for (const message of inbox) sim.control.deleteMessage(user.id, message.id);
  const restores = new RestoreClient(database.db, sim.tenantId);
  const restoreId = await restores.restoreInPlace(`mailbox:${user.id}`);
  const written = async () =>
    (await restores.items(restoreId)).filter((item) => item.state !== 'pending' && item.state !== 'writing').length;
  const restoreEnded = async () => {
    const status = (await restores.get(restoreId))?.status;
    return status === 'completed' || status === 'failed';
  };
  for (const worker of bed.workers) worker.kill('SIGKILL');
  let restoreKills = 0;
  while (restoreKills < kills) {
    const worker = await startWorker();
    if (!(await killAfterProgress(worker, written, restoreEnded, between(1, 6), between(500, 4_000)))) break;
    restoreKills += 1;
  }
  expect(restoreKills).toBe(kills);
  await startWorker();
  await runs.waitFor(
    () => restoreEnded(),
    (ended) => ended,
    300_000,
  );
  const restore = await restores.get(restoreId);
  expect(restore).toMatchObject({ status: 'completed', progress: { failed: 0, mismatched: 0 } });
  expect(restore!.progress.verified).toBe(restore!.progress.restored);
  expect(
    sim.control
      .listMessages(user.id, 'inbox')
      .map((message) => message.subject)
      .sort(),
  ).toEqual(originals);

  const report = await verifyTenants({
    db: database.db,
    backend: filesystemBackend(bed.storeDir),
    masterKey,
    tenantId: sim.tenantId,
  });
  expect({ problems: report.problems, missing: report.missingBlobs }).toEqual({ problems: [], missing: 0 });
  expect(report.packsRead).toBe(report.packs);
}, 900_000);
