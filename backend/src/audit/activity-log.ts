import { createHash } from 'node:crypto';
import { MongoServerError, type Db } from 'mongodb';
import { canonicalJson } from './canonical-json.js';
import {
  activityEntries,
  activityHeads,
  type ActivityDetails,
  type ActivityEntry,
  type ActivityTarget,
  type Actor,
} from './activity-store.js';

/** The hash the first row of every tenant's chain points back to. */
export const genesisHash = '0'.repeat(64);

export interface ActivityDraft {
  action: string;
  target?: ActivityTarget;
  details?: ActivityDetails;
}

export function hashEntry(entry: Omit<ActivityEntry, 'hash'>): string {
  const { tenantId, seq, at, actor, action, category, target, details, prevHash } = entry;
  return createHash('sha256')
    .update(canonicalJson({ tenantId, seq, at, actor, action, category, target, details, prevHash }))
    .digest('hex');
}

const maxAppendAttempts = 20;

/**
 * Appends to a tenant's hash-chained activity log. Without transactions, concurrent appends race
 * for the next sequence number; the unique (tenantId, seq) index lets exactly one win and the
 * others retry on top of it, so the chain stays a single line.
 */
export class ActivityLog {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(tenantId: string, actor: Actor, draft: ActivityDraft): Promise<ActivityEntry> {
    const entries = activityEntries.scoped(this.db);
    for (let attempt = 0; attempt < maxAppendAttempts; attempt += 1) {
      const [last] = await entries.find(tenantId, {}, { sort: { seq: -1 }, limit: 1 }).toArray();
      const unsealed: Omit<ActivityEntry, 'hash'> = {
        tenantId,
        seq: (last?.seq ?? 0) + 1,
        at: this.clock(),
        actor,
        action: draft.action,
        category: draft.action.split('.')[0] ?? draft.action,
        ...(draft.target && { target: draft.target }),
        ...(draft.details && { details: draft.details }),
        prevHash: last?.hash ?? genesisHash,
      };
      const entry: ActivityEntry = { ...unsealed, hash: hashEntry(unsealed) };
      try {
        await entries.insertOne(tenantId, { ...entry });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) continue;
        throw error;
      }
      await this.advanceHead(tenantId, entry);
      return entry;
    }
    throw new Error(`activity log of tenant ${tenantId}: gave up after ${maxAppendAttempts} contended appends`);
  }

  private async advanceHead(tenantId: string, entry: ActivityEntry): Promise<void> {
    try {
      await activityHeads
        .scoped(this.db)
        .updateOne(
          tenantId,
          { seq: { $lt: entry.seq } },
          { $set: { seq: entry.seq, hash: entry.hash } },
          { upsert: true },
        );
    } catch (error) {
      // A later append already moved the head past this entry.
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
    }
  }
}
