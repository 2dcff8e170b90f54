import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import type { RunEngine } from '../backup/run-engine.js';
import type { BackupJob } from '../backup/model.js';
import { defineTenantCollection } from '../db/index.js';
import type { Scheduler } from '../jobs/scheduler.js';
import { isDuplicateKeyError } from '../db/index.js';

export const backupScheduleJobName = 'backup-schedule';

interface ScheduleData {
  tenantId: string;
  jobId: string;
}

/** One row per job and local day that a scheduled run was started: the unique index lets one firing win. */
interface ScheduledStart {
  tenantId: string;
  jobId: string;
  day: string;
  runId: string | null;
  at: Date;
}

const scheduledStarts = defineTenantCollection<ScheduledStart>('backupScheduledStarts', [
  { key: { tenantId: 1, jobId: 1, day: 1 }, unique: true, name: 'tenant_job_day' },
]);

/** `HH:mm` as a cron expression firing once a day at that minute. */
export function dailyCron(dailyTime: string): string {
  const [hours, minutes] = dailyTime.split(':');
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Keeps one recurring Agenda job per backup job, firing at its daily time in its time zone and
 * starting a run. Agenda on FerretDB may fire a job on two workers; the first to record the
 * (job, local day) start wins and the other does nothing.
 */
export class JobScheduling {
  constructor(
    private readonly db: Db,
    private readonly scheduler: Scheduler,
    private readonly engine: RunEngine,
  ) {
    scheduler.define<ScheduleData>(backupScheduleJobName, (data) => this.fire(data), { concurrency: 4 });
  }

  /** Creates or replaces the job's schedule; returns when it fires next. */
  async schedule(job: BackupJob): Promise<Date | null> {
    const data: ScheduleData = { tenantId: job.tenantId, jobId: job.jobId };
    const saved = await this.scheduler.agenda
      .create<ScheduleData>(backupScheduleJobName, data)
      .repeatEvery(dailyCron(job.dailyTime), { timezone: job.timeZone })
      .unique({ 'data.tenantId': job.tenantId, 'data.jobId': job.jobId })
      .save();
    return saved.attrs.nextRunAt ?? null;
  }

  /** Removes the job's schedule; returns how many Agenda records went. */
  unschedule(tenantId: string, jobId: string): Promise<number> {
    return this.scheduler.agenda.cancel({ name: backupScheduleJobName, data: { tenantId, jobId } });
  }

  /** When each of the tenant's jobs fires next, by job id (one query). */
  async nextRuns(tenantId: string): Promise<Map<string, Date | null>> {
    const { jobs } = await this.scheduler.agenda.queryJobs({ name: backupScheduleJobName, data: { tenantId } });
    return new Map(
      jobs.map((record) => [(record.data as ScheduleData).jobId, record.nextRunAt ? new Date(record.nextRunAt) : null]),
    );
  }

  private async fire({ tenantId, jobId }: ScheduleData): Promise<void> {
    const now = new Date();
    const job = await new BackupJobs(this.db).get(tenantId, jobId);
    if (!job) {
      await this.unschedule(tenantId, jobId);
      return;
    }
    const starts = scheduledStarts.scoped(this.db);
    const day = localDay(now, job.timeZone);
    try {
      await starts.insertOne(tenantId, { tenantId, jobId, day, runId: null, at: now });
    } catch (error) {
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
    const run = await this.engine.startRun(tenantId, jobId, 'schedule', 'scheduler');
    await starts.updateOne(tenantId, { jobId, day }, { $set: { runId: run.runId } });
  }
}
