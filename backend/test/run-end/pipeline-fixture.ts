import type { Db } from 'mongodb';
import type { DomainEvents } from '../../src/events.js';
import type { GraphGateway } from '../../src/graph/index.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { LicenceMonitor } from '../../src/licences/index.js';
import { EventNotifier } from '../../src/notifications/index.js';
import { UsageReports } from '../../src/reports/index.js';
import { endOfRunConsumer, type DurableEventConsumer } from '../../src/run-end/index.js';
import { MailOutbox } from '../../src/tenants/mail-outbox.js';

export interface PipelineFixture {
  readonly consumer: DurableEventConsumer;
  readonly reports: UsageReports;
  /** What a step threw, by event type: tests expect none. */
  readonly errors: unknown[];
}

/**
 * The end-of-run pipeline as the composition root builds it, on a test's database and scheduler; the test runs its
 * passes (`consumer.pass()`) where a process would run them on a beat.
 */
export function pipelineFixture(options: {
  db: Db;
  scheduler: Scheduler;
  events: DomainEvents;
  graphFor: (tenantId: string) => Promise<GraphGateway>;
  instance?: string;
}): PipelineFixture {
  const { db, scheduler, events, graphFor } = options;
  const errors: unknown[] = [];
  const reports = new UsageReports({ db, scheduler, graphFor, onError: (error) => errors.push(error) });
  const consumer = endOfRunConsumer({
    db,
    instance: options.instance ?? 'test-pipeline',
    licences: new LicenceMonitor(db, events),
    usage: reports,
    notifier: new EventNotifier({ db, outbox: new MailOutbox(db), graphFor }),
    onError: (error) => errors.push(error),
  });
  return { consumer, reports, errors };
}
