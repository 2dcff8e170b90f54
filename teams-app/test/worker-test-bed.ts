import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type RunningSimulator, type StartSimulatorOptions } from '@custodia/m365-simulator';
import { ensureIndexes } from '@custodia/backend';
import { openTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { PlainGraph } from '../../backend/test/backup-scale/plain-graph.js';
import {
  catalogDifferences,
  removeLargeGeneratedFile,
  simulatorInventory,
  type CatalogDifferences,
} from '../../backend/test/backup-scale/inventory.js';
import { spawnWorker, type WorkerProcess } from './worker-support.js';

/**
 * What the worker-process tests share: a generated tenant in the simulator (its one large file removed), a test
 * database with indexes, a store directory, and the worker processes started, all disposed of together.
 */
export interface WorkerTestBed {
  readonly sim: RunningSimulator;
  readonly database: TestDatabase;
  readonly storeDir: string;
  readonly workers: WorkerProcess[];
  spawn(environment: Record<string, string>, name: string): WorkerProcess;
  /** The catalog against the simulator's items now, and what an exact catalog would be. */
  catalogDifference(): Promise<{ difference: CatalogDifferences; exact: CatalogDifferences }>;
  dispose(): Promise<void>;
}

export async function startWorkerTestBed(
  prefix: string,
  generate: NonNullable<StartSimulatorOptions['generate']>,
): Promise<WorkerTestBed> {
  const sim = await startSimulator({ generate, timeScale: 60 });
  removeLargeGeneratedFile(sim.control);
  const database = await openTestDatabase(prefix);
  await ensureIndexes(database.db);
  const storeDir = mkdtempSync(join(tmpdir(), `custodia-${prefix}-store-`));
  const workers: WorkerProcess[] = [];
  return {
    sim,
    database,
    storeDir,
    workers,
    spawn(environment, name) {
      const worker = spawnWorker(environment, name);
      workers.push(worker);
      return worker;
    },
    async catalogDifference() {
      const expected = await simulatorInventory(sim.control, await PlainGraph.connect(sim));
      return {
        difference: await catalogDifferences(database.db, sim.tenantId, expected),
        exact: { current: expected.length, missing: [], unexpected: [], duplicated: [] },
      };
    },
    async dispose() {
      for (const worker of workers) worker.kill('SIGKILL');
      await Promise.all(workers.map((worker) => worker.exited));
      await database.dispose();
      await sim.stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
