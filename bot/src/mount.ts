import type { Server } from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { ActivityLog } from '@custodia/backend/audit/activity-log';
import type { BackupJobs, RunEngine } from '@custodia/backend/backup/index';
import { BotCore } from './bot-core.js';
import { BotFrameworkActivityAuthentication, type BotCredentials } from './botbuilder-authentication.js';
import { botbuilderChannel, CustodiaTeamsBot } from './botbuilder-edge.js';
import { EventFeed } from './event-feed.js';
import { portalLinks, type PortalDeepLink } from './portal-links.js';
import type { ApprovalServices, BotBackend, BotDirectory } from './services.js';

export interface MountBotOptions {
  /** The bot's reads of the product, its own stores, run requests and events (the composition root opens them). */
  backend: BotBackend;
  jobs: BackupJobs;
  engine: RunEngine;
  /** The activity log the API writes to: "run now" and approvals from Teams write to it too. */
  activity: ActivityLog;
  /**
   * Self-service restores awaiting approval are announced in approvers' personal chats in any case; with the
   * restore service they can be approved or rejected from the card.
   */
  approvals?: ApprovalServices;
  /** This process in the claims of the alerts it delivers (the composition root's worker name). */
  instance: string;
  /**
   * The bot's Entra app: every activity is authenticated by botbuilder's Bot Framework JWT validation, and refused
   * with 401 otherwise. Absent, activities are not authenticated: only for the Microsoft 365 simulator on loopback
   * (tests, the demo, Agents Playground); the composition root's configuration refuses anything else.
   */
  credentials?: BotCredentials;
  /** The tenant's directory, where the names written to the activity log come from. */
  directory: BotDirectory;
  portalDeepLink: PortalDeepLink;
  /** How often the durable event collection is read (default 5 s). */
  eventPollMs?: number;
  /** How often the card of a run started from chat is refreshed (default 3 s). */
  progressIntervalMs?: number;
  /** Where failures of the bot itself are reported (the composition root's logger). */
  onError?(error: unknown, what: string): void;
  /** Where the cause of a refused activity is reported (the caller is told only that it is not authenticated). */
  onRefused?(cause: unknown): void;
}

export interface MountedBot {
  /** Reads the event collection now instead of at the next poll. */
  pollEvents(): Promise<void>;
  stop(): Promise<void>;
}

/** Serves the Teams bot at `POST /api/messages` and starts delivering alerts. */
export async function mountBot(server: Server, options: MountBotOptions): Promise<MountedBot> {
  const onError = options.onError ?? (() => undefined);
  const { credentials } = options;
  const appId = credentials?.appId ?? '';
  const adapter = new CloudAdapter(
    credentials
      ? new BotFrameworkActivityAuthentication(credentials, options.onRefused ?? (() => undefined))
      : new ConfigurationBotFrameworkAuthentication({}),
  );
  adapter.onTurnError = async (context, error) => {
    onError(error, 'bot turn');
    await context.sendActivity(
      'Qualcosa è andato storto, riprova tra poco. / Something went wrong, please try again shortly.',
    );
  };
  const channel = botbuilderChannel((reference, logic) => adapter.continueConversationAsync(appId, reference, logic));
  const { consumers, ...backend } = options.backend;
  const services = {
    ...backend,
    jobs: options.jobs,
    engine: options.engine,
    links: portalLinks(options.portalDeepLink),
    activity: options.activity,
    directory: options.directory,
    ...(options.approvals && { approvals: options.approvals }),
  };
  const core = new BotCore(services, channel, options.progressIntervalMs ?? 3_000);
  const bot = new CustodiaTeamsBot(core);
  server.post('/api/messages', async (request, response) => {
    await adapter.process(request, response, (context) => bot.run(context));
  });
  const feed = new EventFeed({
    consumers,
    instance: options.instance,
    deliver: (event) => core.alerts.deliver(event),
    onError: (error, event) => onError(error, `alert ${event.type} ${event.eventId}`),
    pollMs: options.eventPollMs ?? 5_000,
    lookbackMs: 60 * 60_000,
    pollAlso: () => core.approvals.poll().catch((error: unknown) => onError(error, 'approval cards')),
  });
  feed.start();
  return {
    pollEvents: () => feed.poll(),
    async stop() {
      core.progress.stop();
      await feed.stop();
    },
  };
}
