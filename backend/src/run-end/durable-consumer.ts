import type { Db } from 'mongodb';
import { eventsOfHour, hoursBetween, type DomainEvent, type DomainEventType } from '../events.js';
import { EventClaims } from './event-claims.js';

export interface DurableConsumerOptions {
  readonly db: Db;
  /** Names the cursor and the claims: every instance of one name, in any process, shares the work. */
  readonly name: string;
  /** This instance, in its claims (the process's worker name). */
  readonly instance: string;
  readonly types: readonly DomainEventType[];
  /** Runs every step for the event; a throw gives the event back for the next pass. */
  handle(event: DomainEvent): Promise<void>;
  onError(error: unknown, event: DomainEvent): void;
  /**
   * Whether this instance can handle events of the tenant (default: every tenant). Events of others are left to the
   * instances that can, and this one's passes keep the cursor before them.
   */
  readonly serves?: (tenantId: string) => boolean;
  /** How long a claim stays with an instance that neither finishes nor gives it back (default 5 minutes). */
  readonly claimLeaseMs?: number;
  /**
   * Each pass reads again this far behind the cursor (default 1 minute): an event is stamped before it is
   * inserted, so one may land behind events already read.
   */
  readonly overlapMs?: number;
  /** How far back the very first pass of this consumer name looks (default 1 hour). */
  readonly lookbackMs?: number;
  readonly batchSize?: number;
  readonly clock?: () => Date;
}

export interface ConsumerPassReport {
  /** Events this instance handled in this pass. */
  handled: number;
  /** Events whose steps failed: given back, tried again next pass. */
  failed: number;
}

/**
 * Reads `domainEvents` from a cursor kept in the database and hands each event to `handle` once per consumer name,
 * however many processes run an instance: each event is claimed by a unique insert before it is handled and marked
 * done after. A process that dies mid-event leaves a claim that another takes over once its lease ends; the cursor
 * only passes events that are done, so nothing is skipped after a crash.
 */
export class DurableEventConsumer {
  private readonly claims: EventClaims;
  private readonly clock: () => Date;

  constructor(private readonly options: DurableConsumerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.claims = new EventClaims(options.db, options.name, options.instance, options.claimLeaseMs ?? 5 * 60_000);
  }

  async pass(): Promise<ConsumerPassReport> {
    const { overlapMs = 60_000, lookbackMs = 60 * 60_000, batchSize = 500 } = this.options;
    const now = this.clock();
    const mark = (await this.claims.cursor()) ?? new Date(now.getTime() - lookbackMs);
    const since = new Date(mark.getTime() - overlapMs);
    const events: DomainEvent[] = [];
    // One hour at a time, oldest first (an equality the embedded database hands to an index), through the next hour
    // (another process's clock may run ahead).
    for (const createdHour of hoursBetween(since, new Date(now.getTime() + 3_600_000))) {
      if (events.length >= batchSize) break;
      // Cross-tenant by nature: one consumer serves every tenant; each step works in its event's tenant.
      const ofHour = await eventsOfHour(
        this.options.db,
        createdHour,
        this.options.types,
        since,
        batchSize - events.length,
      );
      events.push(...ofHour);
    }
    const report: ConsumerPassReport = { handled: 0, failed: 0 };
    let through = mark;
    // Once an event is left undone (failed, or another instance is on it), the cursor stays before it.
    let blocked = false;
    for (const event of events) {
      const done = await this.consume(event, report);
      if (!done) blocked = true;
      else if (!blocked && event.createdAt > through) through = event.createdAt;
    }
    // Nothing left behind: the cursor moves up to the overlap, so a quiet week is not walked hour by hour each pass.
    if (!blocked && events.length < batchSize) {
      const quietSince = new Date(now.getTime() - overlapMs);
      if (quietSince > through) through = quietSince;
    }
    if (through > mark) await this.claims.advanceCursor(through);
    return report;
  }

  /** True when the event is done, by this instance or an earlier one. */
  private async consume(event: DomainEvent, report: ConsumerPassReport): Promise<boolean> {
    if (this.options.serves && !this.options.serves(event.tenantId)) return false;
    const { outcome, claimedAt } = await this.claims.claim(event.tenantId, event.eventId, this.clock());
    if (outcome !== 'claimed') return outcome === 'done';
    try {
      await this.options.handle(event);
    } catch (error) {
      report.failed += 1;
      await this.claims.release(event.eventId, claimedAt);
      this.options.onError(error, event);
      return false;
    }
    await this.claims.complete(event.eventId, claimedAt, this.clock());
    report.handled += 1;
    return true;
  }
}

export interface ConsumerLoop {
  /** Stops the beat and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** Runs the consumer's passes one after another, `intervalMs` apart, until stopped. */
export function startConsumerLoop(
  consumer: DurableEventConsumer,
  intervalMs: number,
  onPassError: (error: unknown) => void,
): ConsumerLoop {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = consumer
        .pass()
        .then(() => undefined, onPassError)
        .finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
