import type { Db } from 'mongodb';
import { categoryOf, type ActivityAction } from '../activity-actions/actions.js';
import { genesisHash, sealEntry } from './activity-seal.js';
import {
  activityEntries,
  activityHeads,
  type ActivityDetails,
  type ActivityEntry,
  type ActivityTarget,
  type Actor,
} from './activity-store.js';
import { verifyActivityChain, type ChainVerification } from './verify-chain.js';
import { isDuplicateKeyError } from '../db/index.js';

export interface ActivityDraft {
  action: ActivityAction;
  target?: ActivityTarget;
  details?: ActivityDetails;
}

const maxAppendAttempts = 20;

/**
 * Appends to a tenant's hash-chained activity log, each row sealed with the chain key. Without transactions,
 * concurrent appends race for the next sequence number; each row's `_id` is `<tenant>|<seq>`, so exactly one insert
 * wins (FerretDB guarantees `_id` uniqueness even where a secondary unique index races) and the others retry on top
 * of it: the chain stays a single line.
 */
export class ActivityLog {
  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Walks the tenant's chain and reports what was edited, deleted or re-linked. */
  verify(tenantId: string): Promise<ChainVerification> {
    return verifyActivityChain(this.db, tenantId, this.key);
  }

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
        category: categoryOf(draft.action),
        ...(draft.target && { target: draft.target }),
        ...(draft.details && { details: draft.details }),
        prevHash: last?.hash ?? genesisHash,
      };
      const entry: ActivityEntry = { ...unsealed, hash: sealEntry(unsealed, this.key), seal: 'hmac-sha256' };
      try {
        await entries.insertOne(tenantId, { ...entry, _id: `${tenantId}|${entry.seq}` } as ActivityEntry);
      } catch (error) {
        if (isDuplicateKeyError(error)) continue;
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
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
