import type { Db } from 'mongodb';
import { defineCollection } from '../db/index.js';
import { isDuplicateKeyError } from '../db/index.js';

/**
 * Which consumer instance handles an event: the one whose insert of `<consumer>|<eventId>` succeeds. FerretDB
 * updates are not atomic, a unique `_id` insert is; a claim whose holder died is deleted by its exact `claimedAt`
 * before it is taken again, so of two processes seeing it stale only one deletes it.
 */
export interface EventClaim {
  _id: string;
  consumer: string;
  tenantId: string;
  eventId: string;
  claimedBy: string;
  claimedAt: Date;
  /** Set once every step succeeded: the event is never handled again by this consumer. */
  doneAt: Date | null;
}

/** How far a consumer has read `domainEvents`: every event before `through` is done. */
interface ConsumerCursor {
  _id: string;
  through: Date;
}

export const eventClaims = defineCollection<EventClaim>('eventClaims', []);
export const consumerCursors = defineCollection<ConsumerCursor>('eventConsumerCursors', []);

export type ClaimOutcome = 'claimed' | 'done' | 'held';

export class EventClaims {
  constructor(
    private readonly db: Db,
    private readonly consumer: string,
    private readonly claimedBy: string,
    private readonly leaseMs: number,
  ) {}

  /** Takes the event for this instance, unless it is done or another live instance holds it. */
  async claim(tenantId: string, eventId: string, now: Date): Promise<{ outcome: ClaimOutcome; claimedAt: Date }> {
    const claims = eventClaims.raw(this.db);
    const _id = `${this.consumer}|${eventId}`;
    const existing = await claims.findOne({ _id });
    if (existing?.doneAt) return { outcome: 'done', claimedAt: existing.claimedAt };
    if (existing) {
      if (existing.claimedAt.getTime() + this.leaseMs > now.getTime()) {
        return { outcome: 'held', claimedAt: existing.claimedAt };
      }
      // Its holder crashed (or outlived the lease): take it over, unless another instance just did.
      const taken = await claims.deleteOne({ _id, claimedAt: existing.claimedAt, doneAt: null });
      if (taken.deletedCount !== 1) return { outcome: 'held', claimedAt: existing.claimedAt };
    }
    try {
      await claims.insertOne({
        _id,
        consumer: this.consumer,
        tenantId,
        eventId,
        claimedBy: this.claimedBy,
        claimedAt: now,
        doneAt: null,
      });
      return { outcome: 'claimed', claimedAt: now };
    } catch (error) {
      if (isDuplicateKeyError(error)) return { outcome: 'held', claimedAt: now };
      throw error;
    }
  }

  async complete(eventId: string, claimedAt: Date, now: Date): Promise<void> {
    await eventClaims
      .raw(this.db)
      .updateOne(
        { _id: `${this.consumer}|${eventId}`, claimedBy: this.claimedBy, claimedAt },
        { $set: { doneAt: now } },
      );
  }

  /** Gives the event back after a failed step, so the next pass (of any instance) tries it again. */
  async release(eventId: string, claimedAt: Date): Promise<void> {
    await eventClaims
      .raw(this.db)
      .deleteOne({ _id: `${this.consumer}|${eventId}`, claimedBy: this.claimedBy, claimedAt, doneAt: null });
  }

  async cursor(): Promise<Date | null> {
    return (await consumerCursors.raw(this.db).findOne({ _id: this.consumer }))?.through ?? null;
  }

  /** Moves the cursor forward only; of two instances creating it at once, the loser updates it instead. */
  async advanceCursor(through: Date): Promise<void> {
    const cursors = consumerCursors.raw(this.db);
    try {
      await cursors.updateOne({ _id: this.consumer }, { $max: { through } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await cursors.updateOne({ _id: this.consumer }, { $max: { through } });
    }
  }
}
