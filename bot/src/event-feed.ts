import type { DomainEvent } from '@custodia/backend/events';
import { alertEventTypes } from './alert-delivery.js';
import type { DurableConsumers } from './services.js';

export interface EventFeedOptions {
  /** Opens the durable consumer the feed reads with, on the product's database. */
  consumers: DurableConsumers;
  /** This bot process in the claims of the events it delivers. */
  instance: string;
  deliver(event: DomainEvent): Promise<void>;
  onError(error: unknown, event: DomainEvent): void;
  /** How often the durable `domainEvents` collection is read. */
  pollMs: number;
  /** How far back the very first read of a deployment looks, so events raised before the bot ever ran arrive. */
  lookbackMs: number;
  /** Durable state read on the same beat that no event announces (restores awaiting approval). */
  pollAlso?(): Promise<void>;
}

/**
 * The last step of the end-of-run pipeline, in the process that holds the Teams adapter: the pipeline records
 * alerts as domain events (the run's own, and `licence.overrun` from its licence check) in whichever process the
 * run ended, and this feed reads them with the same durable consumer (its own cursor and claims, consumer
 * `bot-alerts`), so each alert is delivered by one bot process and none is lost while the bot is down. Delivery
 * claims per event and conversation make a repeat after a crash harmless.
 */
export class EventFeed {
  private readonly consumer: ReturnType<DurableConsumers>;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: EventFeedOptions) {
    this.consumer = options.consumers({
      name: 'bot-alerts',
      instance: options.instance,
      types: alertEventTypes,
      handle: (event) => options.deliver(event),
      onError: (error, event) => options.onError(error, event),
      lookbackMs: options.lookbackMs,
    });
  }

  start(): void {
    this.scheduleNextPoll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  /** Delivers what arrived since the last read; also what tests call to deliver at once. */
  async poll(): Promise<void> {
    await this.consumer.pass();
    await this.options.pollAlso?.();
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
