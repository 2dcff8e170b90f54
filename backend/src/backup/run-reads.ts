import type { Db, Filter } from 'mongodb';
import { findTenantPage, type Page, type PageRequest } from '../http/pagination.js';
import { runsCollection, runUnitsCollection } from './collections.js';
import type { BackupRun, RunStatus, RunUnit } from './model.js';

/**
 * The most recent run of each job: the Overview tab's and the bot's jobs lists. One small query per job: FerretDB has
 * no `$first` accumulator, and a tenant has tens of jobs, not thousands.
 */
export async function latestRuns(db: Db, tenantId: string, jobIds: readonly string[]): Promise<Map<string, BackupRun>> {
  const runs = runsCollection.scoped(db);
  const found = await Promise.all(
    jobIds.map((jobId) => runs.findOne(tenantId, { jobId }, { sort: { queuedAt: -1 }, projection: { _id: 0 } })),
  );
  return new Map(found.filter((run): run is NonNullable<typeof run> => run !== null).map((run) => [run.jobId, run]));
}

/** Every run of these jobs, in no order, with only what says how each ended (the stale-jobs report). */
export function runOutcomesOfJobs(
  db: Db,
  tenantId: string,
  jobIds: readonly string[],
): Promise<Pick<BackupRun, 'jobId' | 'status' | 'queuedAt' | 'finishedAt'>[]> {
  return runsCollection
    .scoped(db)
    .find(
      tenantId,
      { jobId: { $in: [...jobIds] } },
      { projection: { _id: 0, jobId: 1, status: 1, queuedAt: 1, finishedAt: 1 } },
    )
    .toArray();
}

/** How each run that finished in `[start, end)` ended (a day's usage point). */
export async function statusesOfRunsFinished(db: Db, tenantId: string, start: Date, end: Date): Promise<RunStatus[]> {
  const runs = await runsCollection
    .scoped(db)
    .find(tenantId, { finishedAt: { $gte: start, $lt: end } }, { projection: { status: 1 } })
    .toArray();
  return runs.map((run) => run.status);
}

/** Which runs a job log page shows: of one job, of one status, queued in `[from, to)`; each only when given. */
export interface RunsWanted {
  jobId?: string | undefined;
  status?: RunStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** One page of the tenant's runs (the job log). */
export function runsPage(db: Db, tenantId: string, wanted: RunsWanted, request: PageRequest): Promise<Page<BackupRun>> {
  const filter: Filter<BackupRun> = {};
  if (wanted.jobId) filter.jobId = wanted.jobId;
  if (wanted.status) filter.status = wanted.status;
  if (wanted.from || wanted.to) {
    filter.queuedAt = { ...(wanted.from && { $gte: wanted.from }), ...(wanted.to && { $lt: wanted.to }) };
  }
  return findTenantPage(runsCollection.scoped(db), tenantId, filter, request, 'runId');
}

export function findRun(db: Db, tenantId: string, runId: string): Promise<BackupRun | null> {
  return runsCollection.scoped(db).findOne(tenantId, { runId });
}

/** The units that backed up this account to the end, newest first: its restore points. */
export function finishedUnitsOf(db: Db, tenantId: string, resourceId: string, limit: number): Promise<RunUnit[]> {
  return runUnitsCollection
    .scoped(db)
    .find(tenantId, { resourceId, status: 'done' }, { sort: { finishedAt: -1 }, limit })
    .toArray();
}

/** Whether a run is backing this account up now (a unit of it pending or running): its backup cannot be purged. */
export async function isBeingBackedUp(db: Db, tenantId: string, resourceId: string): Promise<boolean> {
  const busy = await runUnitsCollection
    .scoped(db)
    .findOne(tenantId, { resourceId, status: { $in: ['pending', 'running'] } }, { projection: { runId: 1 } });
  return busy !== null;
}
