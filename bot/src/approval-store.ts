import type { Collection, Db } from 'mongodb';
import { defineTenantCollection, insertedFirst, isDuplicateKeyError } from '@custodia/backend';

/**
 * A restore awaiting approval the bot has seen, until its decision was shown everywhere. `_id` is
 * `<tenant>|<restore>`: FerretDB keeps `_id` unique under racing inserts, and a filter on `_id` alone is the one
 * it does not answer by scanning.
 */
export interface ApprovalWatch {
  _id: string;
  tenantId: string;
  restoreId: string;
  settled: boolean;
  seenAt: Date;
}

/** The approval card of a restore in one approver's chat. `_id` is `<tenant>|<restore>|<conversation>`. */
export interface ApprovalCardRecord {
  _id: string;
  tenantId: string;
  restoreId: string;
  conversationId: string;
  /** Null while the card is being posted (or when posting it crashed). */
  activityId: string | null;
  /** What the card shows: it is replaced once when the restore is decided. */
  shows: 'pending' | 'decided';
  postedAt: Date;
}

const botApprovalWatches = defineTenantCollection<ApprovalWatch>('botApprovalWatches', [
  { key: { tenantId: 1, restoreId: 1 }, name: 'tenant_restore' },
]);
const botApprovalCards = defineTenantCollection<ApprovalCardRecord>('botApprovalCards', [
  { key: { tenantId: 1, restoreId: 1 }, name: 'tenant_restore' },
]);

/** A decision taken from Teams; `_id` is `<tenant>|<restore>`. */
interface ApprovalDecisionClaim {
  _id: string;
  tenantId: string;
  restoreId: string;
  decidedBy: string;
  at: Date;
}

const botApprovalDecisions = defineTenantCollection<ApprovalDecisionClaim>('botApprovalDecisions', [
  { key: { tenantId: 1, restoreId: 1 }, name: 'tenant_restore' },
]);

export const approvalCollections = [botApprovalWatches, botApprovalCards, botApprovalDecisions];

export function watchId(tenantId: string, restoreId: string): string {
  return `${tenantId}|${restoreId}`;
}

export function approvalCardId(tenantId: string, restoreId: string, conversationId: string): string {
  return `${watchId(tenantId, restoreId)}|${conversationId}`;
}

/**
 * What the approval cards record, across tenants (keyed by `<tenant>|<restore>`): the restores watched, the cards
 * posted, the decisions taken from Teams.
 */
export class ApprovalStore {
  private readonly watches: Collection<ApprovalWatch>;
  private readonly cards: Collection<ApprovalCardRecord>;
  private readonly decisions: Collection<ApprovalDecisionClaim>;

  constructor(db: Db) {
    this.watches = botApprovalWatches.raw(db);
    this.cards = botApprovalCards.raw(db);
    this.decisions = botApprovalDecisions.raw(db);
  }

  /** Starts watching a restore; watching it twice (another bot process, a repeated poll) is harmless. */
  async watchRestore(tenantId: string, restoreId: string): Promise<void> {
    const watch = { _id: watchId(tenantId, restoreId), tenantId, restoreId, settled: false, seenAt: new Date() };
    try {
      await this.watches.insertOne(watch);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** The watches not yet settled, and those of these restores (`watchId`s) whatever their state. */
  watchesOf(ids: readonly string[]): Promise<ApprovalWatch[]> {
    return this.watches.find({ $or: [{ settled: false }, { _id: { $in: [...ids] } }] }).toArray();
  }

  async settleWatch(tenantId: string, restoreId: string): Promise<void> {
    await this.watches.updateOne({ _id: watchId(tenantId, restoreId) }, { $set: { settled: true } });
  }

  /** The cards already posted (or being posted) for these restores. */
  cardsOf(restoreIds: readonly string[]): Promise<ApprovalCardRecord[]> {
    return this.cards.find({ restoreId: { $in: [...restoreIds] } }).toArray();
  }

  /** True when this caller posts the card to this conversation: the one whose insert succeeds. */
  async claimCard(tenantId: string, restoreId: string, conversationId: string): Promise<boolean> {
    const record: ApprovalCardRecord = {
      _id: approvalCardId(tenantId, restoreId, conversationId),
      tenantId,
      restoreId,
      conversationId,
      activityId: null,
      shows: 'pending',
      postedAt: new Date(),
    };
    return insertedFirst(() => this.cards.insertOne(record));
  }

  async recordCard(cardId: string, activityId: string): Promise<void> {
    await this.cards.updateOne({ _id: cardId }, { $set: { activityId } });
  }

  /** Gives a claim back after a failed post, so the next poll tries again. */
  async releaseCard(cardId: string): Promise<void> {
    await this.cards.deleteOne({ _id: cardId });
  }

  async markCardDecided(cardId: string): Promise<void> {
    await this.cards.updateOne({ _id: cardId }, { $set: { shows: 'decided' } });
  }

  /**
   * True when this press may decide: `RestoreService.decide` reads, then updates, which FerretDB does not
   * arbitrate, so two approvers pressing at once could both "win"; the insert under the restore's `_id` lets one
   * through.
   */
  async claimDecision(tenantId: string, restoreId: string, decidedBy: string): Promise<boolean> {
    return insertedFirst(() =>
      this.decisions.insertOne({ _id: watchId(tenantId, restoreId), tenantId, restoreId, decidedBy, at: new Date() }),
    );
  }

  /** Gives the decision back when deciding failed, so another press can try. */
  async releaseDecision(tenantId: string, restoreId: string): Promise<void> {
    await this.decisions.deleteOne({ _id: watchId(tenantId, restoreId) });
  }
}
