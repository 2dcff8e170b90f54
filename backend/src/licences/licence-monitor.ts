import type { Db } from 'mongodb';
import type { DomainEvent, DomainEvents } from '../events.js';
import { recordCoverageOfRun } from './job-coverage.js';
import { licenceUsage, type LicenceUsage } from './licence-usage.js';
import { overrunRemedies } from './remedies.js';

type RunEndEvent = DomainEvent<'run.completed' | 'run.warning' | 'run.failed'>;

/**
 * Keeps licence consumption current: when a run ends, the job's coverage becomes what that run
 * found, and an overrun is announced as `licence.overrun` (once a day for the same excess).
 */
export class LicenceMonitor {
  constructor(
    private readonly db: Db,
    private readonly events: DomainEvents,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Subscribes to the end of every run in this process. */
  watchRuns(onError: (error: unknown) => void): void {
    const listener = (event: RunEndEvent) => {
      this.afterRun(event.tenantId, event.payload.jobId, event.payload.runId).catch(onError);
    };
    this.events.on('run.completed', listener);
    this.events.on('run.warning', listener);
    this.events.on('run.failed', listener);
  }

  async afterRun(tenantId: string, jobId: string, runId: string): Promise<LicenceUsage> {
    await recordCoverageOfRun(this.db, tenantId, jobId, runId);
    return this.check(tenantId);
  }

  /** Reads the consumption and emits `licence.overrun` when it exceeds what was bought. */
  async check(tenantId: string): Promise<LicenceUsage> {
    const usage = await licenceUsage(this.db, tenantId);
    if (!usage.overrun) return usage;
    const plans = [
      ...usage.plans.filter((plan) => plan.used > plan.seats),
      ...usage.unlicensed.map((plan) => ({ ...plan, seats: 0 })),
    ].map(({ profile, retentionYears, seats, used }) => ({ profile, retentionYears, seats, used }));
    const storage = usage.storage.usedBytes > usage.storage.purchasedBytes ? usage.storage : null;
    const excess = plans.map((plan) => `${plan.profile}/${plan.retentionYears}:${plan.used}`).join(',');
    const day = this.clock().toISOString().slice(0, 10);
    await this.events.emit(
      tenantId,
      'licence.overrun',
      { plans, storage, remedies: overrunRemedies.map((remedy) => ({ ...remedy })) },
      `licence.overrun:${day}:${excess}:${storage ? 'storage' : ''}`,
    );
    return usage;
  }
}
