import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes, runUpgrades } from '../../src/db/index.js';
import { DomainEvents, type DomainEvent } from '../../src/events.js';
import {
  consumerCursors,
  DurableEventConsumer,
  eventClaims,
  type DurableConsumerOptions,
} from '../../src/run-end/index.js';
import { EventClaims } from '../../src/run-end/event-claims.js';

let database: TestDatabase;
let events: DomainEvents;

beforeAll(async () => {
  database = await openTestDatabase('consumer');
  await ensureIndexes(database.db);
  events = new DomainEvents(database.db);
});
afterAll(() => database?.dispose());

/** A consumer of its own name (so tests do not share cursors) that records what it handled. */
function consumer(
  name: string,
  instance: string,
  handled: string[],
  options: Partial<DurableConsumerOptions> = {},
): DurableEventConsumer {
  return new DurableEventConsumer({
    db: database.db,
    name,
    instance,
    types: ['run.completed'],
    handle: async (event: DomainEvent) => {
      handled.push(event.eventId);
    },
    onError: (error) => {
      throw error;
    },
    ...options,
  });
}

async function completedRuns(count: number): Promise<string[]> {
  const tenantId = randomUUID();
  for (let index = 0; index < count; index += 1) {
    const runId = randomUUID();
    await events.emit(
      tenantId,
      'run.completed',
      { runId, jobId: 'job', jobName: 'Nightly', items: 1, bytes: 1 },
      runId,
    );
  }
  const recorded = await database.db
    .collection<DomainEvent>('domainEvents')
    .find({ tenantId }, { projection: { eventId: 1 } })
    .toArray();
  return recorded.map((event) => event.eventId).sort();
}

test('two consumers of one name, passing at the same time, handle each event once between them', async () => {
  const eventIds = await completedRuns(12);
  const byA: string[] = [];
  const byB: string[] = [];
  const a = consumer('twins', 'process-a', byA);
  const b = consumer('twins', 'process-b', byB);
  const reports = await Promise.all([a.pass(), b.pass(), a.pass(), b.pass()]);
  expect([...byA, ...byB].sort()).toEqual(eventIds);
  expect(reports.reduce((sum, report) => sum + report.handled, 0)).toBe(eventIds.length);
  // Later passes of either find everything done.
  expect(await Promise.all([a.pass(), b.pass()])).toEqual([
    { handled: 0, failed: 0 },
    { handled: 0, failed: 0 },
  ]);
});

test('an event whose process died while handling it is taken over once its claim’s lease ends, not before', async () => {
  const handled: string[] = [];
  const survivor = consumer('takeover', 'survivor', handled, { claimLeaseMs: 300_000 });
  await survivor.pass(); // the events of the tests before
  handled.length = 0;
  const [first, second] = await completedRuns(2);
  const now = Date.now();
  // Process "dead" claimed `first` ten minutes ago and never finished; process "busy" claimed `second` just now.
  await new EventClaims(database.db, 'takeover', 'dead', 300_000).claim('t', first!, new Date(now - 600_000));
  await new EventClaims(database.db, 'takeover', 'busy', 300_000).claim('t', second!, new Date(now));
  expect(await survivor.pass()).toEqual({ handled: 1, failed: 0 });
  expect(handled).toEqual([first]);
  const claimOf = async (eventId: string | undefined) => {
    const claim = await eventClaims.raw(database.db).findOne({ consumer: 'takeover', eventId });
    return { claimedBy: claim?.claimedBy, done: claim?.doneAt !== null };
  };
  expect(await claimOf(first)).toEqual({ claimedBy: 'survivor', done: true });
  expect(await claimOf(second)).toEqual({ claimedBy: 'busy', done: false });
});

test('an event whose step fails is given back, the cursor stays before it, and the next pass handles it', async () => {
  const handled: string[] = [];
  const failures: unknown[] = [];
  let failNext = false;
  const flaky = consumer('flaky', 'process-a', handled, {
    handle: async (event) => {
      if (failNext) {
        failNext = false;
        throw new Error('the database went away');
      }
      handled.push(event.eventId);
    },
    onError: (error) => failures.push(error),
  });
  await flaky.pass(); // the events of the tests before
  handled.length = 0;
  const [only] = await completedRuns(1);
  failNext = true;
  expect(await flaky.pass()).toEqual({ handled: 0, failed: 1 });
  expect(failures).toHaveLength(1);
  expect(await eventClaims.raw(database.db).findOne({ consumer: 'flaky', eventId: only })).toBeNull();
  const cursor = await consumerCursors.raw(database.db).findOne({ _id: 'flaky' });
  const event = await database.db.collection<DomainEvent>('domainEvents').findOne({ eventId: only });
  expect(cursor!.through.getTime()).toBeLessThan(event!.createdAt.getTime());
  expect(await flaky.pass()).toEqual({ handled: 1, failed: 0 });
  expect(handled).toEqual([only]);
});

test('an instance that cannot reach a tenant leaves its events, unclaimed, to one that can', async () => {
  const byWorker: string[] = [];
  const byProduct: string[] = [];
  const worker = consumer('tenants', 'worker-of-another-tenant', byWorker, { serves: () => false });
  const product = consumer('tenants', 'product', byProduct);
  await product.pass(); // the events of the tests before
  byProduct.length = 0;
  const [only] = await completedRuns(1);
  expect(await worker.pass()).toEqual({ handled: 0, failed: 0 });
  expect(await eventClaims.raw(database.db).findOne({ consumer: 'tenants', eventId: only })).toBeNull();
  expect(await product.pass()).toEqual({ handled: 1, failed: 0 });
  expect([byWorker, byProduct]).toEqual([[], [only]]);
});

test('a consumer walks the hours since its cursor, reads events recorded before hours once upgraded, and then moves its cursor up to the overlap', async () => {
  const later = new Date(Date.now() + 3 * 3_600_000);
  const handled: string[] = [];
  const hours = consumer('hours', 'process-a', handled, { clock: () => later, lookbackMs: 4 * 3_600_000 });
  const [recent] = await completedRuns(1);
  // As recorded before readers walked hours: no `createdHour`.
  const old: DomainEvent = {
    tenantId: randomUUID(),
    eventId: randomUUID(),
    type: 'run.completed',
    payload: { runId: 'r-old', jobId: 'job', jobName: 'Nightly', items: 1, bytes: 1 },
    dedupKey: 'r-old',
    createdAt: new Date(),
  };
  await database.db.collection<DomainEvent>('domainEvents').insertOne(old);
  // openDatabase runs the upgrades before any consumer starts.
  await runUpgrades(database.db);

  await hours.pass();
  expect(handled).toEqual(expect.arrayContaining([recent, old.eventId]));
  const cursor = await consumerCursors.raw(database.db).findOne({ _id: 'hours' });
  expect(cursor!.through.getTime()).toBe(later.getTime() - 60_000);
});
