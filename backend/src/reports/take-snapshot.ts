import type { Db } from 'mongodb';
import type { GraphReader } from '../backup-unit/ports.js';
import { VersionReads } from '../catalog/index.js';
import { allCoverage } from '../backup/job-coverage.js';
import { statusesOfRunsFinished } from '../backup/run-reads.js';
import { licenceUsage } from '../licences/licence-usage.js';
import { saveSnapshot, type UsageSnapshot } from './snapshot-store.js';
import { tenantCoverage } from './tenant-coverage.js';
import { dayBounds, utcDay } from './utc-day.js';

export interface SnapshotOptions {
  /** The instant the snapshot stands for; its UTC day names the point. */
  now: Date;
  /** The customer's directory, to count the accounts no job covers; without it that count is null. */
  graph?: GraphReader;
}

async function itemsStored(db: Db, tenantId: string): Promise<number> {
  return new VersionReads(db).countCurrent(tenantId);
}

async function runsEndedOn(db: Db, tenantId: string, day: string): Promise<UsageSnapshot['runs']> {
  const { start, end } = dayBounds(day);
  const statuses = await statusesOfRunsFinished(db, tenantId, start, end);
  const count = (status: string) => statuses.filter((ended) => ended === status).length;
  return { succeeded: count('succeeded'), warning: count('warning'), failed: count('failed') };
}

/**
 * Measures the tenant's consumption now and records it as the point of `now`'s day. Safe to repeat: the day's
 * document is replaced, so the last snapshot of a day is what the day's point shows.
 */
export async function takeUsageSnapshot(db: Db, tenantId: string, options: SnapshotOptions): Promise<UsageSnapshot> {
  const day = utcDay(options.now);
  const [usage, coverage, items, runs, unprotected] = await Promise.all([
    licenceUsage(db, tenantId),
    allCoverage(db, tenantId),
    itemsStored(db, tenantId),
    runsEndedOn(db, tenantId, day),
    options.graph ? tenantCoverage(db, tenantId, options.graph) : Promise.resolve(null),
  ]);
  const snapshot: UsageSnapshot = {
    tenantId,
    day,
    takenAt: options.now,
    plans: [
      ...usage.plans.map(({ profile, retentionYears, seats, used }) => ({ profile, retentionYears, seats, used })),
      ...usage.unlicensed.map(({ profile, retentionYears, used }) => ({ profile, retentionYears, seats: 0, used })),
    ],
    protectedPeople: new Set(coverage.flatMap((row) => (row.ownerUserId === undefined ? [] : [row.ownerUserId]))).size,
    protectedResources: new Set(coverage.map((row) => row.resourceId)).size,
    unprotectedAccounts: unprotected ? unprotected.unprotected.length : null,
    storedBytes: usage.storage.usedBytes,
    purchasedBytes: usage.storage.purchasedBytes,
    itemsStored: items,
    runs,
  };
  await saveSnapshot(db, snapshot);
  return snapshot;
}
