import type { Db } from 'mongodb';
import { ActivityLog } from '../audit/activity-log.js';
import { activityChainKey } from '../audit/activity-seal.js';
import { UnitLeases, type UnitLease } from '../backup/unit-lease.js';
import { collectGarbage, type GarbageCollectionReport, type PackBackend, type StepHook } from '../store/index.js';
import { referencedBlobIds } from './live-blobs.js';
import { sweepExpiredVersions, type RetentionSweepReport } from './retention-sweep.js';

export interface MaintenanceOptions {
  readonly db: Db;
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  /** Names this worker in the maintenance lease. */
  readonly workerName: string;
  /** Garbage collection's grace period (default 24 h, see FORMAT.md "Garbage collection"). */
  readonly graceMs?: number;
  readonly now?: () => Date;
  /** Passed to garbage collection; tests throw there to simulate a crash. */
  readonly onStep?: StepHook;
}

export interface MaintenanceReport {
  readonly retention: RetentionSweepReport;
  readonly garbage: GarbageCollectionReport;
}

/** The maintenance lease: one per tenant, under the unit-lease scheme, so exactly one worker maintains a tenant. */
const MAINTENANCE_RUN = 'maintenance';
const MAINTENANCE_UNIT = 'retention-and-store';
const LEASE_MS = 30 * 60_000;

/**
 * Takes the tenant's maintenance lease: whoever holds it is the only one collecting garbage in (or rebuilding the
 * index of) the tenant's store. Null when another worker holds it.
 */
export function acquireMaintenanceLease(db: Db, workerName: string, tenantId: string): Promise<UnitLease | null> {
  return new UnitLeases(db, workerName, LEASE_MS).acquire(tenantId, MAINTENANCE_RUN, MAINTENANCE_UNIT);
}

const systemActor = { kind: 'system', id: 'retention', name: 'Custodia', email: '', role: 'system' } as const;

/**
 * A tenant's daily maintenance: expire the versions past their retention, then collect the content no version
 * refers to any more. Null when another worker is maintaining the tenant right now. Safe to repeat and to interrupt:
 * each step is idempotent and a later run finishes what an interrupted one left.
 */
export async function maintainTenant(options: MaintenanceOptions, tenantId: string): Promise<MaintenanceReport | null> {
  const lease = await acquireMaintenanceLease(options.db, options.workerName, tenantId);
  if (!lease) return null;
  try {
    const now = options.now ?? (() => new Date());
    const retention = await sweepExpiredVersions(options.db, tenantId, now());
    const garbage = await collectGarbage({
      db: options.db,
      backend: options.backend,
      masterKey: options.masterKey,
      tenantId,
      liveBlobIds: () => referencedBlobIds(options.db, tenantId),
      now,
      ...(options.graceMs !== undefined && { graceMs: options.graceMs }),
      onStep: async (step, packId) => {
        await options.onStep?.(step, packId);
        await lease.renew();
      },
    });
    await recordActivity(
      new ActivityLog(options.db, activityChainKey(options.masterKey)),
      tenantId,
      retention,
      garbage,
    );
    return { retention, garbage };
  } finally {
    await lease.release();
  }
}

/** One activity entry per maintenance that changed something; quiet days leave the log alone. */
async function recordActivity(
  activity: ActivityLog,
  tenantId: string,
  retention: RetentionSweepReport,
  garbage: GarbageCollectionReport,
): Promise<void> {
  const freed = garbage.bytesBefore - garbage.bytesAfter;
  if (retention.expired === 0 && garbage.packsDeleted + garbage.packsRewritten + garbage.orphanPacksDeleted === 0) {
    return;
  }
  await activity.append(tenantId, systemActor, {
    action: 'retention.swept',
    details: {
      versionsExpired: retention.expired,
      packsDeleted: garbage.packsDeleted + garbage.orphanPacksDeleted,
      packsRewritten: garbage.packsRewritten,
      bytesFreed: freed,
    },
  });
}
