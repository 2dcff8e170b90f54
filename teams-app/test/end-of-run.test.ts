import { randomBytes } from 'node:crypto';
import { TestAdapter, TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import { ActivityLog } from '@custodia/backend/audit/activity-log';
import { eventsCollection, type DomainEvent } from '@custodia/backend/events';
import { writeLicence } from '@custodia/backend/licences/index';
import { usageSnapshots } from '@custodia/backend/reports/index';
import { eventClaims, endOfRunConsumerName } from '@custodia/backend/run-end/index';
import { outboxLetters } from '@custodia/backend/tenants/mail-outbox';
import { AlertDelivery } from '@custodia/bot/alert-delivery';
import { botbuilderChannel } from '@custodia/bot/botbuilder-edge';
import { EventFeed } from '@custodia/bot/event-feed';
import { portalLinks } from '@custodia/bot/portal-links';
import { addRecipient } from '../../backend/test/notifications/notification-setup.js';
import { openBotBackend } from '../src/bot-backend.js';
import { checkCard } from '../../bot/test/support/card-check.js';
import { RunClient, workerEnvironment } from './worker-support.js';
import { startWorkerTestBed, type WorkerTestBed } from './worker-test-bed.js';

let bed: WorkerTestBed;

beforeAll(async () => {
  bed = await startWorkerTestBed('end_of_run', { users: 3, messagesPerUser: 4, filesPerUser: 1, seed: 5 });
});

afterAll(() => bed?.dispose());

test('a run ended by a worker-only process is followed by the licence check: the overrun is mailed and its card posted', async () => {
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
  const runHandled = await client
    .waitFor(
      () => eventClaims.raw(db).findOne({ consumer: endOfRunConsumerName, eventId: runEvent?.eventId }),
      (claim) => Boolean(claim?.doneAt),
      60_000,
    )
    .catch((error: unknown) => {
      // The worker's log says why its pipeline did not get to the run.
      throw new Error(`${String(error)}\nworker output:\n${worker.output()}`);
    });
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
  // The product's process, whose bot holds the Teams adapter, posts the overrun's card from these records.
  const cards = await productBotCards(db, tenantId, client);
  expect(cards).toHaveLength(1);
  expect(cards[0]).toMatch(/Licences exceeded.*Gold, 1 year3 \/ 1/s);
  // The day's usage point shows the run.
  const point = await usageSnapshots
    .scoped(db)
    .findById(tenantId, `${tenantId}|${new Date().toISOString().slice(0, 10)}`);
  expect(point).toMatchObject({ runs: { succeeded: 1 }, plans: [{ profile: 'Gold', seats: 1, used: 3 }] });
}, 200_000);

/** What the bot's alert feed (as `mountBot` runs it in the product's process) posts to a channel of the tenant. */
async function productBotCards(db: Db, tenantId: string, client: RunClient): Promise<string[]> {
  const conversationId = '19:it-channel@thread.tacv2';
  const activity = new ActivityLog(db, randomBytes(32));
  const { consumers, ...backend } = await openBotBackend(db, { engine: client.engine, activity });
  await backend.stores.conversations.remember({
    tenantId,
    conversationId,
    scope: 'channel',
    language: 'en',
    reference: {
      channelId: 'msteams',
      serviceUrl: 'https://test.local/',
      bot: { id: '28:custodia-bot', name: 'Custodia' },
      conversation: { id: conversationId, conversationType: 'channel', tenantId, isGroup: true },
    },
  });
  const adapter = new TestAdapter();
  const channel = botbuilderChannel((reference, logic) =>
    logic(new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'message' }, reference, true))),
  );
  const services = {
    ...backend,
    jobs: client.jobs,
    engine: client.engine,
    links: portalLinks({ appId: 'custodia-app', entityId: 'portal' }),
    activity,
  };
  const alerts = new AlertDelivery(services, channel);
  const feed = new EventFeed({
    consumers,
    instance: 'product',
    deliver: (event) => alerts.deliver(event),
    onError: (error) => {
      throw error;
    },
    pollMs: 60_000,
    lookbackMs: 60 * 60_000,
  });
  await feed.poll();
  return adapter.activeQueue.map((activity) => {
    const checked = checkCard(activity.attachments?.[0]?.content as object);
    expect(checked.errors).toEqual([]);
    return checked.text;
  });
}
