import type { Db } from 'mongodb';
import { recipientsInEveryTenant, type NotificationRecipient } from '../settings/notification-recipients.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import { runEndTypes, tenantEventsBetween } from '../events.js';
import { dailyDigestLetter } from './digest-letter.js';
import { renderLetter } from './letter-layout.js';
import { subscribedBecause } from './event-letters.js';

export interface DailyDigestOptions {
  readonly db: Db;
  readonly outbox: MailOutbox;
  readonly portalUrl?: string;
  readonly clock?: () => Date;
  /** The digest of a day goes out at the first pass from this hour (UTC) on. */
  readonly sendAtUtcHour?: number;
}

const dayMs = 24 * 60 * 60_000;

/**
 * Once a day, a letter to each recipient who asked for the daily digest, summarising the runs of
 * their tenant that ended in the last 24 hours. Keyed by day and address: one digest a day, however
 * many workers and passes.
 */
export class DailyDigest {
  private readonly clock: () => Date;
  private sentForDay: string | undefined;

  constructor(private readonly options: DailyDigestOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Enqueues today's digests if it is time and this worker has not yet; returns how many were new. */
  async sendDue(): Promise<number> {
    const now = this.clock();
    const day = now.toISOString().slice(0, 10);
    if (now.getUTCHours() < (this.options.sendAtUtcHour ?? 6) || this.sentForDay === day) return 0;
    // Cross-tenant by nature: the recipients of every tenant who asked for a digest.
    const recipients = await recipientsInEveryTenant(this.options.db, 'digest.daily');
    const byTenant = new Map<string, NotificationRecipient[]>();
    for (const recipient of recipients)
      byTenant.set(recipient.tenantId, [...(byTenant.get(recipient.tenantId) ?? []), recipient]);
    let enqueued = 0;
    for (const [tenantId, tenantRecipients] of byTenant) {
      const runs = await tenantEventsBetween(
        this.options.db,
        tenantId,
        runEndTypes,
        new Date(now.getTime() - dayMs),
        now,
      );
      for (const recipient of tenantRecipients) {
        const letter = renderLetter(dailyDigestLetter(runs, now, recipient.language), {
          language: recipient.language,
          recipientName: recipient.name,
          portalUrl: this.options.portalUrl,
          why: subscribedBecause('digest.daily', recipient.language),
        });
        const added = await this.options.outbox.enqueue({
          tenantId,
          key: `digest:${day}|${recipient.email}`,
          kind: 'notification:digest.daily',
          to: { name: recipient.name, email: recipient.email },
          ...letter,
        });
        if (added) enqueued += 1;
      }
    }
    this.sentForDay = day;
    return enqueued;
  }
}
