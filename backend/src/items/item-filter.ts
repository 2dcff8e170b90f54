import type { Db, Filter } from 'mongodb';
import { BackupJobs } from '../backup/backup-jobs.js';
import { jobCoverage } from '../backup/job-coverage.js';
import type { ProtectedResource } from '../catalog/index.js';

/** The filters of the Items list, each applied by the database over every account, never over a loaded page. */
export interface AccountQuery {
  readonly kind?: ProtectedResource['kind'] | undefined;
  /** Part of the name or e-mail, case ignored, taken as plain text. */
  readonly q?: string | undefined;
  /** Included by an existing job, or by none. */
  readonly protection?: 'protected' | 'unprotected' | undefined;
  /** A person's accounts (mailbox, OneDrive), or those of no person (sites, teams). */
  readonly owner?: 'person' | 'none' | undefined;
}

/**
 * The accounts some existing job includes, as its latest run found them: the same rule that marks a row protected
 * (coverage rows of a deleted job do not count). One read of the tenant's coverage, a row per job and account.
 */
async function protectedIds(db: Db, tenantId: string): Promise<string[]> {
  const jobs = await new BackupJobs(db).list(tenantId);
  const rows = await jobCoverage
    .scoped(db)
    .find(tenantId, { jobId: { $in: jobs.map((job) => job.jobId) } }, { projection: { _id: 0, resourceId: 1 } })
    .toArray();
  return [...new Set(rows.map((row) => row.resourceId))];
}

/** The database filter of the Items list's query. */
export async function accountFilter(db: Db, tenantId: string, query: AccountQuery): Promise<Filter<ProtectedResource>> {
  const parts: Filter<ProtectedResource>[] = [];
  if (query.kind) parts.push({ kind: query.kind });
  // Sites and teams have no owner's address: missing or null, never a string.
  if (query.owner) {
    const person = { $type: 'string' } as const;
    parts.push({ ownerEmail: query.owner === 'person' ? person : { $not: person } });
  }
  if (query.q !== undefined) {
    const contains = { $regex: query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
    parts.push({ $or: [{ displayName: contains }, { ownerEmail: contains }] });
  }
  if (query.protection) {
    const ids = await protectedIds(db, tenantId);
    parts.push({ resourceId: query.protection === 'protected' ? { $in: ids } : { $nin: ids } });
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
}
