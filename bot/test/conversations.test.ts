import type { Activity } from 'botbuilder';
import { writeLicence } from '../../backend/src/licences/licence-store.js';
import { restoreRequestsCollection } from '../../backend/src/restore/collections.js';
import { cardOf, people, startBotHarness, createNightlyMailJob, type BotHarness } from './support/bot-harness.js';
import { checkCard } from './support/card-check.js';

let bot: BotHarness;
let nightlyId: string;

beforeAll(async () => {
  bot = await startBotHarness();
  nightlyId = await createNightlyMailJob(bot);
});
afterAll(() => bot?.stop());

/** A card as a person sees it: valid for the adaptivecards library, rendered to text. */
function seen(card: object): string {
  const checked = checkCard(card);
  expect(checked.errors).toEqual([]);
  expect(checked.html).toContain('ac-adaptiveCard');
  return checked.text;
}

function actionsOf(
  card: object,
): { type: string; title: string; verb?: string; data?: Record<string, string>; url?: string }[] {
  return (card as { actions?: [] }).actions ?? [];
}

async function waitFor<T>(read: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('help answers in the reader’s language with every command', async () => {
  expect(seen(cardOf(await bot.say('admin', 'help')))).toMatch(/run job <name>.*licences.*restores/s);
  expect(seen(cardOf(await bot.say('admin', 'aiuto', 'it-IT')))).toMatch(/esegui job <nome>.*licenze.*ripristini/s);
  expect(seen(cardOf(await bot.say('admin', 'fammi un caffè', 'it-IT')))).toContain('Non ho capito "fammi un caffè"');
});

test('jobs lists the jobs for portal users and politely refuses people without a portal role', async () => {
  const list = seen(cardOf(await bot.say('viewer', 'jobs')));
  expect(list).toContain('Nightly Mail');
  expect(list).toContain('never run');
  const refused = await bot.say('stranger', 'jobs');
  expect(refused.text).toMatch(/your portal role \(self-service user\) does not allow seeing the backup jobs/);
  const rifiuto = await bot.say('stranger', 'stato', 'it-IT');
  expect(rifiuto.text).toMatch(/il tuo ruolo nel portale \(utente self-service\) non consente di vedere i job/);
});

test('run job refuses a viewer, and asks a typo-tolerant confirmation from an admin', async () => {
  const refused = await bot.say('viewer', 'run job Nightly Mail');
  expect(refused.text).toMatch(/\(viewer\) does not allow running backup jobs/);
  const unknown = await bot.say('admin', 'run job Weekly Archive');
  expect(unknown.text).toBe('I cannot find a job called "Weekly Archive": the jobs are "Nightly Mail".');

  const confirm = cardOf(await bot.say('admin', 'esegui job nightly mial', 'it-IT'));
  const text = seen(confirm);
  expect(text).toContain('Avviare ora il job "Nightly Mail"?');
  expect(text).toContain('Hai scritto "nightly mial"');
  // The job's services by their product names, under the portal's word for them.
  expect(text).toMatch(/Servizi\s*Exchange/);
  expect(text).not.toContain('exchange');
  expect(actionsOf(confirm).map((action) => action.verb)).toEqual(['run.confirm', 'run.cancel']);
  const cancelled = await bot.press('admin', { verb: 'run.cancel', data: { jobId: nightlyId } });
  expect(seen(cancelled)).toContain('No backup started for "Nightly Mail"');
});

test('confirming runs the job and the same card follows the run to its end', async () => {
  const confirmActivity = await bot.say('admin', 'run job Nightly Mail');
  const confirmButton = actionsOf(cardOf(confirmActivity))[0]!;
  const started = await bot.press(
    'admin',
    confirmButton as { verb: string; data: Record<string, string> },
    confirmActivity.id,
  );
  expect(seen(started)).toMatch(/Backup (queued|running|completed): Nightly Mail/);

  const finished = await waitFor(() => {
    const shown = bot.adapter.shown.get(confirmActivity.id!) as Partial<Activity> | undefined;
    const card = shown?.attachments?.[0]?.content as object | undefined;
    return card && seen(card).includes('Backup completed: Nightly Mail') ? card : undefined;
  }, 'the card to show the finished run');
  expect(seen(finished)).toMatch(/Accounts2 \/ 2/);

  const status = seen(cardOf(await bot.say('viewer', 'status nightly')));
  expect(status).toContain('Backup completed: Nightly Mail');
  expect(seen(cardOf(await bot.say('viewer', 'jobs')))).toContain('succeeded');
});

test('licences says honestly that none is recorded, and restores lists none yet', async () => {
  expect((await bot.say('admin', 'licences')).text).toBe(
    'No licence is recorded for this tenant yet: your provider enters it at activation.',
  );
  expect((await bot.say('admin', 'licenze', 'it-IT')).text).toMatch(/non è ancora registrata una licenza/);
  expect(seen(cardOf(await bot.say('stranger', 'restores')))).toContain('No restores so far.');
});

test('a run that ends badly alerts the notification recipient once, with working buttons and a per-day mute', async () => {
  const { tenantId, jobs } = bot.backup;
  const job = await jobs.create(
    tenantId,
    {
      name: 'Sales Team',
      scope: { type: 'groups', groupIds: ['no-such-group'] },
      workloads: ['exchange'],
      dailyTime: '23:00',
      retentionYears: 1,
    },
    'admin@test',
  );
  // Both people have a personal chat with the bot; only the admin is a notification recipient.
  await bot.say('admin', 'help');
  await bot.say('viewer', 'help');
  const shownBefore = new Set(bot.adapter.shown.keys());
  const run = await bot.backup.runAgain(job.jobId);
  expect(run.status).toBe('failed');
  // The reason is recorded by code too, so each reader gets it in their language.
  expect(run.errorNotice).toEqual({ code: 'accounts_unreadable', params: { reason: expect.any(String) } });

  await bot.feed.poll();
  await bot.feed.poll();
  const alerts = [...bot.adapter.shown.entries()].filter(([id]) => !shownBefore.has(id));
  expect(alerts.map(([, activity]) => activity.conversation?.id)).toEqual(['personal-admin']);
  const [alertId, alertActivity] = alerts[0]!;
  const alert = cardOf(alertActivity);
  const text = seen(alert);
  expect(text).toContain('Backup failed: Sales Team');
  expect(text).toContain(run.error!);
  expect(actionsOf(alert).map((action) => action.title)).toEqual([
    'Run this job',
    'View log',
    'Mute this job for today',
  ]);
  expect(actionsOf(alert)[1]!.url).toBe(
    `https://teams.microsoft.com/l/entity/custodia-app/portal?context=${encodeURIComponent(JSON.stringify({ subEntityId: `log/${job.jobId}/${run.runId}` }))}`,
  );
  expect((alert as { refresh?: { action: { verb: string } } }).refresh?.action.verb).toBe('run.refresh');

  const viewerView = await bot.press('viewer', { verb: 'run.refresh', data: { jobId: job.jobId, runId: run.runId } });
  expect(actionsOf(viewerView).map((action) => action.title)).toEqual(['View log']);
  const viewerMute = await bot.press('viewer', { verb: 'job.mute', data: { jobId: job.jobId, runId: run.runId } });
  expect(seen(viewerMute)).toContain('(viewer) does not allow muting job alerts');

  const muted = await bot.press(
    'admin',
    actionsOf(alert)[2] as { verb: string; data: Record<string, string> },
    alertId,
  );
  expect(seen(muted)).toContain('Alerts of this job are muted for today.');
  expect(actionsOf(muted).map((action) => action.title)).toEqual(['Run this job', 'View log']);

  const again = await bot.press(
    'admin',
    actionsOf(alert)[0] as { verb: string; data: Record<string, string> },
    alertId,
  );
  expect(seen(again)).toMatch(/Backup (queued|running|failed): Sales Team/);
  const before = bot.adapter.shown.size;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await bot.feed.poll();
  const newCards = [...bot.adapter.shown.values()].slice(before);
  expect(newCards).toEqual([]);
});

test('licences show usage per profile and tier; an overrun and a finished restore reach the right chats', async () => {
  const { tenantId, database, events } = bot.backup;
  await writeLicence(
    database.db,
    tenantId,
    { plans: [{ profile: 'Gold', retentionYears: 1, workloads: ['exchange'], seats: 1 }], storageBytes: 1024 ** 3 },
    'provider',
    new Date(),
  );
  const usage = seen(cardOf(await bot.say('admin', 'licenze', 'it-IT')));
  expect(usage).toMatch(/Gold, 1 anno\d+ \/ 1/);
  expect(usage).toContain('Apri la pagina licenze');

  await bot.say('stranger', 'help');
  const shownBefore = new Set(bot.adapter.shown.keys());
  await events.emit(
    tenantId,
    'licence.overrun',
    {
      plans: [{ profile: 'Gold', retentionYears: 1, seats: 1, used: 2 }],
      storage: null,
      remedies: [{ it: 'Modifica il job scegliendo i gruppi.', en: 'Edit the job and choose the groups.' }],
    },
    'overrun-test',
  );
  await restoreRequestsCollection.scoped(database.db).insertOne(tenantId, {
    tenantId,
    restoreId: 'restore-1',
    requestedBy: `self-service:${people.stranger.aadObjectId}`,
    selection: { type: 'versions', versionIds: ['v1'] },
    target: { type: 'newFolder' },
    conflictPolicy: 'keepBoth',
    language: 'en',
    restoreFolderName: 'Restored 2026-11-21 10.00',
    status: 'completed',
    progress: { total: 3, restored: 3, skipped: 0, failed: 0, verified: 3, mismatched: 0, exportOnly: 0 },
    requestedAt: new Date(),
    startedAt: new Date(),
    finishedAt: new Date(),
    error: null,
  });
  await events.emit(
    tenantId,
    'restore.completed',
    {
      restoreId: 'restore-1',
      requestedBy: `self-service:${people.stranger.aadObjectId}`,
      restored: 3,
      skipped: 0,
      failed: 0,
      verified: 3,
      mismatched: 0,
    },
    'restore-1',
  );
  await bot.feed.poll();
  const delivered = [...bot.adapter.shown.entries()].filter(([id]) => !shownBefore.has(id)).map(([, a]) => a);
  const byChat = new Map(delivered.map((activity) => [activity.conversation?.id, seen(cardOf(activity))]));
  expect([...byChat.keys()].sort()).toEqual(['personal-admin', 'personal-stranger']);
  // The admin last wrote in Italian: alerts to that chat are in Italian.
  expect(byChat.get('personal-admin')).toMatch(
    /Licenze superate.*Gold, 1 anno2 \/ 1 \(oltre il limite\).*Modifica il job scegliendo i gruppi\./s,
  );
  expect(byChat.get('personal-stranger')).toMatch(
    /Restore completed.*in the folder "Restored 2026-11-21 10.00".*Restored3/s,
  );
  expect(seen(cardOf(await bot.say('stranger', 'restores')))).toMatch(/completed.*3 \/ 3/s);
});
