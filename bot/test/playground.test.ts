import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { startBackupHarness, type BackupHarness } from '../../backend/test/backup/harness.js';
import { ensureIndexes } from '../../backend/src/db/index.js';
import { tenantRecords } from '../../backend/src/tenants/tenant-store.js';
import { portalUsers } from '../../backend/src/portal-users/portal-user-store.js';
import { completeSetup, smallTenant } from './support/bot-harness.js';
import { serveBot, type ServedBot } from './support/served-bot.js';
import { checkCard } from './support/card-check.js';
import { notificationRecipients } from '../../backend/src/settings/notification-recipients.js';

const playgroundTenant = '00000000-0000-0000-0000-0000000000001';
const alex = { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com' };
const conversationId = 'personal-e2e';

let backup: BackupHarness;
let served: ServedBot;
let playground: ChildProcess;
let playgroundUrl: string;
const seen: unknown[] = [];
let socket: WebSocket;

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
  const botUrl = served.messagesUrl;
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  playground = spawn(
    process.execPath,
    [cli, 'start', '-e', botUrl, '-c', 'msteams', '-p', '0', '--conversation-id', conversationId],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    playground.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    playground.once('exit', (code) => reject(new Error(`the Playground exited (${code}): ${output}`)));
  });
  playgroundUrl = `http://127.0.0.1:${port}`;
  socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  socket.onmessage = (message) => seen.push(JSON.parse(String(message.data)));
  await new Promise((resolve) => (socket.onopen = resolve));
}, 60_000);

afterAll(async () => {
  socket?.close();
  if (playground && playground.exitCode === null) {
    const exited = new Promise((resolve) => playground.once('exit', resolve));
    playground.kill();
    await exited;
  }
  await served?.stop();
  await backup?.stop();
});

interface StreamEvent {
  action: string;
  message?: { messageId: string; attachments?: { content: object }[]; text?: string };
}

function post(path: string, body: object): Promise<Response> {
  return fetch(`${playgroundUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Waits until the Playground's chat shows a bot message whose card text matches. */
async function shown(pattern: RegExp, after = 0): Promise<{ event: StreamEvent; index: number }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (let index = after; index < seen.length; index++) {
      const event = seen[index] as StreamEvent;
      if (pattern.test(JSON.stringify(event.message ?? {}))) return { event, index };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the Playground never showed ${pattern}: ${JSON.stringify(seen).slice(-2000)}`);
}

type Button = { title: string; verb?: string; data?: Record<string, string> };

function cardIn(event: StreamEvent): { actions?: Button[] } {
  const card = event.message?.attachments?.[0]?.content;
  if (!card) throw new Error(`not a card: ${JSON.stringify(event)}`);
  expect(checkCard(card).errors).toEqual([]);
  return card;
}

/** Presses a card's button the way the Playground's web client does; returns the card that replaces it. */
async function press(button: Button, messageId: string): Promise<string> {
  const response = await post('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
    from: { id: alex.id },
    conversation: { id: conversationId },
    replyToId: messageId,
  });
  expect(response.status).toBe(200);
  const answer = (await response.json()) as { type: string; value: object };
  expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
  return checkCard(answer.value).text;
}

test('install, a command, a confirmed run followed on its card, a failed run’s alert and its button, through the Playground', async () => {
  const install = await post(`/_debug/conversation/${conversationId}/installation`, {});
  expect(install.status).toBe(200);
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
  await post(`/_conversation/v1/conversations/${conversationId}/messages`, {
    from: { id: alex.id },
    text: 'run job nightly',
    textFormat: 'plain',
  });
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
  expect(buttons.map((button) => button.title)).toEqual(['Run again', 'View log', 'Mute this job for today']);
  expect(await press(buttons[2]!, alert.event.message!.messageId)).toContain('Alerts of this job are muted for today.');
});
