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

test('a process running no work says how long due one-time work of its tenant has waited; recurring upkeep is not work', async () => {
  const idle = new Scheduler({ db: database.db, workerName: 'idle-worker', pollIntervalMs: 200 });
  idle.define('upkeep', async () => undefined);
  idle.define<{ tenantId: string }>('unit-of-work', async () => undefined);
  await idle.runEvery(60_000, 'upkeep');
  await idle.runAt(new Date(Date.now() - 30_000), 'unit-of-work', { tenantId: 'tenant-a' });

  // Nothing takes the job (this scheduler never starts, as a process whose Agenda stopped taking jobs would not).
  const waited = await idle.idleWithDueWorkForMs('tenant-a');
  expect(waited).toBeGreaterThanOrEqual(30_000);
  expect(waited).toBeLessThan(60_000);
  expect(await idle.idleWithDueWorkForMs('tenant-b')).toBe(0);
  await database.db.collection('agendaJobs').deleteMany({ name: 'unit-of-work' });
  expect(await idle.idleWithDueWorkForMs()).toBe(0);
});

test('a job whose lock lapses while it waits in this worker’s queue still runs, and so does the next one', async () => {
  // Locked at the scan (due within the poll interval) and held in the local queue for 600 ms, longer than its 200 ms
  // lock lifetime: Agenda 6.2.6 then drops it without releasing the lock slot it counted (agenda/agenda#1413), and with a
  // lock limit of one this worker would lock no job of that name again.
  const released: string[] = [];
  const scheduler = new Scheduler({
    db: database.db,
    workerName: 'lapsed',
    pollIntervalMs: 1_000,
    onLapsedLockSlots: (jobNames) => released.push(...jobNames),
  });
  const ran: string[] = [];
  scheduler.define<{ label: string }>(
    'restore-lapse',
    async (data) => {
      ran.push(data.label);
    },
    { concurrency: 1, lockLifetimeMs: 200 },
  );
  await scheduler.runAt(new Date(Date.now() + 600), 'restore-lapse', { label: 'first' });
  await scheduler.start();
  const deadline = Date.now() + 15_000;
  while (!ran.includes('first') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await scheduler.runNow('restore-lapse', { label: 'second' });
  while (!ran.includes('second') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await scheduler.drain();
  expect(ran).toEqual(['first', 'second']);
  expect(released).toEqual(['restore-lapse']);
});
