import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { GraphGateway } from '../graph/index.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { MailOutbox, type DeliveryReport, type LetterOwner } from '../tenants/mail-outbox.js';
import type { Mailer } from '../tenants/mailer.js';
import { DailyDigest } from './daily-digest.js';
import { EventNotifier } from './event-notifier.js';
import { GraphMailer } from './graph-mailer.js';
import { pruneSentLetters } from '../tenants/outbox-pruning.js';

export const notificationJobName = 'notifications.deliver';

export interface NotificationWorkerOptions {
  readonly db: Db;
  readonly scheduler: Scheduler;
  /** The Graph gateway of a customer tenant: letters go out through it, requesters are looked up in it. */
  readonly graphFor: (tenantId: string) => Promise<GraphGateway>;
  /** Letters link to the portal when set. */
  readonly portalUrl?: string;
  /** How often a pass runs (default 30 s). */
  readonly intervalMs?: number;
  /** The pause after a letter's first failed attempt, doubled after each (default 1 minute). */
  readonly retryBaseMs?: number;
  /** Sent letters are deleted after this long (default 30 days). */
  readonly keepSentLettersMs?: number;
  /** Another mailer than Graph `sendMail` from the tenant's sender. */
  readonly mailer?: Mailer;
  /** The provider's mailbox in its own directory, for the provider's letters (welcome, support). */
  readonly provider?: { readonly tenantId: string; readonly mailbox: string | undefined };
  /**
   * The tenants this process reaches (default: every one, and it then also answers for the provider's letters). A
   * worker-only process reaches one tenant: it sends only that tenant's letters and leaves the others, the provider's
   * among them, to the processes that can send them, spending none of their attempts.
   */
  readonly serves?: (tenantId: string) => boolean;
  readonly clock?: () => Date;
  readonly logger?: Logger;
}

export interface NotificationPassReport {
  readonly digests: number;
  readonly delivery: DeliveryReport;
}

export interface NotificationWorker {
  /** Turns events into letters: the end-of-run pipeline calls it once per event. */
  readonly notifier: EventNotifier;
  readonly digest: DailyDigest;
  readonly outbox: MailOutbox;
  readonly mailer: Mailer;
  /** One pass: the daily digest when due, then every due letter sent. */
  runPass(): Promise<NotificationPassReport>;
}

/**
 * Defines the notification pass as an Agenda job repeated every `intervalMs` (one schedule for the
 * cluster). A pass is safe to run twice at once, in one process or two: letters are enqueued under
 * fixed ids and each delivery attempt is claimed through a unique insert.
 */
/**
 * Which letters this process sends: a process that reaches every tenant sends all of them (and holds the provider's
 * with the reason while it has no provider mailbox); a worker-only process sends only its tenants' own letters, and
 * the provider's only when it has the provider's mailbox, leaving the rest to the process that can send them.
 */
export function lettersOfThisProcess(
  options: Pick<NotificationWorkerOptions, 'serves' | 'provider'>,
): (letter: LetterOwner) => boolean {
  const { serves, provider } = options;
  return (letter) =>
    letter.from === 'provider'
      ? serves === undefined || Boolean(provider?.mailbox)
      : (serves?.(letter.tenantId) ?? true);
}

export async function startNotificationWorker(options: NotificationWorkerOptions): Promise<NotificationWorker> {
  const { db, graphFor, portalUrl, clock, logger } = options;
  const outbox = new MailOutbox(db, clock, options.retryBaseMs ?? 60_000);
  const notifier = new EventNotifier({
    db,
    outbox,
    graphFor,
    ...(portalUrl !== undefined && { portalUrl }),
    ...(logger && { logger }),
  });
  const digest = new DailyDigest({
    db,
    outbox,
    ...(portalUrl !== undefined && { portalUrl }),
    ...(clock && { clock }),
  });
  const mailer =
    options.mailer ?? new GraphMailer({ db, graphFor, ...(options.provider && { provider: options.provider }) });
  const mine = lettersOfThisProcess(options);
  const now = clock ?? (() => new Date());
  const keepSentMs = options.keepSentLettersMs ?? 30 * 24 * 3600_000;
  let lastPruneAt = -Infinity;
  const runPass = async (): Promise<NotificationPassReport> => {
    const at = now().getTime();
    const digests = await digest.sendDue();
    const delivery = await outbox.deliverPending(mailer, 100, mine);
    if (at - lastPruneAt >= 24 * 3600_000) {
      await pruneSentLetters(db, new Date(at - keepSentMs));
      lastPruneAt = at;
    }
    if (digests + delivery.sent + delivery.failed > 0) {
      logger?.info({ digests, delivery }, 'notification pass');
    }
    return { digests, delivery };
  };
  options.scheduler.define(
    notificationJobName,
    async () => {
      await runPass();
    },
    { concurrency: 1 },
  );
  await options.scheduler.runEvery(options.intervalMs ?? 30_000, notificationJobName);
  return { notifier, digest, outbox, mailer, runPass };
}
