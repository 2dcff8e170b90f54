import type { Db } from 'mongodb';
import { defineTenantCollection, type TenantCollection } from '../db/index.js';
import { isDuplicateKeyError } from '../db/index.js';

/**
 * One claim on one unit of a run. Claims are numbered; a worker takes the next number by inserting
 * it under `_id` `<tenant>|<run>|<resource>|<epoch>`, and exactly one worker wins. (On FerretDB a
 * conditional update is not atomic across connections, and neither, measured here, is a secondary
 * unique index under concurrent inserts; the `_id` primary key is.)
 */
interface UnitLeaseRecord {
  _id: string;
  tenantId: string;
  runId: string;
  resourceId: string;
  epoch: number;
  owner: string;
  expiresAt: Date;
}

const unitLeasesCollection = defineTenantCollection<UnitLeaseRecord>('backupUnitLeases', [
  { key: { tenantId: 1, runId: 1, resourceId: 1, epoch: 1 }, unique: true, name: 'tenant_unit_epoch' },
]);

/** Another worker took the unit over after this worker's lease expired. */
export class LeaseLostError extends Error {
  constructor(resourceId: string) {
    super(`the lease on ${resourceId} passed to another worker`);
    this.name = 'LeaseLostError';
  }
}

export interface UnitLease {
  readonly epoch: number;
  /** Extends the lease; throws LeaseLostError when another worker has taken a newer one. */
  renew(): Promise<void>;
  /** Lets another worker take the unit at once (a retry is due). */
  release(): Promise<void>;
  /** The unit is final: no worker may take it again, even a late duplicate of its job. */
  finish(): Promise<void>;
}

/** A finished unit's lease never expires. */
const finishedExpiry = new Date('9999-12-31T00:00:00Z');

export class UnitLeases {
  private readonly leases: TenantCollection<UnitLeaseRecord>;

  constructor(
    db: Db,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {
    this.leases = unitLeasesCollection.scoped(db);
  }

  /** Takes the unit when nobody holds a live lease on it; null when another worker does. */
  async acquire(tenantId: string, runId: string, resourceId: string): Promise<UnitLease | null> {
    const unit = { runId, resourceId };
    const latest = await this.leases.findOne(tenantId, unit, { sort: { epoch: -1 } });
    if (latest && latest.expiresAt.getTime() > Date.now()) return null;
    const epoch = (latest?.epoch ?? -1) + 1;
    try {
      await this.leases.insertOne(tenantId, {
        _id: `${tenantId}|${runId}|${resourceId}|${epoch}`,
        tenantId,
        ...unit,
        epoch,
        owner: this.owner,
        expiresAt: new Date(Date.now() + this.leaseMs),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
    return {
      epoch,
      renew: async () => {
        const newer = await this.leases.findOne(tenantId, { ...unit, epoch: { $gt: epoch } });
        if (newer) throw new LeaseLostError(resourceId);
        await this.leases.updateOne(
          tenantId,
          { ...unit, epoch },
          { $set: { expiresAt: new Date(Date.now() + this.leaseMs) } },
        );
      },
      release: async () => {
        await this.leases.updateOne(tenantId, { ...unit, epoch }, { $set: { expiresAt: new Date(0) } });
      },
      finish: async () => {
        await this.leases.updateOne(tenantId, { ...unit, epoch }, { $set: { expiresAt: finishedExpiry } });
      },
    };
  }

  /** Whether a unit's latest lease has lapsed (or it never had one): nobody is working on it. */
  async isAbandoned(tenantId: string, runId: string, resourceId: string): Promise<boolean> {
    const latest = await this.leases.findOne(tenantId, { runId, resourceId }, { sort: { epoch: -1 } });
    return !latest || latest.expiresAt.getTime() <= Date.now();
  }
}
