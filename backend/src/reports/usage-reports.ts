import type { Db } from 'mongodb';
import type { GraphReader } from '../backup-unit/ports.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { onboardedTenantIds } from '../tenants/tenant-store.js';
import type { UsageSnapshot } from './snapshot-store.js';
import { takeUsageSnapshot } from './take-snapshot.js';

export const usageSnapshotDailyJobName = 'reports.daily-snapshots';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UsageReportsOptions {
  readonly db: Db;
  readonly scheduler: Scheduler;
  /** The customer's directory, for the count of accounts no job covers; without it that count stays null. */
  readonly graphFor?: (tenantId: string) => Promise<GraphReader>;
  readonly clock?: () => Date;
  /** How often the daily job runs (default 24 h). */
  readonly intervalMs?: number;
  onError(error: unknown): void;
}

/**
 * Keeps one usage point per tenant and day: taken when a run ends (by the end-of-run pipeline, so the day's point
 * shows the run) and by a daily Agenda job for every tenant (so days without runs have a point too).
 */
export class UsageReports {
  private readonly clock: () => Date;

  constructor(private readonly options: UsageReportsOptions) {
    this.clock = options.clock ?? (() => new Date());
    options.scheduler.define(usageSnapshotDailyJobName, () => this.snapshotAllTenants(), { concurrency: 1 });
  }

  /** Schedules the daily snapshots; call once the scheduler has started. */
  async start(): Promise<void> {
    await this.options.scheduler.runEvery(this.options.intervalMs ?? DAY_MS, usageSnapshotDailyJobName);
  }

  async snapshot(tenantId: string): Promise<UsageSnapshot> {
    const graph = this.options.graphFor ? await this.options.graphFor(tenantId) : undefined;
    return takeUsageSnapshot(this.options.db, tenantId, { now: this.clock(), ...(graph && { graph }) });
  }

  private async snapshotAllTenants(): Promise<void> {
    const tenantIds = await onboardedTenantIds(this.options.db);
    for (const tenantId of tenantIds) {
      // One tenant's unreadable directory must not leave the others without their point.
      await this.snapshot(tenantId).catch(this.options.onError);
    }
  }
}
