import type { DomainEvent } from '../events.js';
import { DurableEventConsumer, startConsumerLoop, type ConsumerLoop } from './durable-consumer.js';
import { endOfRunPipeline, pipelineEventTypes, type EndOfRunSteps } from './end-of-run.js';

/** The one consumer name of the pipeline: its instances in every process share one cursor and one set of claims. */
export const endOfRunConsumerName = 'end-of-run';

export interface EndOfRunPipelineOptions extends EndOfRunSteps {
  /** This process in the claims (its worker name). */
  readonly instance: string;
  /**
   * How long the pipeline waits between reads of `domainEvents` (default 5 s, the bot's beat too): each read scans
   * the recent events of every tenant, in every process.
   */
  readonly intervalMs?: number;
  /** Whether this process can handle the tenant's events (a worker-only process serves one tenant); default all. */
  readonly serves?: (tenantId: string) => boolean;
  /** How long a crashed process's claim holds an event before another process takes it (default 5 minutes). */
  readonly claimLeaseMs?: number;
  onError(error: unknown, event?: DomainEvent): void;
}

/** Builds the pipeline's consumer; `startEndOfRunPipeline` runs it, tests call its passes themselves. */
export function endOfRunConsumer(options: EndOfRunPipelineOptions): DurableEventConsumer {
  return new DurableEventConsumer({
    db: options.db,
    name: endOfRunConsumerName,
    instance: options.instance,
    types: pipelineEventTypes,
    handle: endOfRunPipeline(options),
    onError: (error, event) => options.onError(error, event),
    ...(options.claimLeaseMs !== undefined && { claimLeaseMs: options.claimLeaseMs }),
    ...(options.serves && { serves: options.serves }),
  });
}

/** Starts the pipeline in this process: every process with backup workers runs it, the same way. */
export function startEndOfRunPipeline(options: EndOfRunPipelineOptions): ConsumerLoop {
  return startConsumerLoop(endOfRunConsumer(options), options.intervalMs ?? 5_000, (error) => options.onError(error));
}
