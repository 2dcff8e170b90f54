import { MongoServerError, type Db } from 'mongodb';
import type { Logger } from 'pino';
import { backupJobsCollection } from '../backup/collections.js';
import { defineCollection } from '../db/index.js';
import { eventsCollection, type DomainEvent } from '../events.js';
import type { GraphGateway } from '../graph/index.js';
import { recipientsFor } from '../settings/notification-recipients.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import {
  draftFor,
  isNotified,
  requestedBecause,
  subscribedBecause,
  subscriptionOf,
  type NotifiedEventType,
} from './event-letters.js';
import { defaultTimeZone, renderLetter } from './letter-layout.js';
import { restoreRequester, type Addressee } from './restore-requester.js';

/** How far the notifier has read the domain events: one record for the whole deployment. */
interface NotifierProgress {
  _id: string;
  through: Date;
}

export const notifierProgress = defineCollection<NotifierProgress>('notification_progress', []);

const progressId = 'domainEvents';

export interface EventNotifierOptions {
  readonly db: Db;
  readonly outbox: MailOutbox;
  /** The tenant's Graph gateway, to find the address of a restore's requester. */
  readonly graphFor: (tenantId: string) => Promise<GraphGateway>;
  /** Letters link here when set. */
  readonly portalUrl?: string;
  readonly clock?: () => Date;
  /**
   * Each pass reads again this far behind what it has read: an event is stamped before it is
   * inserted, so one may land behind the mark. Letters are enqueued under fixed ids, so reading
   * an event twice sends nothing twice.
   */
  readonly overlapMs?: number;
  readonly logger?: Logger;
}

export interface NotifyReport {
  /** Events turned into letters in this pass. */
  events: number;
  /** Letters newly put in the outbox (a repeat of another worker's letter does not count). */
  letters: number;
}

/**
 * Turns domain events into outbox letters: one per event and recipient, in the recipient's
 * language. Any number of notifiers, in any number of processes, may run at once: each letter's
 * outbox id is `<tenant>|<eventId>|<address>`, and only one insert of an id succeeds.
 */
export class EventNotifier {
  private readonly clock: () => Date;
  private readonly overlapMs: number;
  /** Events this notifier has already handled that are still inside the overlap, by id. */
  private readonly handled = new Map<string, Date>();

  constructor(private readonly options: EventNotifierOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.overlapMs = options.overlapMs ?? 15 * 60_000;
  }

  /** Reads the events recorded since the last pass (of any worker) and enqueues their letters. */
  async consumeNewEvents(): Promise<NotifyReport> {
    const progress = notifierProgress.raw(this.options.db);
    const mark = (await progress.findOne({ _id: progressId }))?.through ?? this.clock();
    const since = new Date(mark.getTime() - this.overlapMs);
    for (const [eventId, createdAt] of this.handled) if (createdAt <= since) this.handled.delete(eventId);
    const report: NotifyReport = { events: 0, letters: 0 };
    let through = mark;
    // Cross-tenant by nature: one notifier serves every tenant; each letter stays in its event's tenant.
    const events = eventsCollection
      .raw(this.options.db)
      .find({ createdAt: { $gt: since } }, { sort: { createdAt: 1 }, projection: { _id: 0 } });
    for await (const event of events) {
      if (!this.handled.has(event.eventId) && isNotified(event)) {
        report.letters += await this.notify(event);
        report.events += 1;
      }
      this.handled.set(event.eventId, event.createdAt);
      if (event.createdAt > through) through = event.createdAt;
    }
    await this.advanceMark(through);
    return report;
  }

  /** Moves the mark forward only; of two workers creating it at once, the loser updates it instead. */
  private async advanceMark(through: Date): Promise<void> {
    const progress = notifierProgress.raw(this.options.db);
    try {
      await progress.updateOne({ _id: progressId }, { $max: { through } }, { upsert: true });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
      await progress.updateOne({ _id: progressId }, { $max: { through } });
    }
  }

  /** Enqueues the event's letters; returns how many were new. */
  async notify(event: DomainEvent<NotifiedEventType>): Promise<number> {
    const subscription = subscriptionOf[event.type];
    const recipients = await recipientsFor(this.options.db, event.tenantId, subscription);
    const letters: { addressee: Addressee; why: string }[] = recipients.map((recipient) => ({
      addressee: recipient,
      why: subscribedBecause(subscription, recipient.language),
    }));
    const requester = await this.requesterOf(event);
    const timeZone = await this.timeZoneOf(event);
    if (requester && !letters.some((letter) => letter.addressee.email === requester.email)) {
      letters.push({ addressee: requester, why: requestedBecause(requester.language) });
    }
    let enqueued = 0;
    for (const { addressee, why } of letters) {
      const rendered = renderLetter(draftFor(event, addressee.language, timeZone), {
        language: addressee.language,
        recipientName: addressee.name,
        portalUrl: this.options.portalUrl,
        why,
      });
      const added = await this.options.outbox.enqueue({
        tenantId: event.tenantId,
        key: `${event.eventId}|${addressee.email}`,
        kind: `notification:${event.type}`,
        to: { name: addressee.name, email: addressee.email },
        ...rendered,
      });
      if (added) enqueued += 1;
    }
    this.handled.set(event.eventId, event.createdAt);
    return enqueued;
  }

  /** A run's letter tells the time where its job runs; other letters use the product's home time zone. */
  private async timeZoneOf(event: DomainEvent<NotifiedEventType>): Promise<string> {
    if (event.type !== 'run.warning' && event.type !== 'run.failed') return defaultTimeZone;
    const { jobId } = (event as DomainEvent<'run.warning' | 'run.failed'>).payload;
    const job = await backupJobsCollection
      .scoped(this.options.db)
      .findOne(event.tenantId, { jobId }, { projection: { timeZone: 1 } });
    return job?.timeZone ?? defaultTimeZone;
  }

  /** The person who asked for a finished restore; a failed lookup costs them the letter, not the others. */
  private async requesterOf(event: DomainEvent<NotifiedEventType>): Promise<Addressee | null> {
    if (event.type !== 'restore.completed' && event.type !== 'restore.failed') return null;
    const { restoreId, requestedBy } = (event as DomainEvent<'restore.completed' | 'restore.failed'>).payload;
    try {
      return await restoreRequester(this.options.db, this.options.graphFor, event.tenantId, restoreId, requestedBy);
    } catch (error) {
      this.options.logger?.warn(
        { err: error, tenantId: event.tenantId, restoreId },
        'the requester of a restore could not be found: no letter for them',
      );
      return null;
    }
  }
}
