import { randomBytes } from 'node:crypto';
import { eventsCollection, type DomainEvent } from '@custodia/backend/events';
import { writeLicence } from '@custodia/backend/licences/index';
import { usageSnapshots } from '@custodia/backend/reports/index';
import { eventClaims, endOfRunConsumerName } from '@custodia/backend/run-end/index';
import { outboxLetters } from '@custodia/backend/tenants/mail-outbox';
import { addRecipient } from '../../backend/test/notifications/notification-setup.js';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

let bed: WorkerTestBed;

beforeAll(async () => {
  bed = await startWorkerTestBed('end_of_run', { users: 3, messagesPerUser: 4, filesPerUser: 1, seed: 5 });
});

afterAll(() => bed?.dispose());

test('a run ended by a worker-only process is followed by the licence check: the overrun is recorded and mailed', async () => {
  const { sim, database } = bed;
  const { db } = database;
  const tenantId = sim.tenantId;
  // One seat bought, three people protected by the first full backup.
  await writeLicence(
    db,
    tenantId,
    {
      plans: [{ profile: 'Gold', retentionYears: 1, workloads: ['exchange'], seats: 1 }],
      storageBytes: 10_000_000_000,
    },
    'fixture',
    new Date(),
  );
  await addRecipient(db, tenantId, 'cfo@example.com', 'en', ['licence.overrun']);
  // No API process anywhere: only this worker, which has no HTTP server and no bot.
  const worker = bed.spawn(workerEnvironment(sim, database, bed.storeDir, randomBytes(32), 20_000), 'worker-only');
  await worker.ready;

  const client = new RunClient(db, tenantId);
  const runId = await client.startFullBackup();
  expect((await client.waitForEnd(runId, 120_000))?.status).toBe('succeeded');

  const [runEvent] = await eventsCollection
    .scoped(db)
    .find(tenantId, { dedupKey: `run:${runId}` })
    .toArray();
  const runHandled = await client.waitFor(
    () => eventClaims.raw(db).findOne({ consumer: endOfRunConsumerName, eventId: runEvent?.eventId }),
    (claim) => Boolean(claim?.doneAt),
    60_000,
  );
  expect(runHandled?.claimedBy).toBe('worker-only');

  // What the bot turns into the overrun card (in the process that holds the Teams adapter), recorded here.
  const overruns = (await eventsCollection
    .scoped(db)
    .find(tenantId, { type: 'licence.overrun' })
    .toArray()) as DomainEvent<'licence.overrun'>[];
  expect(overruns.map((event) => event.payload.plans)).toEqual([
    [{ profile: 'Gold', retentionYears: 1, seats: 1, used: 3 }],
  ]);
  // The overrun's letter follows through the same pipeline, in the same worker.
  const letter = await client.waitFor(
    () => outboxLetters.scoped(db).findOne(tenantId, { kind: 'notification:licence.overrun' }),
    (found) => found !== null,
    60_000,
  );
  expect(letter?.to).toEqual({ name: 'cfo', email: 'cfo@example.com' });
  // The day's usage point shows the run.
  const point = await usageSnapshots
    .scoped(db)
    .findById(tenantId, `${tenantId}|${new Date().toISOString().slice(0, 10)}`);
  expect(point).toMatchObject({ runs: { succeeded: 1 }, plans: [{ profile: 'Gold', seats: 1, used: 3 }] });
}, 200_000);
