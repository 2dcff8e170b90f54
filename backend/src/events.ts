import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { bulkWriteInBatches, defineTenantCollection, defineUpgrade } from './db/index.js';
import { isDuplicateKeyError } from './db/index.js';
import type { AnyRunErrorNotice } from './run-errors/run-error-texts.js';

/** Everything the domain announces; the bot and the notifier subscribe. */
export interface DomainEventPayloads {
  'run.completed': { runId: string; jobId: string; jobName: string; items: number; bytes: number };
  'run.warning': { runId: string; jobId: string; jobName: string; warnings: number; failedResources: string[] };
  'run.failed': {
    runId: string;
    jobId: string;
    jobName: string;
    /** In English, as recorded; `notice` writes it in the reader's language (absent on older events). */
    reason: string;
    notice?: AnyRunErrorNotice;
    failedResources: string[];
  };
  'restore.completed': {
    restoreId: string;
    requestedBy: string;
    restored: number;
    skipped: number;
    failed: number;
    verified: number;
    mismatched: number;
  };
  'restore.failed': { restoreId: string; requestedBy: string; reason: string };
  /** The tenant protects more people, or holds more bytes, than it bought; remedies in both languages. */
  'licence.overrun': {
    plans: { profile: string; retentionYears: number; seats: number; used: number }[];
    storage: { purchasedBytes: number; usedBytes: number } | null;
    remedies: { it: string; en: string }[];
  };
}

export type DomainEventType = keyof DomainEventPayloads;

/** The three ways a run ends; the letters, the digest and the end-of-run pipeline read them alike. */
export const runEndTypes = ['run.completed', 'run.warning', 'run.failed'] as const;
export type RunEndEvent = DomainEvent<(typeof runEndTypes)[number]>;

export function isRunEnd(event: DomainEvent): event is RunEndEvent {
  return (runEndTypes as readonly string[]).includes(event.type);
}

export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  tenantId: string;
  eventId: string;
  type: K;
  payload: DomainEventPayloads[K];
  /** Same key, same event: a retried emit is recorded once. */
  dedupKey: string;
  createdAt: Date;
  /** `createdAt`'s UTC hour (`createdHourOf`); absent on events recorded before readers walked hours. */
  createdHour?: string;
}

/**
 * The UTC hour of an instant, `YYYY-MM-DDTHH`. Readers of recent events (the end-of-run pipeline, the bot's cards)
 * select one hour at a time by equality, which the embedded database hands to an index; a range on `createdAt` it
 * would evaluate itself over every event ever recorded, in every process, every few seconds.
 */
export function createdHourOf(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/** The hours from `from`'s to `to`'s, both included, oldest first. */
export function hoursBetween(from: Date, to: Date): string[] {
  const hours: string[] = [];
  const hourMs = 3_600_000;
  for (let at = Math.floor(from.getTime() / hourMs) * hourMs; at <= to.getTime(); at += hourMs) {
    hours.push(createdHourOf(new Date(at)));
  }
  return hours;
}

export const eventsCollection = defineTenantCollection<DomainEvent>(
  'domainEvents',
  [
    { key: { tenantId: 1, dedupKey: 1 }, unique: true, name: 'tenant_dedup' },
    { key: { tenantId: 1, createdAt: -1 }, name: 'tenant_created' },
  ],
  // The end-of-run pipeline and the bot's cards read every tenant's recent events, an hour at a time.
  [{ key: { createdHour: 1, createdAt: 1 }, name: 'created_hour' }],
);

/**
 * Of every tenant, the events of these types recorded in this UTC hour (`createdHourOf`) after `since`, oldest first,
 * at most `limit`: how the durable consumers read.
 */
export function eventsOfHour(
  db: Db,
  createdHour: string,
  types: readonly DomainEventType[],
  since: Date,
  limit: number,
): Promise<DomainEvent[]> {
  return eventsCollection
    .raw(db)
    .find({ createdHour, type: { $in: [...types] }, createdAt: { $gt: since } }, { projection: { _id: 0 } })
    .sort({ createdAt: 1 })
    .limit(limit)
    .toArray();
}

/** The tenant's events of these types recorded after `after` and up to `until`, oldest first (the daily digest). */
export async function tenantEventsBetween<K extends DomainEventType>(
  db: Db,
  tenantId: string,
  types: readonly K[],
  after: Date,
  until: Date,
): Promise<DomainEvent<K>[]> {
  const found: DomainEvent[] = await eventsCollection
    .scoped(db)
    .find(
      tenantId,
      { type: { $in: [...types] }, createdAt: { $gt: after, $lte: until } },
      { sort: { createdAt: 1 }, projection: { _id: 0 } },
    )
    .toArray();
  return found.filter((event): event is DomainEvent<K> => (types as readonly DomainEventType[]).includes(event.type));
}

/**
 * Events of the last two days recorded before readers walked hours get their hour, so that a consumer whose cursor is
 * still among them reads them; older ones are only read per tenant (the daily digest), by date.
 */
defineUpgrade('domain-events-created-hour', async (db) => {
  const events = eventsCollection.raw(db);
  const recent = await events
    .find(
      { createdAt: { $gt: new Date(Date.now() - 2 * 86_400_000) }, createdHour: { $exists: false } },
      { projection: { _id: 1, createdAt: 1 } },
    )
    .toArray();
  await bulkWriteInBatches(
    events,
    recent.map((event) => ({
      updateOne: { filter: { _id: event._id }, update: { $set: { createdHour: createdHourOf(event.createdAt) } } },
    })),
  );
});

/**
 * Records each event durably (once per dedup key, so retries do not repeat it) and announces it
 * to subscribers in this process. Other processes read the `domainEvents` collection.
 */
export class DomainEvents {
  private readonly emitter = new EventEmitter();

  constructor(private readonly db: Db) {}

  on<K extends DomainEventType>(type: K, listener: (event: DomainEvent<K>) => void): void {
    this.emitter.on(type, listener);
  }

  async emit<K extends DomainEventType>(
    tenantId: string,
    type: K,
    payload: DomainEventPayloads[K],
    dedupKey: string,
  ): Promise<void> {
    const createdAt = new Date();
    const event: DomainEvent<K> = {
      tenantId,
      eventId: randomUUID(),
      type,
      payload,
      dedupKey,
      createdAt,
      createdHour: createdHourOf(createdAt),
    };
    try {
      await eventsCollection.scoped(this.db).insertOne(tenantId, event as DomainEvent);
    } catch (error) {
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
    this.emitter.emit(type, event);
  }
}
