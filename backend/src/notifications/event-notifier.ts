import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { BackupJobs } from '../backup/backup-jobs.js';
import { isRunEnd, type DomainEvent } from '../events.js';
import type { GraphGateway } from '../graph/index.js';
import { recipientsFor } from '../settings/notification-recipients.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import {
  draftFor,
  requestedBecause,
  subscribedBecause,
  subscriptionOf,
  type NotifiedEventType,
} from './event-letters.js';
import { defaultTimeZone, renderLetter } from './letter-layout.js';
import { restoreRequester, type Addressee } from './restore-requester.js';

export interface EventNotifierOptions {
  readonly db: Db;
  readonly outbox: MailOutbox;
  /** The tenant's Graph gateway, to find the address of a restore's requester. */
  readonly graphFor: (tenantId: string) => Promise<GraphGateway>;
  /** Letters link here when set. */
  readonly portalUrl?: string;
  readonly logger?: Logger;
}

/**
 * Turns a domain event into outbox letters: one per recipient, in the recipient's language. The
 * end-of-run pipeline (`../run-end`) calls it once per event; a repeat (another process, a retry
 * after a crash) enqueues nothing twice, since each letter's outbox id is
 * `<tenant>|<eventId>|<address>` and only one insert of an id succeeds.
 */
export class EventNotifier {
  constructor(private readonly options: EventNotifierOptions) {}

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
    return enqueued;
  }

  /** A run's letter tells the time where its job runs; other letters use the product's home time zone. */
  private async timeZoneOf(event: DomainEvent<NotifiedEventType>): Promise<string> {
    if (!isRunEnd(event)) return defaultTimeZone;
    const { jobId } = event.payload;
    const job = await new BackupJobs(this.options.db).get(event.tenantId, jobId);
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
