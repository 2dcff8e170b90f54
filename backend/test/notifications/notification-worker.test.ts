import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { DomainEvents } from '../../src/events.js';
import { Scheduler } from '../../src/jobs/scheduler.js';
import { LicenceMonitor } from '../../src/licences/index.js';
import { startNotificationWorker } from '../../src/notifications/index.js';
import { UsageReports } from '../../src/reports/index.js';
import { startEndOfRunPipeline, type ConsumerLoop } from '../../src/run-end/index.js';
import {
  person,
  providerTenant,
  seedPortalUser,
  seedTenant,
  startHarness,
  tenantA,
  type Harness,
} from '../api/support/harness.js';
import { addRecipient, sentTo, startTenantSim, type SentMail, type TenantSim } from './notification-setup.js';

let database: TestDatabase;
let api: Harness;
let alfa: TenantSim;
let telco: TenantSim;
let scheduler: Scheduler;
let events: DomainEvents;
let pipeline: ConsumerLoop;
const pipelineErrors: unknown[] = [];
const admin = person(tenantA, 'anna');

beforeAll(async () => {
  database = await openTestDatabase('notifyworker');
  api = await startHarness({ database });
  await seedTenant(api.services, tenantA);
  await seedPortalUser(api.services, admin, 'tenant_admin');
  alfa = await startTenantSim(database.db, tenantA, 'alfa.onmicrosoft.com');
  telco = await startTenantSim(database.db, providerTenant, 'telco.onmicrosoft.com');
  scheduler = new Scheduler({
    db: database.db,
    workerName: 'notify-test',
    pollIntervalMs: 200,
    lockLifetimeMs: 40_000,
  });
  await scheduler.start();
  events = new DomainEvents(database.db);
  const graphFor = async (tenantId: string) => (tenantId === providerTenant ? telco : alfa).gateway;
  const notifications = await startNotificationWorker({
    db: database.db,
    scheduler,
    graphFor,
    intervalMs: 500,
    portalUrl: 'https://custodia.example/tab',
    provider: { tenantId: providerTenant, mailbox: telco.sender },
  });
  // As the composition root wires it: events become letters through the end-of-run pipeline.
  pipeline = startEndOfRunPipeline({
    db: database.db,
    instance: 'notify-test',
    licences: new LicenceMonitor(database.db, events),
    usage: new UsageReports({ db: database.db, scheduler, graphFor, onError: (error) => pipelineErrors.push(error) }),
    notifier: notifications.notifier,
    intervalMs: 200,
    onError: (error) => pipelineErrors.push(error),
  });
});

afterEach(() => expect(pipelineErrors).toEqual([]));

afterAll(async () => {
  await pipeline.stop();
  await scheduler.drain(10_000);
  await api.close();
  await database.dispose();
  await alfa.sim.stop();
  await telco.sim.stop();
});

/** Polls a simulated tenant's outbox until mail reaches the address (the Agenda loop delivers it). */
async function waitForMail(email: string, count = 1, tenant: TenantSim = alfa): Promise<SentMail[]> {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const mail = sentTo(tenant, email);
    if (mail.length >= count || Date.now() > deadline) return mail;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("an invitation made through the API reaches the invitee through Graph sendMail from the provider's mailbox, though the tenant has no sender yet", async () => {
  const token = await api.token(admin);
  const invited = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'Bruno Rossi', email: 'bruno.rossi@alfa.example', role: 'viewer' },
  });
  expect(invited.status).toBe(201);

  const [welcome, ...more] = await waitForMail('bruno.rossi@alfa.example', 1, telco);
  expect(welcome).toMatchObject({ from: telco.sender, subject: 'Benvenuto in TIM Backup Office 365' });
  expect(sentTo(alfa, 'bruno.rossi@alfa.example')).toEqual([]);
  const configured = await api.call('PATCH', '/settings', { token, body: { notificationSender: alfa.sender } });
  expect(configured.body).toMatchObject({ notificationSender: alfa.sender });
  expect(welcome?.body).toContain('https://custodia.example/portal');
  expect(more).toEqual([]);
});

test('a run with warnings becomes a letter through the end-of-run pipeline, sent by the scheduled pass', async () => {
  await addRecipient(database.db, tenantA, 'it.manager@alfa.example', 'en', ['job.warning']);
  const runId = randomUUID();
  await events.emit(
    tenantA,
    'run.warning',
    { runId, jobId: randomUUID(), jobName: 'Teams', warnings: 3, failedResources: [] },
    `run:${runId}`,
  );
  const [letter, ...more] = await waitForMail('it.manager@alfa.example');
  expect(letter?.subject).toBe('Backup finished with warnings: job "Teams"');
  expect(letter?.body).toContain('finished with 3 warnings.');
  expect(more).toEqual([]);
});
