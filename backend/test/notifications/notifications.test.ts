import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { backupJobsCollection } from '../../src/backup/index.js';
import { ensureIndexes } from '../../src/db/index.js';
import { DomainEvents } from '../../src/events.js';
import { overrunRemedies } from '../../src/licences/remedies.js';
import {
  DailyDigest,
  EventNotifier,
  GraphMailer,
  isNotified,
  noSenderReason,
  pruneSentLetters,
  subscriptionOf,
  type NotifiedEventType,
} from '../../src/notifications/index.js';
import { DurableEventConsumer } from '../../src/run-end/index.js';
import { writeSettings } from '../../src/settings/settings-store.js';
import { MailOutbox, outboxLetters } from '../../src/tenants/mail-outbox.js';
import { tenantA, tenantB } from '../api/support/harness.js';
import { addRecipient, sentMail, sentTo, startTenantSim, type TenantSim } from './notification-setup.js';

let database: TestDatabase;
let alfa: TenantSim;
let beta: TenantSim;
let events: DomainEvents;

/**
 * One worker process: its own notifier memory, outbox and mailer over the shared database. A failed
 * letter waits a minute, then two, before its next attempt; `aheadMs` moves this worker's clock on.
 */
function worker(aheadMs = 0) {
  const db = database.db;
  const outbox = new MailOutbox(db, () => new Date(Date.now() + aheadMs), 60_000);
  const graphFor = async (tenantId: string) => (tenantId === alfa.tenantId ? alfa : beta).gateway;
  const notifier = new EventNotifier({ db, outbox, graphFor, portalUrl: 'https://custodia.example/tab' });
  // The letters step of the end-of-run pipeline, read through the same durable consumer.
  const letters = new DurableEventConsumer({
    db,
    name: 'letters-test',
    instance: `worker-${aheadMs}-${randomUUID()}`,
    types: Object.keys(subscriptionOf) as NotifiedEventType[],
    handle: async (event) => {
      if (isNotified(event)) await notifier.notify(event);
    },
    onError: (error) => {
      throw error;
    },
  });
  const mailer = new GraphMailer({ db, graphFor });
  return {
    outbox,
    async pass() {
      await letters.pass();
      return outbox.deliverPending(mailer);
    },
  };
}

function failedRun(jobName: string) {
  const runId = randomUUID();
  return {
    payload: {
      runId,
      jobId: randomUUID(),
      jobName,
      reason: '2 of 2 accounts could not be backed up',
      failedResources: ['Marta Neri: access denied', 'Luca Bianchi: mailbox not found'],
    },
    dedupKey: `run:${runId}`,
  };
}

beforeAll(async () => {
  database = await openTestDatabase('notify');
  await ensureIndexes(database.db);
  // Tenant A's gateway gives up after 2 attempts, so a sendMail answered 503 fails one outbox attempt quickly.
  alfa = await startTenantSim(database.db, tenantA, 'alfa.onmicrosoft.com', { maxAttempts: 2 });
  beta = await startTenantSim(database.db, tenantB, 'beta.onmicrosoft.com');
  await writeSettings(database.db, tenantA, { notificationSender: alfa.sender }, new Date());
  await writeSettings(database.db, tenantB, { notificationSender: beta.sender }, new Date());
  events = new DomainEvents(database.db);
});

afterAll(async () => {
  await database.dispose();
  await alfa.sim.stop();
  await beta.sim.stop();
});

