import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackupHarness, type BackupHarness } from '../../backend/test/backup/harness.js';
import { ensureIndexes } from '../../backend/src/db/index.js';
import { tenantRecords } from '../../backend/src/tenants/tenant-store.js';
import { portalUsers } from '../../backend/src/portal-users/portal-user-store.js';
import { completeSetup, smallTenant } from './support/bot-harness.js';
import { serveBot, type ServedBot } from './support/served-bot.js';
import { checkCard } from './support/card-check.js';
import { cardIn, startPlayground, type Playground } from './support/playground-client.js';
import { notificationRecipients } from '../../backend/src/settings/notification-recipients.js';

const playgroundTenant = '00000000-0000-0000-0000-0000000000001';
const alex = { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com' };
const conversationId = 'personal-e2e';

let backup: BackupHarness;
let served: ServedBot;
let playground: Playground;

beforeAll(async () => {
  backup = await startBackupHarness({ tenant: { ...smallTenant, tenantId: playgroundTenant } });
  const { db } = backup.database;
  await ensureIndexes(db);
  const now = new Date();
  await tenantRecords.scoped(db).insertOne(playgroundTenant, {
    tenantId: playgroundTenant,
    name: 'Playground',
    onboardedAt: now,
    onboardedBy: 'provider',
    itManager: { name: 'Alex', email: alex.email },
    setup: completeSetup(now),
  });
  await portalUsers.scoped(db).insertOne(playgroundTenant, {
    tenantId: playgroundTenant,
    id: 'portal-alex',
    name: 'Alex Wilber',
    email: alex.email,
    role: 'tenant_admin',
    status: 'active',
    userId: alex.aadObjectId,
    invitedAt: now,
    invitedBy: 'test',
  });
  await notificationRecipients.scoped(db).insertOne(playgroundTenant, {
    tenantId: playgroundTenant,
    id: 'recipient-alex',
    name: 'Alex Wilber',
    email: alex.email,
    language: 'en',
    events: ['job.failed', 'job.warning'],
    createdAt: now,
  });
  served = await serveBot(backup, { instance: 'playground-bot', eventPollMs: 500, progressIntervalMs: 300 });
  // A folder without .m365agentsplayground.yml: the Playground's own tenant and user, Alex Wilber.
  playground = await startPlayground({
    botUrl: served.messagesUrl,
    cwd: mkdtempSync(join(tmpdir(), 'playground-defaults-')),
    conversationId,
    conversationIdOption: true,
    userId: alex.id,
  });
}, 60_000);

afterAll(async () => {
  await playground?.stop();
  await served?.stop();
  await backup?.stop();
});

test('install, a command, a confirmed run followed on its card, a failed run’s alert and its button, through the Playground', async () => {
  const { shown, press } = playground;
  await playground.install();
  const welcome = await shown(/What I can do/);
  expect(checkCard(cardIn(welcome.event)).text).toContain('run job <name>');

  await backup.jobs.create(
    playgroundTenant,
    {
      name: 'Nightly Mail',
      scope: { type: 'organisation' },
      workloads: ['exchange'],
      dailyTime: '22:00',
      retentionYears: 1,
    },
    'admin@test',
  );
  await playground.say('run job nightly');
  const confirm = await shown(/Run the job \\"Nightly Mail\\" now\?/, welcome.index + 1);
  const confirmId = confirm.event.message!.messageId;
  const started = await press(cardIn(confirm.event).actions![0]!, confirmId);
  expect(started).toMatch(/Backup (queued|running|completed): Nightly Mail/);
  const finished = await shown(/Backup completed: Nightly Mail/, confirm.index + 1);
  expect(finished.event.action).toBe('updateMessage');
  expect(finished.event.message!.messageId).toBe(confirmId);

  const failing = await backup.jobs.create(
    playgroundTenant,
    {
      name: 'Sales Team',
      scope: { type: 'groups', groupIds: ['no-such-group'] },
      workloads: ['exchange'],
      dailyTime: '23:00',
      retentionYears: 1,
    },
    'admin@test',
  );
  const run = await backup.runAgain(failing.jobId);
  expect(run.status).toBe('failed');
  const alert = await shown(/Backup failed: Sales Team/, finished.index + 1);
  expect(alert.event.action).toBe('createMessage');
  const buttons = cardIn(alert.event).actions!;
  expect(buttons.map((button) => button.title)).toEqual(['Run this job', 'View log', 'Mute this job for today']);
  expect(await press(buttons[2]!, alert.event.message!.messageId)).toContain('Alerts of this job are muted for today.');
});
