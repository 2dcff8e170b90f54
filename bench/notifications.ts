// Notification benchmark: `npm run bench -- notifications [--history 20000] [--failed 100] [--json]`.
// Fills `domainEvents` with --history old events over 50 tenants (what a deployment accumulates), then times, through
// the durable event consumer every process runs (backend/src/run-end): an idle pass (nothing new: the cost every pass
// pays), a pass turning --failed new failed runs into letters for two recipients each, and the delivery of those
// letters through Graph sendMail to the tenant simulator.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureIndexes } from '../backend/dist/db/index.js';
import { DomainEvents, eventsCollection, type DomainEvent } from '../backend/dist/events.js';
import { GraphGateway } from '../backend/dist/graph/index.js';
import { EventNotifier, GraphMailer, isNotified } from '../backend/dist/notifications/index.js';
import { DurableEventConsumer } from '../backend/dist/run-end/index.js';
import { notificationRecipients } from '../backend/dist/settings/notification-recipients.js';
import { writeSettings } from '../backend/dist/settings/settings-store.js';
import { MailOutbox } from '../backend/dist/tenants/mail-outbox.js';
import { startDevDb } from '../tools/devdb/dist/index.js';
import { startSimulator } from '../tools/m365-simulator/dist/index.js';

const { values } = parseArgs({
  options: {
    history: { type: 'string', default: '20000' },
    failed: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});
const history = Number(values.history);
const failed = Number(values.failed);

const scratch = await mkdtemp(join(tmpdir(), 'custodia-bench-notify-'));
const devDb = process.env.MONGODB_URI ? undefined : await startDevDb({ dataDir: join(scratch, 'db') });
const client = await MongoClient.connect(process.env.MONGODB_URI ?? devDb!.uri);
const db = client.db(`bench_notify_${randomUUID().slice(0, 8)}`);
await ensureIndexes(db);
const sim = await startSimulator({ tenant: 'demo' });
const tenantId = sim.tenantId;
const gateway = await GraphGateway.open({
  connection: { tenantId, graphBaseUrl: sim.graphBaseUrl, authorityHost: sim.authorityHost, ...sim.app },
  db,
});
const graphFor = async () => gateway;

const monthAgo = Date.now() - 30 * 24 * 3600_000;
const old: DomainEvent[] = Array.from({ length: history }, (_, i) => ({
  tenantId: `tenant-${i % 50}`,
  eventId: randomUUID(),
  type: 'run.completed',
  payload: { runId: randomUUID(), jobId: 'job', jobName: 'Nightly', items: 100, bytes: 1_000_000 },
  dedupKey: `run:${i}`,
  createdAt: new Date(monthAgo + i * 1000),
}));
for (let i = 0; i < old.length; i += 1000) await eventsCollection.raw(db).insertMany(old.slice(i, i + 1000));
const [sender] = sim.control.listUsers();
await writeSettings(db, tenantId, { notificationSender: sender!.userPrincipalName }, new Date());
for (const [email, language] of [
  ['it@demo.example', 'it'],
  ['en@demo.example', 'en'],
] as const) {
  await notificationRecipients.raw(db).insertOne({
    tenantId,
    id: randomUUID(),
    name: email,
    email,
    language,
    events: ['job.failed'],
    createdAt: new Date(),
  });
}

const outbox = new MailOutbox(db);
const notifier = new EventNotifier({ db, outbox, graphFor });
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};
let letters = 0;
const consumer = new DurableEventConsumer({
  db,
  name: 'bench-notifications',
  instance: 'bench',
  types: ['run.failed'],
  handle: async (event) => {
    if (isNotified(event)) letters += await notifier.notify(event);
  },
  onError: (error) => {
    throw error;
  },
});
await consumer.pass();
const [, idleMs] = await timed(() => consumer.pass());
const events = new DomainEvents(db);
for (let i = 0; i < failed; i += 1) {
  const runId = randomUUID();
  await events.emit(
    tenantId,
    'run.failed',
    {
      runId,
      jobId: 'job',
      jobName: `Job ${i}`,
      reason: 'the run failed',
      failedResources: ['Giulia Rossi: access denied'],
    },
    `run:${runId}`,
  );
}
const [report, consumeMs] = await timed(() => consumer.pass());
const [delivery, deliverMs] = await timed(() => outbox.deliverPending(new GraphMailer({ db, graphFor }), 10_000));
const figures = {
  historyEvents: history,
  idlePassMs: Math.round(idleMs),
  newEvents: report.handled,
  lettersEnqueued: letters,
  enqueueMsPerLetter: Number((consumeMs / Math.max(1, letters)).toFixed(1)),
  lettersSent: delivery.sent,
  sendMsPerLetter: Number((deliverMs / Math.max(1, delivery.sent)).toFixed(1)),
  simulatorOutbox: sim.control.outbox().length,
};
if (values.json) console.log(JSON.stringify(figures));
else for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(20)} ${value}`);

await db.dropDatabase();
await client.close();
await sim.stop();
await devDb?.stop();
await rm(scratch, { recursive: true, force: true });
