import type { Db } from 'mongodb';
import { eventsCollection, type DomainEvent, type DomainEvents } from '@custodia/backend/events';
import { alertEventTypes } from './alert-delivery.js';

export interface EventFeedOptions {
  db: Db;
  /** Events of this process, delivered at once. */
  events?: DomainEvents;
  deliver(event: DomainEvent): Promise<void>;
  onError(error: unknown, event: DomainEvent): void;
  /** How often the durable `domainEvents` collection is read for events of other processes. */
  pollMs: number;
  /** How far back the first read looks, so events raised while the bot was down still arrive. */
  lookbackMs: number;
  /** Durable state read on the same beat that no event announces (restores awaiting approval). */
  pollAlso?(): Promise<void>;
}

/**
 * Brings alert events to the bot from this process (subscription) and from every other worker
 * (polling the durable collection). A delivery claim per event and conversation makes repeats harmless.
 */
export class EventFeed {
  /** Events already handed over, by id, with their time: forgotten once they fall out of the read window. */
  private readonly handled = new Map<string, Date>();
  private cursor: Date;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: EventFeedOptions) {
    this.cursor = new Date(Date.now() - options.lookbackMs);
  }

  start(): void {
    for (const type of alertEventTypes)
      this.options.events?.on(type, (event) => void this.handle(event as DomainEvent));
    this.scheduleNextPoll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  /** Reads what arrived since the last read; also what tests call to deliver at once. */
  async poll(): Promise<void> {
    // Overlap one poll interval: events stamped just before the previous read may have been written after it.
    const since = new Date(this.cursor.getTime() - this.options.pollMs);
    const events = await eventsCollection
      .raw(this.options.db)
      .find({ type: { $in: [...alertEventTypes] }, createdAt: { $gte: since } }, { projection: { _id: 0 } })
      .sort({ createdAt: 1 })
      .limit(500)
      .toArray();
    for (const event of events) {
      await this.handle(event);
      if (event.createdAt > this.cursor) this.cursor = event.createdAt;
    }
    for (const [eventId, createdAt] of this.handled) if (createdAt < since) this.handled.delete(eventId);
    await this.options.pollAlso?.();
  }

  private async handle(event: DomainEvent): Promise<void> {
    if (this.handled.has(event.eventId)) return;
    this.handled.set(event.eventId, event.createdAt);
    try {
      await this.options.deliver(event);
    } catch (error) {
      this.handled.delete(event.eventId);
      this.options.onError(error, event);
    }
  }

  private scheduleNextPoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch(() => undefined)
        .finally(() => this.scheduleNextPoll());
    }, this.options.pollMs);
  }
}
