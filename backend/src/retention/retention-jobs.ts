import type { Scheduler } from '../jobs/scheduler.js';
import { onboardedTenantIds } from '../tenants/tenant-store.js';
import { maintainTenant, type MaintenanceOptions, type MaintenanceReport } from './tenant-maintenance.js';

export const retentionDailyJobName = 'retention.daily';
export const retentionTenantJobName = 'retention.tenant';

interface TenantJobData {
  tenantId: string;
}

export interface RetentionJobsOptions extends MaintenanceOptions {
  readonly scheduler: Scheduler;
  /** How often the daily job fans out (default 24 h). */
  readonly intervalMs?: number;
  readonly onReport?: (report: MaintenanceReport) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Daily maintenance through Agenda: one cluster-wide job a day queues one job per onboarded tenant, and any worker
 * runs it. A duplicate start (Agenda on FerretDB may start a job twice) finds the tenant's maintenance lease taken
 * and does nothing.
 */
export class RetentionJobs {
  constructor(private readonly options: RetentionJobsOptions) {
    options.scheduler.define(retentionDailyJobName, () => this.queueTenants(), { concurrency: 1 });
    options.scheduler.define<TenantJobData>(retentionTenantJobName, (data) => this.maintain(data.tenantId), {
      concurrency: 1,
      lockLifetimeMs: 30 * 60_000,
      removeOnComplete: true,
    });
  }

  /** Schedules the daily run; call once the scheduler has started. */
  async start(): Promise<void> {
    await this.options.scheduler.runEvery(this.options.intervalMs ?? DAY_MS, retentionDailyJobName);
  }

  /** Queues one tenant's maintenance now (for an administrator's "clean up now", and for tests). */
  async queueTenant(tenantId: string): Promise<void> {
    await this.options.scheduler.runNow<TenantJobData>(retentionTenantJobName, { tenantId });
  }

  private async queueTenants(): Promise<void> {
    const tenantIds = await onboardedTenantIds(this.options.db);
    for (const tenantId of tenantIds) await this.queueTenant(tenantId);
  }

  private async maintain(tenantId: string): Promise<void> {
    const report = await maintainTenant(this.options, tenantId);
    if (report) this.options.onReport?.(report);
  }
}
