import type { Db } from 'mongodb';
import { BackupJobs } from './backup-jobs.js';
import { runUnitsCollection } from './collections.js';
import { ResourceReads } from '../catalog/index.js';
import { defineTenantCollection } from '../db/index.js';
import { isDuplicateKeyError } from '../db/index.js';

/**
 * Which resources each backup job protects, as its latest run found them. Kept as its own small
 * collection, rewritten when a run ends, so that licence counts and the Items tab read jobs x
 * resources rows instead of scanning every run unit ever recorded.
 */
export interface CoverageRow {
  tenantId: string;
  jobId: string;
  resourceId: string;
  /** The person whose seat the resource uses; absent for sites and teams. */
  ownerUserId?: string;
  /** The profile the person is protected under in this job; absent on rows from before per-group profiles. */
  profile?: string;
  runId: string;
}

export const jobCoverage = defineTenantCollection<CoverageRow>('jobCoverage', [
  { key: { tenantId: 1, jobId: 1, resourceId: 1 }, unique: true, name: 'tenant_job_resource' },
  { key: { tenantId: 1, resourceId: 1 }, name: 'tenant_resource' },
]);

/** Replaces a job's coverage by the resources its run planned (done or failed, they are in scope). */
export async function recordCoverageOfRun(db: Db, tenantId: string, jobId: string, runId: string): Promise<void> {
  const units = await runUnitsCollection
    .scoped(db)
    .find(tenantId, { runId }, { projection: { resourceId: 1, profile: 1 } })
    .toArray();
  const resourceIds = units.map((unit) => unit.resourceId);
  const owners = await new ResourceReads(db).ownersOf(tenantId, resourceIds);
  const profiles = new Map(units.map((unit) => [unit.resourceId, unit.profile]));
  const rows: CoverageRow[] = resourceIds.map((resourceId) => {
    const ownerUserId = owners.get(resourceId);
    const profile = profiles.get(resourceId);
    return {
      tenantId,
      jobId,
      resourceId,
      runId,
      ...(ownerUserId !== undefined && { ownerUserId }),
      ...(profile !== undefined && { profile }),
    };
  });
  const coverage = jobCoverage.scoped(db);
  await coverage.deleteMany(tenantId, { jobId, runId: { $ne: runId } });
  try {
    await coverage.insertMany(tenantId, rows);
  } catch (error) {
    // A repeated close of the same run finds its rows already there.
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export async function dropCoverage(db: Db, tenantId: string, filter: { jobId: string } | { resourceId: string }) {
  await jobCoverage.scoped(db).deleteMany(tenantId, filter);
}

/** The coverage rows of some resources (one query for a page of the Items list). */
export function coverageOf(db: Db, tenantId: string, resourceIds: readonly string[]): Promise<CoverageRow[]> {
  return jobCoverage
    .scoped(db)
    .find(tenantId, { resourceId: { $in: [...resourceIds] } }, { projection: { _id: 0 } })
    .toArray();
}

export function allCoverage(db: Db, tenantId: string): Promise<CoverageRow[]> {
  return jobCoverage
    .scoped(db)
    .find(tenantId, {}, { projection: { _id: 0 } })
    .toArray();
}

/**
 * The accounts some existing job includes, as its latest run found them: the rule that marks an Items row protected
 * (coverage rows of a deleted job do not count). One read of the tenant's coverage, a row per job and account.
 */
export async function protectedResourceIds(db: Db, tenantId: string): Promise<string[]> {
  const jobs = await new BackupJobs(db).list(tenantId);
  const rows = await jobCoverage
    .scoped(db)
    .find(tenantId, { jobId: { $in: jobs.map((job) => job.jobId) } }, { projection: { _id: 0, resourceId: 1 } })
    .toArray();
  return [...new Set(rows.map((row) => row.resourceId))];
}
