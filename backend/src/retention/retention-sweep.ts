import type { Db } from 'mongodb';
import { VersionExpiry } from '../catalog/index.js';
import { expiryCutoff, retentionPolicyOf, type RetentionYears } from './retention-policy.js';

export interface RetentionSweepReport {
  readonly tenantId: string;
  readonly at: Date;
  /** Versions removed from the catalog, in total and by the retention tier that expired them. */
  readonly expired: number;
  readonly expiredByYears: Partial<Record<RetentionYears, number>>;
}

/** Resources per delete, so that one filter stays a reasonable size. */
const RESOURCE_BATCH = 500;

/**
 * Removes from the catalog the versions that stopped being current (replaced or deleted: `validTo` set) longer ago
 * than their resource's retention. Current versions (`validTo` null) never match. Each delete is complete in itself,
 * so a sweep interrupted half-way is finished by the next, and a repeated sweep finds nothing more to do.
 */
export async function sweepExpiredVersions(db: Db, tenantId: string, now = new Date()): Promise<RetentionSweepReport> {
  const policy = await retentionPolicyOf(db, tenantId);
  const versions = new VersionExpiry(db);
  const resourcesByYears = new Map<RetentionYears, string[]>();
  for (const [resourceId, years] of policy.yearsByResource) {
    resourcesByYears.set(years, [...(resourcesByYears.get(years) ?? []), resourceId]);
  }
  const expiredByYears: Partial<Record<RetentionYears, number>> = {};
  const count = (years: RetentionYears, deleted: number) => {
    if (deleted > 0) expiredByYears[years] = (expiredByYears[years] ?? 0) + deleted;
  };
  for (const [years, resourceIds] of resourcesByYears) {
    const cutoff = expiryCutoff(now, years);
    for (let start = 0; start < resourceIds.length; start += RESOURCE_BATCH) {
      count(years, await versions.expireIn(tenantId, resourceIds.slice(start, start + RESOURCE_BATCH), cutoff));
    }
  }
  const covered = [...policy.yearsByResource.keys()];
  const uncovered = await versions.expireOutside(tenantId, covered, expiryCutoff(now, policy.uncoveredYears));
  count(policy.uncoveredYears, uncovered);
  const expired = Object.values(expiredByYears).reduce((total, deleted) => total + deleted, 0);
  return { tenantId, at: now, expired, expiredByYears };
}
