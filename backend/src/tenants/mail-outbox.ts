import type { Db, Filter } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { LetterSender, Mailer, OutgoingMail } from './mailer.js';
import { insertedFirst, isDuplicateKeyError } from '../db/index.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** A letter waiting in (or gone through) the durable outbox. */
export interface OutboxLetter extends OutgoingMail {
  /** `<tenant>|<key>`: FerretDB guarantees uniqueness of `_id` under racing inserts. */
  _id?: string;
  /** Names the reason for the letter (`welcome:<portal user id>:<n>`); the same key is only ever enqueued once. */
  key: string;
  kind: string;
  status: OutboxStatus;
  createdAt: Date;
  attempts: number;
  /** Until when a worker holds the letter while sending it. */
  leaseUntil?: Date;
  /** After a failed attempt, not before this. */
  retryAt?: Date;
  sentAt?: Date;
  lastError?: string;
}

export const outboxLetters = defineTenantCollection<OutboxLetter>('mail_outbox', [
  { key: { tenantId: 1, key: 1 }, unique: true, name: 'tenant_key' },
  { key: { tenantId: 1, status: 1, createdAt: 1 }, name: 'tenant_status' },
]);

/** One row per delivery attempt of a letter: the unique index decides which worker makes it. */
interface OutboxClaim {
  _id?: string;
  tenantId: string;
  key: string;
  attempt: number;
  at: Date;
}

const outboxClaims = defineTenantCollection<OutboxClaim>('mail_outbox_claims', [
  { key: { tenantId: 1, key: 1, attempt: 1 }, unique: true, name: 'tenant_key_attempt' },
]);

/**
 * The tenant's own letters not sent yet: while it has no sender mailbox, they are the ones waiting for it (the
 * provider's letters to its people go out from the provider's mailbox and never wait for it).
 */
export function unsentLetters(db: Db, tenantId: string): Promise<number> {
  return outboxLetters
    .scoped(db)
    .countDocuments(tenantId, { status: { $in: ['pending', 'sending'] }, from: { $ne: 'provider' } });
}

const senderOf = (letter: Pick<OutgoingMail, 'from'>): LetterSender => letter.from ?? 'tenant';

/** Whose letter it is: which tenant's, and from which sender. */
export interface LetterOwner {
  readonly tenantId: string;
  readonly from: LetterSender;
}

/** Who cannot send this pass: tenants without a sender mailbox, and the provider without one. */
interface HeldSenders {
  readonly tenants: Set<string>;
  provider: boolean;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

const maxAttempts = 5;
const leaseMs = 5 * 60_000;

/**
 * Letters are written here in the same request that decides to send them, then delivered by
 * `deliverPending`. The unique key makes enqueueing idempotent; a lease taken with one atomic
 * update makes sure one worker sends a letter; a sent letter is never sent again. The one window
 * left is a crash between the mail server accepting a letter and the outbox recording it: after
 * the lease expires that letter is sent a second time (a late duplicate rather than a lost letter).
 */
export class MailOutbox {
  /**
   * `retryBaseMs`: the pause after a failed attempt, doubled after each (at most an hour), so
   * five attempts outlast an outage of a quarter of an hour with a base of one minute. Zero (the
   * default) lets the next pass try again at once.
   */
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly retryBaseMs = 0,
  ) {}

  /** Returns false when a letter with this key was already enqueued. */
  async enqueue(letter: OutgoingMail & { key: string; kind: string }): Promise<boolean> {
    return insertedFirst(() =>
      outboxLetters.scoped(this.db).insertOne(letter.tenantId, {
        ...letter,
        _id: `${letter.tenantId}|${letter.key}`,
        status: 'pending',
        createdAt: this.clock(),
        attempts: 0,
      }),
    );
  }

