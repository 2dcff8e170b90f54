import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { defineTenantCollection } from './db/index.js';

/** Everything the domain announces; the bot and the notifier subscribe. */
export interface DomainEventPayloads {
  'run.completed': { runId: string; jobId: string; jobName: string; items: number; bytes: number };
  'run.warning': { runId: string; jobId: string; jobName: string; warnings: number; failedResources: string[] };
  'run.failed': { runId: string; jobId: string; jobName: string; reason: string; failedResources: string[] };
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

export interface DomainEvent<K extends DomainEventType = DomainEventType> {
  tenantId: string;
  eventId: string;
  type: K;
  payload: DomainEventPayloads[K];
  /** Same key, same event: a retried emit is recorded once. */
  dedupKey: string;
  createdAt: Date;
}

export const eventsCollection = defineTenantCollection<DomainEvent>('domainEvents', [
  { key: { tenantId: 1, dedupKey: 1 }, unique: true, name: 'tenant_dedup' },
  { key: { tenantId: 1, createdAt: -1 }, name: 'tenant_created' },
]);

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
    const event: DomainEvent<K> = { tenantId, eventId: randomUUID(), type, payload, dedupKey, createdAt: new Date() };
    try {
      await eventsCollection.scoped(this.db).insertOne(tenantId, event as DomainEvent);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return;
      throw error;
    }
    this.emitter.emit(type, event);
  }
}
