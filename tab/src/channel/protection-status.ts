import type { ApiClient } from '../api/client.js';
import type { JobView, Page, RunSummary } from '../api/types.js';
import { teamGroupId } from './team-group.js';

export interface ProtectionStatus {
  readonly jobs: JobView[];
  /** The latest finished run of any job. */
  readonly lastBackup: RunSummary | undefined;
  /** The soonest scheduled run of any job. */
  readonly nextRunAt: string | undefined;
  /** Failed runs and runs with warnings among each job's latest runs, newest first. */
  readonly alerts: RunSummary[];
  /** The job that names this team's group, when one does. */
  readonly teamJob: JobView | undefined;
  readonly inTeam: boolean;
}

/** How many recent runs of each job count for alerts. */
const recentRuns = 5;

function newestFirst(a: RunSummary, b: RunSummary): number {
  return (b.finishedAt ?? b.queuedAt).localeCompare(a.finishedAt ?? a.queuedAt);
}

/** The tenant's protection, as the channel tab shows it: last backup, next run, alerts, and this team's job. */
export async function loadProtectionStatus(api: ApiClient): Promise<ProtectionStatus> {
  const [jobs, groupId] = await Promise.all([api.get<Page<JobView>>('/jobs', { limit: 100 }), teamGroupId()]);
  const runs = (
    await Promise.all(jobs.items.map((job) => api.get<Page<RunSummary>>('/runs', { jobId: job.id, limit: recentRuns })))
  ).flatMap((page) => page.items);
  const finished = runs.filter((run) => run.finishedAt !== null).sort(newestFirst);
  const next = jobs.items
    .map((job) => job.nextRunAt)
    .filter((at): at is string => at !== null)
    .sort()[0];
  return {
    jobs: jobs.items,
    lastBackup: finished.find((run) => run.status === 'succeeded' || run.status === 'warning') ?? finished[0],
    nextRunAt: next,
    alerts: finished.filter((run) => run.status === 'failed' || run.status === 'warning'),
    teamJob: groupId
      ? jobs.items.find((job) => job.scope.type === 'groups' && job.scope.groupIds.includes(groupId))
      : undefined,
    inTeam: groupId !== undefined,
  };
}