  /**
   * Sends every due letter of every tenant through the mailer, one at a time, each at most once
   * per call (a failed letter waits for the next pass). The letters of a tenant the mailer holds
   * (`holdReason`) stay pending, marked with the reason. Letters that are not `mine` (a worker-only process reaches
   * one tenant, and not the provider's mailbox) are left untouched for a process that can send them: no attempt spent.
   */
  async deliverPending(
    mailer: Mailer,
    limit = 100,
    mine: (letter: LetterOwner) => boolean = () => true,
  ): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0 };
    const held: HeldSenders = { tenants: new Set(), provider: false };
    const tried = new Set<string>();
    for (let i = 0; i < limit; i += 1) {
      const letter = await this.claimNext(mailer, held, tried, mine);
      if (!letter) break;
      tried.add(letter.key);
      const scoped = outboxLetters.scoped(this.db);
      try {
        await mailer.send({
          tenantId: letter.tenantId,
          from: senderOf(letter),
          to: letter.to,
          subject: letter.subject,
          text: letter.text,
          html: letter.html,
        });
        await scoped.updateOne(
          letter.tenantId,
          { key: letter.key },
          { $set: { status: 'sent', sentAt: this.clock() }, $unset: { leaseUntil: '', lastError: '' } },
        );
        report.sent += 1;
      } catch (error) {
        const failedForGood = letter.attempts >= maxAttempts;
        const pauseMs = Math.min(this.retryBaseMs * 2 ** (letter.attempts - 1), 3_600_000);
        await scoped.updateOne(
          letter.tenantId,
          { key: letter.key },
          {
            $set: {
              status: failedForGood ? 'failed' : 'pending',
              lastError: error instanceof Error ? error.message : String(error),
              retryAt: new Date(this.clock().getTime() + pauseMs),
            },
            $unset: { leaseUntil: '' },
          },
        );
        report.failed += 1;
      }
    }
    return report;
  }

  /**
   * Cross-tenant by nature: the delivery worker serves every tenant's letters. A worker claims
   * attempt n of a letter by inserting (letter, n) under a unique index: of two workers racing for
   * the same attempt exactly one insert succeeds. (A conditional update is not enough: FerretDB
   * 1.24 reads, updates in Go and writes back, so it does not apply filter and update atomically.)
   */
  private async claimNext(
    mailer: Mailer,
    held: HeldSenders,
    tried: Set<string>,
    mine: (letter: LetterOwner) => boolean,
  ): Promise<OutboxLetter | null> {
    const letters = outboxLetters.raw(this.db);
    for (;;) {
      const now = this.clock();
      const heldSenders: Filter<OutboxLetter>[] = [
        ...(held.provider ? [{ from: { $ne: 'provider' as const } }] : []),
        ...(held.tenants.size > 0
          ? [{ $or: [{ from: 'provider' as const }, { tenantId: { $nin: [...held.tenants] } }] }]
          : []),
      ];
      const due: Filter<OutboxLetter> = {
        $or: [
          { status: 'pending', retryAt: { $exists: false } },
          { status: 'pending', retryAt: { $lte: now } },
          { status: 'sending', leaseUntil: { $lt: now } },
        ],
        attempts: { $lt: maxAttempts },
        ...(heldSenders.length > 0 && { $and: heldSenders }),
        ...(tried.size > 0 && { key: { $nin: [...tried] } }),
      };
      const [candidate] = await letters
        .find(due, { sort: { createdAt: 1 }, limit: 1, projection: { _id: 0 } })
        .toArray();
      if (!candidate) return null;
      const from = senderOf(candidate);
      if (!mine({ tenantId: candidate.tenantId, from })) {
        // Another process's to send (one that reaches this tenant, or the provider's mailbox): left as it is.
        if (from === 'provider') held.provider = true;
        else held.tenants.add(candidate.tenantId);
        continue;
      }
      const holdReason = await mailer.holdReason?.(candidate.tenantId, from);
      if (holdReason !== undefined) {
        if (from === 'provider') held.provider = true;
        else held.tenants.add(candidate.tenantId);
        await this.markHeld(candidate.tenantId, from, holdReason);
        continue;
      }
      const attempt = candidate.attempts + 1;
      try {
        await outboxClaims.scoped(this.db).insertOne(candidate.tenantId, {
          _id: `${candidate.tenantId}|${candidate.key}|${attempt}`,
          tenantId: candidate.tenantId,
          key: candidate.key,
          attempt,
          at: now,
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) continue;
        throw error;
      }
      const leaseUntil = new Date(now.getTime() + leaseMs);
      await outboxLetters
        .scoped(this.db)
        .updateOne(
          candidate.tenantId,
          { key: candidate.key },
          { $set: { status: 'sending', leaseUntil, attempts: attempt } },
        );
      return { ...candidate, status: 'sending', leaseUntil, attempts: attempt };
    }
  }

  /** Marks the held sender's pending letters with the reason: the provider's of every tenant, or one tenant's own. */
  private async markHeld(tenantId: string, from: LetterSender, reason: string): Promise<void> {
    const waiting = { status: 'pending' as const, lastError: { $ne: reason } };
    if (from === 'provider') {
      await outboxLetters.raw(this.db).updateMany({ ...waiting, from: 'provider' }, { $set: { lastError: reason } });
    } else {
      await outboxLetters
        .scoped(this.db)
        .updateMany(tenantId, { ...waiting, from: { $ne: 'provider' } }, { $set: { lastError: reason } });
    }
  }
}
