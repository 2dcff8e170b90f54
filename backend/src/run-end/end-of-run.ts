import type { Db } from 'mongodb';
import { isRunEnd, runEndTypes, type DomainEvent, type DomainEventType } from '../events.js';
import type { LicenceMonitor } from '../licences/licence-monitor.js';
import { isNotified, subscriptionOf } from '../notifications/event-letters.js';
import type { EventNotifier } from '../notifications/event-notifier.js';
import type { UsageReports } from '../reports/usage-reports.js';

/** Every event the pipeline reads: the ends of runs, and whatever becomes letters (overruns, restores). */
export const pipelineEventTypes: readonly DomainEventType[] = [
  ...new Set<DomainEventType>([...runEndTypes, ...(Object.keys(subscriptionOf) as DomainEventType[])]),
];

export interface EndOfRunSteps {
  readonly db: Db;
  readonly licences: LicenceMonitor;
  readonly usage: UsageReports;
  readonly notifier: EventNotifier;
}

/**
 * What follows a domain event, in this order, each step safe to repeat (a crash between two steps repeats the
 * event's steps from the first): for the end of a run (whose job coverage the run engine recorded before the event),
 * the licence check records `licence.overrun` when the tenant now exceeds what it bought, and the day's usage point
 * is taken; then any event that concerns recipients becomes letters. The overrun itself is an event this pipeline reads
 * next, so its letters follow, and the bot (in the process that holds the Teams adapter) reads the same recorded
 * events for its cards.
 */
export function endOfRunPipeline(steps: EndOfRunSteps): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (isRunEnd(event)) {
      await steps.licences.check(event.tenantId);
      await steps.usage.snapshot(event.tenantId);
    }
    if (isNotified(event)) await steps.notifier.notify(event);
  };
}
