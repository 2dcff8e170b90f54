import type { Db } from 'mongodb';
import { runsCollection } from './collections.js';
import type { BackupRun } from './model.js';

/** The most recent run of each job (jobs are few, so one small query each). */
export async function latestRuns(db: Db, tenantId: string, jobIds: readonly string[]): Promise<Map<string, BackupRun>> {
  const runs = runsCollection.scoped(db);
  const found = await Promise.all(
    jobIds.map((jobId) => runs.findOne(tenantId, { jobId }, { sort: { queuedAt: -1 }, projection: { _id: 0 } })),
  );
  return new Map(found.filter((run): run is NonNullable<typeof run> => run !== null).map((run) => [run.jobId, run]));
}
