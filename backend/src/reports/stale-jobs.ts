import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import type { RunStatus } from '../backup/model.js';
import { runOutcomesOfJobs } from '../backup/run-reads.js';

/** How long a job may go without a successful run before the report points it out. */
export const staleAfterMs = 48 * 60 * 60 * 1000;

export interface StaleJob {
  jobId: string;
  name: string;
  /** The end of its latest successful run, if it ever had one. */
  lastSuccessAt: Date | null;
  /** How its latest run ended (or where it stands), null when it never ran. */
  lastStatus: RunStatus | null;
}

/**
 * Jobs older than 48 hours whose last successful run ended more than 48 hours ago (or never): their data is not
 * being protected as configured. A run that ended with warnings does not count as successful.
 */
export async function staleJobs(db: Db, tenantId: string, now: Date): Promise<StaleJob[]> {
  const since = new Date(now.getTime() - staleAfterMs);
  const jobs = (await new BackupJobs(db).list(tenantId)).filter((job) => job.createdAt <= since);
  if (jobs.length === 0) return [];
  const runs = await runOutcomesOfJobs(
    db,
    tenantId,
    jobs.map((job) => job.jobId),
  );
  return jobs.flatMap((job) => {
    const ofJob = runs.filter((run) => run.jobId === job.jobId).sort((a, b) => +b.queuedAt - +a.queuedAt);
    const lastSuccess = ofJob.find((run) => run.status === 'succeeded' && run.finishedAt !== null);
    const lastSuccessAt = lastSuccess?.finishedAt ?? null;
    if (lastSuccessAt !== null && lastSuccessAt >= since) return [];
    return [{ jobId: job.jobId, name: job.name, lastSuccessAt, lastStatus: ofJob[0]?.status ?? null }];
  });
}
