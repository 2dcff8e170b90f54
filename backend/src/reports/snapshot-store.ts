import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';

/** Seats of one profile and retention tier on a day; `seats` is 0 for a plan the tenant did not buy. */
export interface PlanPoint {
  profile: string;
  retentionYears: number;
  seats: number;
  used: number;
}

/** A tenant's consumption on one day (UTC), rewritten whenever it is taken again that day. */
export interface UsageSnapshot {
  tenantId: string;
  /** yyyy-mm-dd (UTC). */
  day: string;
  takenAt: Date;
  plans: PlanPoint[];
  /** Distinct people whose data some job protects. */
  protectedPeople: number;
  /** Mailboxes, drives and teams some job protects. */
  protectedResources: number;
  /** Users and teams of the directory that no job covers; null when the directory could not be read. */
  unprotectedAccounts: number | null;
  storedBytes: number;
  purchasedBytes: number;
  /** Current item versions held (the items a restore can bring back as they are now). */
  itemsStored: number;
  runs: { succeeded: number; warning: number; failed: number };
}

export const usageSnapshots = defineTenantCollection<UsageSnapshot>('usageSnapshots', [
  { key: { tenantId: 1, day: 1 }, name: 'tenant_day' },
]);

export const snapshotId = (tenantId: string, day: string): string => `${tenantId}|${day}`;

/** One document per tenant and day under a fixed id: taking the snapshot again replaces it. */
export async function saveSnapshot(db: Db, snapshot: UsageSnapshot): Promise<void> {
  await usageSnapshots.scoped(db).upsertById(snapshot.tenantId, snapshotId(snapshot.tenantId, snapshot.day), snapshot);
}

/** The snapshots of the days from `from` to `to` (inclusive, yyyy-mm-dd), oldest first. */
export function snapshotsBetween(db: Db, tenantId: string, from: string, to: string): Promise<UsageSnapshot[]> {
  return usageSnapshots
    .scoped(db)
    .find(tenantId, { day: { $gte: from, $lte: to } }, { projection: { _id: 0 }, sort: { day: 1 } })
    .toArray();
}
