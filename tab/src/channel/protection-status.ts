import { jobsList, runsList } from '../api/generated.js';
import type { ApiClient } from '../api/client.js';
import type { JobView, RunStatus, RunSummary } from '../api/model.js';
import { teamGroupId } from './team-group.js';

export interface ProtectionStatus {
  readonly jobs: JobView[];
  /** The latest run that finished with data saved (completed, with or without warnings). */
  readonly lastBackup: RunSummary | undefined;
  /** The soonest scheduled run of any job. */
  readonly nextRunAt: string | undefined;
  /** The latest failed runs and runs with warnings, newest first. */
  readonly alerts: RunSummary[];
  /** The job that names this team's group, when one does. */
  readonly teamJob: JobView | undefined;
  readonly inTeam: boolean;
}

/** How many runs of each alerting status the tab shows. */
const alertsShown = 5;
/** Runs looked through for the last completed one (the log is newest first). */
const recentRuns = 20;

function newestFirst(a: RunSummary, b: RunSummary): number {
  return (b.finishedAt ?? b.queuedAt).localeCompare(a.finishedAt ?? a.queuedAt);
}

/** The tenant's protection, as the channel tab shows it: last backup, next run, alerts, and this team's job. */
export async function loadProtectionStatus(api: ApiClient): Promise<ProtectionStatus> {
  const runsWith = (status?: RunStatus) =>
    runsList(api, { query: { status, limit: status ? alertsShown : recentRuns } });
  const [jobs, recent, failed, warned, groupId] = await Promise.all([
    jobsList(api, { query: { limit: 100 } }),
    runsWith(),
    runsWith('failed'),
    runsWith('warning'),
    teamGroupId(),
  ]);
  const next = jobs.items
    .map((job) => job.nextRunAt)
    .filter((at): at is string => at !== null)
    .sort()[0];
  return {
    jobs: jobs.items,
    lastBackup: recent.items.find((run) => run.status === 'succeeded' || run.status === 'warning'),
    nextRunAt: next,
    alerts: [...failed.items, ...warned.items].sort(newestFirst).slice(0, alertsShown),
    teamJob: groupId
      ? jobs.items.find((job) => job.scope.type === 'groups' && job.scope.groupIds.includes(groupId))
      : undefined,
    inTeam: groupId !== undefined,
  };
}
