// Scaling across worker processes: the same generated tenant backed up by 1, 2 and 4 worker processes
// (teams-app/dist/worker.js) sharing one database and one store; prints each run's time, items/s, how the units were
// shared, and whether any unit was processed twice.
//   npm run bench -- workers [--users 8] [--messages 150] [--files 4] [--workers 1,2,4] [--time-scale 60]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureIndexes } from '../backend/dist/db/index.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { startSimulator } from '../tools/m365-simulator/dist/index.js';
import { removeLargeGeneratedFile } from '../backend/test/backup-scale/inventory.ts';
import { RunClient, spawnWorker, workerEnvironment, type WorkerProcess } from '../teams-app/test/worker-support.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '8' },
    messages: { type: 'string', default: '150' },
    files: { type: 'string', default: '4' },
    workers: { type: 'string', default: '1,2,4' },
    'time-scale': { type: 'string', default: '60' },
    seed: { type: 'string', default: '13' },
  },
});
const counts = values.workers!.split(',').map(Number);
const timeScale = Number(values['time-scale']);
const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-workers-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const uri = process.env.MONGODB_URI ?? devDb!.uri;
const client = await MongoClient.connect(uri);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

try {
  for (const workerCount of counts) {
    const sim = await startSimulator({
      generate: {
        users: Number(values.users),
        messagesPerUser: Number(values.messages),
        filesPerUser: Number(values.files),
        seed: Number(values.seed),
      },
      timeScale,
    });
    removeLargeGeneratedFile(sim.control);
    const name = `bench_workers_${workerCount}_${Date.now()}`;
    const db = client.db(name);
    await ensureIndexes(db);
    const environment = workerEnvironment(
      sim,
      { uri, name },
      join(scratch, `store-${workerCount}`),
      randomBytes(32),
      60_000,
    );
    environment.GRAPH_TIME_SCALE = String(timeScale);
    const workers: WorkerProcess[] = [];
    try {
      for (let index = 0; index < workerCount; index++) workers.push(spawnWorker(environment, `bench-${index}`));
      await Promise.all(workers.map((worker) => worker.ready));
      const runs = new RunClient(db, sim.tenantId);
      const started = Date.now();
      const runId = await runs.startFullBackup();
      const run = await runs.waitForEnd(runId, 3_600_000);
      const seconds = (Date.now() - started) / 1000;
      const units = await runs.units(runId);
      const leases = await db
        .collection<{ owner: string; resourceId: string; epoch: number }>('backupUnitLeases')
        .find({ runId })
        .toArray();
      const byWorker: Record<string, number> = {};
      for (const lease of leases) byWorker[lease.owner] = (byWorker[lease.owner] ?? 0) + 1;
      const items = units.reduce((sum, unit) => sum + unit.items, 0);
      const bytes = units.reduce((sum, unit) => sum + unit.bytes, 0);
      console.log(
        [
          `workers=${workerCount}`,
          `status=${run?.status}`,
          `units=${units.length}`,
          `items=${items}`,
          `megabytes=${round(bytes / 1_048_576, 2)}`,
          `seconds=${round(seconds, 2)}`,
          `itemsPerSecond=${round(items / seconds)}`,
          `unitsByWorker=${JSON.stringify(byWorker)}`,
          `unitsProcessedTwice=${units.filter((unit) => unit.attempts > 1).length}`,
        ].join(' '),
      );
    } finally {
      for (const worker of workers) worker.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.exited));
      await db.dropDatabase();
      await sim.stop();
    }
  }
} finally {
  await client.close();
  await devDb?.stop();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(0);