test('a failed run mails each subscribed recipient once, in their language, from the tenant sender; a 503 is retried after a pause without a duplicate; other tenants and unsubscribed people get nothing', async () => {
  await addRecipient(database.db, tenantA, 'giulia@alfa.example', 'it', ['job.failed', 'job.warning']);
  await addRecipient(database.db, tenantA, 'john@alfa.example', 'en', ['job.failed']);
  await addRecipient(database.db, tenantA, 'solo.avvisi@alfa.example', 'it', ['job.warning', 'licence.overrun']);
  await addRecipient(database.db, tenantB, 'bruno@beta.example', 'it', ['job.failed']);
  const run = failedRun('Posta aziendale');
  await events.emit(tenantA, 'run.failed', run.payload, run.dedupKey);

  alfa.sim.control.setFaults({ seed: 1, rate503: 1 });
  const [first, second] = await Promise.all([worker().pass(), worker().pass()]);
  expect(first.sent + second.sent).toBe(0);
  expect(first.failed + second.failed).toBeGreaterThanOrEqual(2);
  expect(sentMail(alfa)).toEqual([]);
  const waiting = await outboxLetters.scoped(database.db).find(tenantA, { kind: 'notification:run.failed' }).toArray();
  expect(waiting.map((letter) => letter.status)).toEqual(['pending', 'pending']);
  expect(waiting.every((letter) => letter.attempts >= 1 && letter.attempts <= 2)).toBe(true);
  expect(waiting[0]?.lastError).toMatch(/503|unavailable/i);

  alfa.sim.control.setFaults({});
  expect(await worker().pass()).toEqual({ sent: 0, failed: 0 });
  const fiveMinutes = 5 * 60_000;
  await Promise.all([worker(fiveMinutes).pass(), worker(fiveMinutes).pass()]);
  await worker(fiveMinutes).pass();

  const italian = sentTo(alfa, 'giulia@alfa.example');
  expect(italian).toHaveLength(1);
  expect(italian[0]).toMatchObject({ from: alfa.sender, subject: 'Backup non riuscito: job "Posta aziendale"' });
  expect(italian[0]?.body).toContain('2 of 2 accounts could not be backed up');
  expect(italian[0]?.body).toContain('Marta Neri: access denied');
  expect(italian[0]?.body).toContain('Cosa fare');
  expect(italian[0]?.body).toMatch(/terminata il \d+ \w+ \d{4} alle ore \d\d:\d\d CES?T/);
  expect(italian[0]?.body).toContain('<a href="https://custodia.example/tab">');
  const english = sentTo(alfa, 'john@alfa.example');
  expect(english).toHaveLength(1);
  expect(english[0]?.subject).toBe('Backup failed: job "Posta aziendale"');
  expect(english[0]?.body).toContain('What to do');
  expect(sentMail(alfa)).toHaveLength(2);
  expect(sentMail(beta)).toEqual([]);
});

test("a tenant's events reach only its own recipients, through its own sender, in its job's time zone", async () => {
  const run = failedRun('Archivio Beta');
  await backupJobsCollection.scoped(database.db).insertOne(tenantB, {
    tenantId: tenantB,
    jobId: run.payload.jobId,
    name: 'Archivio Beta',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    timeZone: 'America/New_York',
    retentionYears: 1,
    profile: 'Gold',
    createdAt: new Date(),
    createdBy: 'admin@beta.example',
  });
  await events.emit(tenantB, 'run.failed', run.payload, run.dedupKey);
  const alfaBefore = sentMail(alfa).length;
  await worker().pass();
  expect(sentMail(beta)).toEqual([expect.objectContaining({ from: beta.sender, to: ['bruno@beta.example'] })]);
  expect(sentMail(beta)[0]?.body).toMatch(/alle ore \d\d:\d\d GMT-[45]/);
  expect(sentMail(alfa)).toHaveLength(alfaBefore);
});

test('a licence overrun tells the subscribed recipients what is over and the remedies of the FAQ', async () => {
  await events.emit(
    tenantA,
    'licence.overrun',
    {
      plans: [{ profile: 'Gold', retentionYears: 5, seats: 10, used: 14 }],
      storage: null,
      remedies: overrunRemedies.map((remedy) => ({ ...remedy })),
    },
    `licence.overrun:${randomUUID()}`,
  );
  await worker().pass();
  const [letter, ...others] = sentTo(alfa, 'solo.avvisi@alfa.example');
  expect(others).toEqual([]);
  expect(letter?.subject).toBe('Licenze superate: il backup protegge più di quanto acquistato');
  expect(letter?.body).toContain('Profilo Gold, conservazione 5 anni: 14 account protetti, 10 licenze acquistate.');
  for (const remedy of overrunRemedies) expect(letter?.body).toContain(escapeHtml(remedy.it));
  expect(sentTo(alfa, 'john@alfa.example').filter((mail) => mail.subject.startsWith('Licen'))).toEqual([]);
});

