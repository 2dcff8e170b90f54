import type { Db } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import { allCoverage } from '../backup/job-coverage.js';
import { VersionReads } from '../catalog/index.js';
import { retentionTiers, type RetentionYears } from './licence-store.js';

/** Storage held under one retention tier; `null` for accounts no job covers any more (kept until deleted). */
export interface TierStorage {
  retentionYears: RetentionYears | null;
  bytes: number;
}

/**
 * The bytes of current versions by retention tier, as the Overview shows storage: each resource counts once, under the
 * longest retention of the jobs that cover it (it is kept that long). The tiers add up to the storage used.
 */
export async function storedBytesByTier(db: Db, tenantId: string): Promise<TierStorage[]> {
  const [rows, coverage, jobs] = await Promise.all([
    new VersionReads(db).currentBytesByResource(tenantId),
    allCoverage(db, tenantId),
    new BackupJobs(db).list(tenantId),
  ]);
  const retentionOf = new Map(jobs.map((job) => [job.jobId, job.retentionYears]));
  const longest = new Map<string, RetentionYears>();
  for (const row of coverage) {
    const years = retentionOf.get(row.jobId);
    if (years !== undefined && years > (longest.get(row.resourceId) ?? 0)) longest.set(row.resourceId, years);
  }
  const bytes = new Map<RetentionYears | null, number>();
  for (const row of rows) {
    const tier = longest.get(row._id) ?? null;
    bytes.set(tier, (bytes.get(tier) ?? 0) + row.bytes);
  }
  return [...retentionTiers, null].flatMap((tier) => {
    const held = bytes.get(tier);
    return held === undefined ? [] : [{ retentionYears: tier, bytes: held }];
  });
}
