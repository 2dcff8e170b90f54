import { TestAdapter, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { startBackupHarness, type BackupHarness } from '../../../backend/test/backup/harness.js';
import { ensureIndexes } from '../../../backend/src/db/index.js';
import { tenantRecords, type TenantSetup } from '../../../backend/src/tenants/tenant-store.js';
import { portalUsers } from '../../../backend/src/portal-users/portal-user-store.js';
import { notificationRecipients } from '../../../backend/src/settings/notification-recipients.js';
import type { PortalRole } from '../../../backend/src/access/principal.js';
import { ActivityLog } from '../../../backend/src/audit/activity-log.js';
import { activityChainKey } from '../../../backend/src/audit/activity-seal.js';
import { RestoreService } from '../../../backend/src/restore/index.js';
import { BotCore } from '../../src/bot-core.js';
import { botbuilderChannel, CustodiaTeamsBot } from '../../src/botbuilder-edge.js';
import { portalLinks } from '../../src/portal-links.js';
import { EventFeed } from '../../src/event-feed.js';
import { openBotBackend } from '../../../teams-app/src/bot-backend.js';

/** A small tenant: two people with a few messages each, so runs take a second or two. */
export const smallTenant = {
  displayName: 'Officine Test S.p.A.',
  domain: 'officinetest.onmicrosoft.com',
  users: ['giulia.rossi', 'marco.bianchi'].map((name) => ({
    userPrincipalName: `${name}@officinetest.onmicrosoft.com`,
    displayName: name.replace('.', ' '),
    mailbox: { generate: { messages: 3, seed: 7 } },
  })),
};

export const people = {
  admin: { aadObjectId: 'aad-admin', email: 'admin@officinetest.it', role: 'tenant_admin' },
  viewer: { aadObjectId: 'aad-viewer', email: 'viewer@officinetest.it', role: 'viewer' },
  restorer: { aadObjectId: 'aad-restorer', email: 'restorer@officinetest.it', role: 'restore_operator' },
  stranger: { aadObjectId: 'aad-stranger', email: 'someone@officinetest.it', role: null },
} as const satisfies Record<string, { aadObjectId: string; email: string; role: PortalRole | null }>;

export type Someone = keyof typeof people;

/** Every step of the tenant setup done, as the portal leaves it after "Confirm". */
export function completeSetup(at: Date): TenantSetup {
  return {
    dataLocation: 'italy-north',
    workloads: ['exchange', 'sharepoint-onedrive', 'teams'],
    adminConsent: { grantedAt: at, checkedBy: 'fixture' },
    confirmation: { at, by: 'fixture' },
  };
}

/** What the chat shows: every activity the bot posted, as last updated. */
export class RecordingAdapter extends TestAdapter {
  readonly shown = new Map<string, Partial<Activity>>();

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]) {
    const responses = await super.sendActivities(context, activities);
    for (const activity of activities) if (activity.id) this.shown.set(activity.id, activity);
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>) {
    if (activity.id) this.shown.set(activity.id, activity);
    return super.updateActivity(context, activity);
  }
}

export interface BotHarness {
  backup: BackupHarness;
  adapter: RecordingAdapter;
  core: BotCore;
  feed: EventFeed;
  /** The restore service approvals are decided through, on the harness's scheduler. */
  restores: RestoreService;
  activity: ActivityLog;
  /** Sends a message as this person in their personal chat; returns what the bot answered. */
  say(who: Someone, text: string, locale?: string): Promise<Partial<Activity>>;
  /**
   * Presses an `Action.Execute` button of a card; returns the card that replaces it. `from` overrides what the
   * activity says of its sender (a forged display name, another object id).
   */
  press(
    who: Someone,
    card: { verb: string; data: Record<string, string> },
    cardActivityId?: string,
    from?: { name?: string; aadObjectId?: string },
  ): Promise<object>;
  stop(): Promise<void>;
}