test('a finished restore reaches its requester, found in the directory, and the restore.finished recipients', async () => {
  await addRecipient(database.db, tenantA, 'restore.desk@alfa.example', 'en', ['restore.finished']);
  const marta = alfa.sim.control.listUsers().find((user) => user.userPrincipalName.startsWith('marta.neri'));
  const restoreId = randomUUID();
  await events.emit(
    tenantA,
    'restore.completed',
    {
      restoreId,
      requestedBy: `self-service:${marta?.id ?? ''}`,
      restored: 12,
      skipped: 1,
      failed: 0,
      verified: 12,
      mismatched: 0,
    },
    `restore:${restoreId}`,
  );
  await worker().pass();
  const toMarta = sentTo(alfa, `marta.neri@alfa.onmicrosoft.com`);
  expect(toMarta).toHaveLength(1);
  expect(toMarta[0]?.subject).toBe('Ripristino completato');
  expect(toMarta[0]?.body).toContain('12 elementi ripristinati, di cui 12 verificati');
  expect(toMarta[0]?.body).toContain('hai richiesto tu questo ripristino');
  const toDesk = sentTo(alfa, 'restore.desk@alfa.example');
  expect(toDesk.map((mail) => mail.subject)).toEqual(['Restore completed']);
  expect(sentTo(alfa, 'giulia@alfa.example').filter((mail) => mail.subject.includes('ipristino'))).toEqual([]);
});

test('without a sender the letters wait in the outbox with the reason, spend no attempt, and go once one is set', async () => {
  await writeSettings(database.db, tenantB, { notificationSender: null }, new Date());
  const run = failedRun('Contabilità');
  await events.emit(tenantB, 'run.failed', run.payload, run.dedupKey);
  const before = sentMail(beta).length;
  await worker().pass();
  await worker().pass();
  const [waiting] = await outboxLetters
    .scoped(database.db)
    .find(tenantB, { status: 'pending' }, { projection: { _id: 0 } })
    .toArray();
  expect(waiting).toMatchObject({ status: 'pending', attempts: 0, lastError: noSenderReason });
  expect(sentMail(beta)).toHaveLength(before);

  await writeSettings(database.db, tenantB, { notificationSender: beta.sender }, new Date());
  await worker().pass();
  expect(sentMail(beta).filter((mail) => mail.subject.includes('Contabilità'))).toHaveLength(1);
  expect(await outboxLetters.scoped(database.db).countDocuments(tenantB, { status: { $ne: 'sent' } })).toBe(0);
});

test('the daily digest goes once a day to those who asked, with the runs of their tenant only', async () => {
  await addRecipient(database.db, tenantA, 'direzione@alfa.example', 'it', ['digest.daily']);
  const completed = randomUUID();
  await events.emit(
    tenantA,
    'run.completed',
    { runId: completed, jobId: randomUUID(), jobName: 'OneDrive', items: 1200, bytes: 3 * 1024 ** 3 },
    `run:${completed}`,
  );
  const outbox = new MailOutbox(database.db);
  const sevenUtc = () => new Date(new Date().toISOString().slice(0, 10) + 'T07:00:00Z');
  const later = () => new Date(Date.now() + 60_000);
  const earlyNextMorning = new DailyDigest({
    db: database.db,
    outbox,
    clock: () => new Date(sevenUtc().getTime() - 2 * 3600_000),
  });
  expect(await earlyNextMorning.sendDue()).toBe(0);
  const counts = await Promise.all([
    new DailyDigest({ db: database.db, outbox, clock: later, sendAtUtcHour: 0 }).sendDue(),
    new DailyDigest({ db: database.db, outbox, clock: later, sendAtUtcHour: 0 }).sendDue(),
  ]);
  expect(counts.sort()).toEqual([0, 1]);
  await worker().pass();
  const digests = sentTo(alfa, 'direzione@alfa.example');
  expect(digests).toHaveLength(1);
  expect(digests[0]?.subject).toBe('Riepilogo backup delle ultime 24 ore: 1 riuscito, 0 con avvisi, 1 non riuscito');
  expect(digests[0]?.body).toContain('&#34;OneDrive&#34;, ');
  expect(digests[0]?.body).toContain('1200 elementi salvati (3 GB)');
  expect(digests[0]?.body).not.toContain('Archivio Beta');
});

