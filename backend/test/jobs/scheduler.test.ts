import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { Scheduler } from '../../src/jobs/scheduler.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase('scheduler');
});
afterAll(() => database.dispose());

test('a job scheduled one second ahead runs exactly once across two workers, and its completion is persisted', async () => {
  const runs: string[] = [];
  const workers = ['worker-a', 'worker-b'].map((workerName) => {
    const scheduler = new Scheduler({ db: database.db, workerName, pollIntervalMs: 200, lockLifetimeMs: 2_000 });
    scheduler.define<{ jobName: string }>('backup-run', async (data) => {
      runs.push(`${workerName}:${data.jobName}`);
    });
    return scheduler;
  });
  await Promise.all(workers.map((w) => w.start()));

  await workers[0]!.runAt(new Date(Date.now() + 1_000), 'backup-run', { jobName: 'Nightly' });
  const deadline = Date.now() + 15_000;
  let record;
  while (Date.now() < deadline) {
    record = await database.db.collection('agendaJobs').findOne({ name: 'backup-run' });
    if (record?.lastFinishedAt) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1_000));
  await Promise.all(workers.map((w) => w.drain()));

  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatch(/^worker-[ab]:Nightly$/);
  expect(record?.lastFinishedAt).toBeInstanceOf(Date);
  expect(record?.failedAt ?? null).toBeNull();
});

test('drain waits for a running job to finish before stopping', async () => {
  const scheduler = new Scheduler({
    db: database.db,
    workerName: 'drainer',
    pollIntervalMs: 100,
    lockLifetimeMs: 2_000,
  });
  let finished = false;
  let started!: () => void;
  const startedPromise = new Promise<void>((r) => (started = r));
  scheduler.define('slow-job', async () => {
    started();
    await new Promise((r) => setTimeout(r, 1_500));
    finished = true;
  });
  await scheduler.start();
  await scheduler.runNow('slow-job', {});
  await startedPromise;
  await scheduler.drain(10_000);
  expect(finished).toBe(true);
  expect(scheduler.state).toBe('stopped');
});
