import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';

/** A token bucket shared by every worker process through one MongoDB document. */
interface BudgetDocument {
  _id: string;
  tenantId: string;
  scope: string;
  /** Units left at `refilledAt`. */
  units: number;
  refilledAt: number;
  /** Nobody spends from this bucket before this time (a 429's Retry-After, shared with every worker). */
  pausedUntil: number;
  /** Bumped by every write: the optimistic lock that replaces a transaction (FerretDB has none). */
  version: number;
}

export const graphBudgets = defineTenantCollection<BudgetDocument>('graphBudgets', []);

/** A published limit: at most `limit` units over any sliding `windowMs`. */
export interface BudgetRule {
  readonly limit: number;
  readonly windowMs: number;
}

interface BucketShape {
  readonly capacity: number;
  readonly unitsPerMs: number;
}

/**
 * A bucket of capacity C refilling at r never lets more than C + r·W through in any window W, so
 * choosing C + r·W = share × limit keeps every sliding window under the published limit.
 */
export function bucketFor(rule: BudgetRule, share: number): BucketShape {
  const allowed = Math.max(1, rule.limit * share);
  const capacity = Math.max(1, Math.floor(allowed * 0.05));
  return { capacity, unitsPerMs: Math.max(allowed - capacity, 1) / rule.windowMs };
}

interface LocalReserve {
  units: number;
  pausedUntil: number;
  /** Serialises this process's trips to the shared document for one scope. */
  queue: Promise<void>;
}

/**
 * Spends budget units on behalf of this worker. Units are reserved from the shared document a block
 * at a time and spent locally, so N workers add at most N blocks of slack to a window; the rule's
 * share (default 95 %) leaves room for that.
 */
export class SharedBudget {
  private readonly collection;
  private readonly reserves = new Map<string, LocalReserve>();

  constructor(
    db: Db,
    private readonly tenantId: string,
    private readonly reservationBlock: number,
    private readonly budgetShare: number,
  ) {
    this.collection = graphBudgets.scoped(db);
  }

  /** Waits until `units` may be spent on `scope` under `rule`, then spends them. */
  async spend(scope: string, rule: BudgetRule, units: number): Promise<void> {
    const reserve = this.reserveFor(scope);
    const turn = reserve.queue.then(() => this.take(scope, rule, units, reserve));
    reserve.queue = turn.catch(() => undefined);
    await turn;
  }

  /** Tells every worker to leave `scope` alone until `until` (epoch ms). */
  async pause(scope: string, rule: BudgetRule, until: number): Promise<void> {
    const reserve = this.reserveFor(scope);
    reserve.pausedUntil = Math.max(reserve.pausedUntil, until);
    const _id = this.documentId(scope);
    if (!(await this.collection.findOne(this.tenantId, { _id }))) {
      await this.createBucket(_id, scope, bucketFor(rule, this.budgetShare).capacity, Date.now());
    }
    await this.collection.updateOne(this.tenantId, { _id }, { $max: { pausedUntil: until }, $inc: { version: 1 } });
  }

  private reserveFor(scope: string): LocalReserve {
    let reserve = this.reserves.get(scope);
    if (!reserve) {
      reserve = { units: 0, pausedUntil: 0, queue: Promise.resolve() };
      this.reserves.set(scope, reserve);
    }
    return reserve;
  }

  private documentId(scope: string): string {
    return `${this.tenantId}/${scope}`;
  }

  private async take(scope: string, rule: BudgetRule, units: number, reserve: LocalReserve): Promise<void> {
    for (;;) {
      const pausedFor = reserve.pausedUntil - Date.now();
      if (pausedFor > 0) {
        await sleep(pausedFor);
        continue;
      }
      if (reserve.units >= units) {
        reserve.units -= units;
        return;
      }
      const waitMs = await this.reserveFromShared(scope, rule, units - reserve.units, reserve);
      if (waitMs > 0) await sleep(waitMs);
    }
  }

  /** One optimistic round on the shared document; answers how long to wait before the next round. */
  private async reserveFromShared(
    scope: string,
    rule: BudgetRule,
    needed: number,
    reserve: LocalReserve,
  ): Promise<number> {
    const bucket = bucketFor(rule, this.budgetShare);
    const wanted = Math.max(needed, Math.min(this.reservationBlock, bucket.capacity));
    const _id = this.documentId(scope);
    const now = Date.now();
    const current = await this.collection.findOne(this.tenantId, { _id });
    if (!current) {
      await this.createBucket(_id, scope, bucket.capacity, now);
      return 0;
    }
    if (current.pausedUntil > now) {
      reserve.pausedUntil = Math.max(reserve.pausedUntil, current.pausedUntil);
      return 0;
    }
    // Clocks of different workers disagree a little; never let time run backwards in the bucket.
    const elapsed = Math.max(0, now - current.refilledAt);
    const available = Math.min(bucket.capacity, current.units + elapsed * bucket.unitsPerMs);
    if (available < needed) return Math.ceil((needed - available) / bucket.unitsPerMs);
    const granted = Math.min(wanted, Math.floor(available));
    const written = await this.collection.updateOne(
      this.tenantId,
      { _id, version: current.version },
      { $set: { units: available - granted, refilledAt: Math.max(now, current.refilledAt) }, $inc: { version: 1 } },
    );
    if (written.modifiedCount === 1) reserve.units += granted;
    return 0;
  }

  private async createBucket(_id: string, scope: string, capacity: number, now: number): Promise<void> {
    try {
      await this.collection.insertOne(this.tenantId, {
        _id,
        tenantId: this.tenantId,
        scope,
        units: capacity,
        refilledAt: now,
        pausedUntil: 0,
        version: 0,
      });
    } catch (error) {
      // Another worker created it first: its document is as good as ours.
      if ((error as { code?: unknown }).code !== 11000) throw error;
    }
  }
}