test('sent letters are deleted once older than the retention, letters still waiting are kept', async () => {
  await writeSettings(database.db, tenantB, { notificationSender: null }, new Date());
  const run = failedRun('Magazzino');
  await events.emit(tenantB, 'run.failed', run.payload, run.dedupKey);
  await worker().pass();
  const letters = outboxLetters.raw(database.db);
  const sent = await letters.countDocuments({ status: 'sent' });
  expect(sent).toBeGreaterThan(0);
  expect(await pruneSentLetters(database.db, new Date(Date.now() - 3600_000))).toBe(0);
  expect(await pruneSentLetters(database.db, new Date(Date.now() + 10 * 60_000))).toBe(sent);
  expect(await letters.countDocuments({})).toBe(1);
  expect(await letters.findOne({}, { projection: { _id: 0 } })).toMatchObject({ tenantId: tenantB, status: 'pending' });
});

test('a run with one warning and one account not saved says so in the singular, in Italian and English', async () => {
  await addRecipient(database.db, tenantA, 'una.avvertenza@alfa.example', 'it', ['job.warning']);
  await addRecipient(database.db, tenantA, 'one.warning@alfa.example', 'en', ['job.warning']);
  const runId = randomUUID();
  const payload = { runId, jobId: randomUUID(), jobName: 'Posta', warnings: 1, failedResources: ['Luca Bianchi'] };
  await events.emit(tenantA, 'run.warning', payload, `run:${runId}`);
  await worker().pass();
  expect(sentTo(alfa, 'una.avvertenza@alfa.example')[0]?.body).toContain(
    'si è conclusa con 1 avviso e 1 account non salvato:',
  );
  expect(sentTo(alfa, 'one.warning@alfa.example')[0]?.body).toContain(
    'finished with 1 warning and 1 account not saved:',
  );
});

test('a successful run mails only the recipients who chose successful jobs, with what it saved, in the job’s time zone', async () => {
  await addRecipient(database.db, tenantA, 'esiti@alfa.example', 'it', ['job.succeeded']);
  await addRecipient(database.db, tenantA, 'outcomes@alfa.example', 'en', ['job.succeeded', 'job.failed']);
  const runId = randomUUID();
  const jobId = randomUUID();
  await backupJobsCollection.scoped(database.db).insertOne(tenantA, {
    tenantId: tenantA,
    jobId,
    name: 'Posta notturna',
    scope: { type: 'organisation' },
    workloads: ['exchange'],
    dailyTime: '22:00',
    timeZone: 'Asia/Tokyo',
    retentionYears: 1,
    profile: 'Gold',
    createdAt: new Date(),
    createdBy: 'admin@alfa.example',
  });
  const payload = { runId, jobId, jobName: 'Posta notturna', items: 12_345, bytes: 52_428_800 };
  await events.emit(tenantA, 'run.completed', payload, `run:${runId}`);
  await worker().pass();
  const [italian, ...moreItalian] = sentTo(alfa, 'esiti@alfa.example');
  expect(moreItalian).toEqual([]);
  expect(italian?.subject).toBe('Backup riuscito: job "Posta notturna"');
  expect(italian?.body).toContain('è riuscita: 12.345 elementi nuovi o modificati salvati (50 MB).');
  expect(italian?.body).toMatch(/alle ore \d\d:\d\d GMT\+9/);
  expect(italian?.body).toContain('&#34;Job riusciti&#34;');
  const [english] = sentTo(alfa, 'outcomes@alfa.example');
  expect(english?.subject).toBe('Backup succeeded: job "Posta notturna"');
  expect(english?.body).toContain('succeeded: 12,345 new or changed items saved (50 MB).');
  for (const other of ['giulia@alfa.example', 'john@alfa.example', 'solo.avvisi@alfa.example']) {
    expect(sentTo(alfa, other).filter((mail) => mail.subject.includes('Posta notturna'))).toEqual([]);
  }
});

test('a failed run tells why in the reader’s language, from the reason’s code', async () => {
  const run = failedRun('Archivio');
  const payload = { ...run.payload, notice: { code: 'accounts_failed', params: { failed: 1, total: 2 } } } as const;
  await events.emit(tenantA, 'run.failed', payload, run.dedupKey);
  await worker().pass();
  const [italian] = sentTo(alfa, 'giulia@alfa.example').filter((mail) => mail.subject.includes('Archivio'));
  expect(italian?.body).toContain('non è riuscita: non è stato possibile salvare 1 account su 2.');
  const [english] = sentTo(alfa, 'john@alfa.example').filter((mail) => mail.subject.includes('Archivio'));
  expect(english?.body).toContain('failed: 1 of 2 accounts could not be backed up.');
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