export async function startBotHarness(): Promise<BotHarness> {
  const backup = await startBackupHarness({ tenant: smallTenant });
  const { db } = backup.database;
  await ensureIndexes(db);
  const tenantId = backup.tenantId;
  const now = new Date();
  await tenantRecords.scoped(db).insertOne(tenantId, {
    tenantId,
    name: 'Officine Test',
    onboardedAt: now,
    onboardedBy: 'provider',
    itManager: { name: 'Admin', email: people.admin.email },
    setup: completeSetup(now),
  });
  for (const [name, person] of Object.entries(people)) {
    if (person.role === null) continue;
    await portalUsers.scoped(db).insertOne(tenantId, {
      tenantId,
      id: `portal-${name}`,
      name,
      email: person.email,
      role: person.role,
      status: 'active',
      userId: person.aadObjectId,
      invitedAt: now,
      invitedBy: 'test',
    });
  }
  await notificationRecipients.scoped(db).insertOne(tenantId, {
    tenantId,
    id: 'recipient-admin',
    name: 'Admin',
    email: people.admin.email,
    language: 'it',
    events: ['job.failed', 'job.warning', 'licence.overrun'],
    createdAt: now,
  });

  const restores = new RestoreService({
    db,
    scheduler: backup.scheduler,
    events: backup.events,
    store: backup.store,
    graphFor: async () => backup.gateway,
    workerName: 'test-worker',
  });
  const activity = new ActivityLog(db, activityChainKey(backup.masterKey));
  const { consumers, ...backend } = await openBotBackend(db, { engine: backup.engine, activity });
  const services = {
    ...backend,
    jobs: backup.jobs,
    engine: backup.engine,
    links: portalLinks({ appId: 'custodia-app', entityId: 'portal' }),
    activity,
    directory: { graphFor: async () => backup.gateway },
    approvals: { restores },
  };
  // The adapter calls the bot only when a turn arrives, after everything below exists.
  const adapter: RecordingAdapter = new RecordingAdapter((context) => bot.run(context));
  const channel = botbuilderChannel((reference, logic) =>
    logic(new TurnContext(adapter, TurnContext.applyConversationReference({ type: 'message' }, reference, true))),
  );
  const core = new BotCore(services, channel, 200);
  const bot = new CustodiaTeamsBot(core);
  const feed = new EventFeed({
    consumers,
    instance: 'test-bot',
    deliver: (event) => core.alerts.deliver(event),
    onError: (error) => {
      throw error;
    },
    pollMs: 60_000,
    lookbackMs: 60_000,
    pollAlso: () => core.approvals.poll(),
  });

  const activityOf = (who: Someone, locale: string): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://test.local/',
    locale,
    from: { id: `29:${who}`, name: who, aadObjectId: people[who].aadObjectId },
    recipient: { id: '28:custodia-bot', name: 'Custodia' },
    conversation: { id: `personal-${who}`, conversationType: 'personal', tenantId, isGroup: false, name: who },
    channelData: { tenant: { id: tenantId } },
  });

  async function exchange(activity: Partial<Activity>): Promise<Partial<Activity>> {
    const before = adapter.activeQueue.length;
    await adapter.processActivity(activity);
    const replies = adapter.activeQueue.splice(before);
    const reply = replies.at(-1);
    if (!reply) throw new Error('the bot did not answer');
    return reply;
  }

  return {
    backup,
    adapter,
    core,
    feed,
    restores,
    activity,
    say: (who, text, locale = 'en-US') => exchange({ ...activityOf(who, locale), type: 'message', text }),
    async press(who, { verb, data }, cardActivityId, from) {
      const activity = activityOf(who, 'en-US');
      const reply = await exchange({
        ...activity,
        from: { ...activity.from, id: activity.from?.id ?? '', ...from },
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...(cardActivityId !== undefined && { replyToId: cardActivityId }),
      });
      const body = (reply.value as { body?: { value?: object; statusCode?: number } }).body;
      if (body?.statusCode !== 200 || !body.value) throw new Error(`invoke failed: ${JSON.stringify(reply.value)}`);
      return body.value;
    },
    async stop() {
      core.progress.stop();
      await feed.stop();
      await backup.stop();
    },
  };
}

/** Creates the job the conversations drive, "Nightly Mail" (every mailbox, daily), and answers its id. */
export function createNightlyMailJob(bot: BotHarness): Promise<string> {
  return createMailJob(bot, 'Nightly Mail');
}

/** Creates a job backing up every mailbox daily at 22:00 under this name, and answers its id. */
export async function createMailJob(bot: BotHarness, name: string): Promise<string> {
  const job = await bot.backup.jobs.create(
    bot.backup.tenantId,
    { name, scope: { type: 'organisation' }, workloads: ['exchange'], dailyTime: '22:00', retentionYears: 1 },
    'admin@test',
  );
  return job.jobId;
}

export function cardOf(activity: Partial<Activity>): object {
  const card = activity.attachments?.[0]?.content as object | undefined;
  if (!card) throw new Error(`not a card: ${activity.text ?? JSON.stringify(activity)}`);
  return card;
}

export type { ConversationReference };
