import type { Db } from 'mongodb';
import { defineTenantCollection, isDuplicateKeyError } from '@custodia/backend';

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

export const botApprovalWatches = defineTenantCollection<ApprovalWatch>('botApprovalWatches', [
  { key: { tenantId: 1, restoreId: 1 }, name: 'tenant_restore' },
]);
export const botApprovalCards = defineTenantCollection<ApprovalCardRecord>('botApprovalCards', [
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

/** Starts watching a restore; watching it twice (another bot process, a repeated poll) is harmless. */
export async function watchRestore(db: Db, tenantId: string, restoreId: string): Promise<void> {
  const watch = { _id: watchId(tenantId, restoreId), tenantId, restoreId, settled: false, seenAt: new Date() };
  try {
    await botApprovalWatches.raw(db).insertOne(watch);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** The watches not yet settled, and those of these restores (`watchId`s) whatever their state. */
export function watchesOf(db: Db, ids: readonly string[]): Promise<ApprovalWatch[]> {
  return botApprovalWatches
    .raw(db)
    .find({ $or: [{ settled: false }, { _id: { $in: [...ids] } }] })
    .toArray();
}

export async function settleWatch(db: Db, tenantId: string, restoreId: string): Promise<void> {
  await botApprovalWatches.raw(db).updateOne({ _id: watchId(tenantId, restoreId) }, { $set: { settled: true } });
}

/** The cards already posted (or being posted) for these restores. */
export function approvalCardsOf(db: Db, restoreIds: readonly string[]): Promise<ApprovalCardRecord[]> {
  return botApprovalCards
    .raw(db)
    .find({ restoreId: { $in: [...restoreIds] } })
    .toArray();
}

export function approvalCardId(tenantId: string, restoreId: string, conversationId: string): string {
  return `${watchId(tenantId, restoreId)}|${conversationId}`;
}

/** True when this caller posts the card to this conversation: the one whose insert succeeds. */
export async function claimApprovalCard(
  db: Db,
  tenantId: string,
  restoreId: string,
  conversationId: string,
): Promise<boolean> {
  const record: ApprovalCardRecord = {
    _id: approvalCardId(tenantId, restoreId, conversationId),
    tenantId,
    restoreId,
    conversationId,
    activityId: null,
    shows: 'pending',
    postedAt: new Date(),
  };
  try {
    await botApprovalCards.raw(db).insertOne(record);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

export async function recordApprovalCard(db: Db, cardId: string, activityId: string): Promise<void> {
  await botApprovalCards.raw(db).updateOne({ _id: cardId }, { $set: { activityId } });
}

/** Gives a claim back after a failed post, so the next poll tries again. */
export async function releaseApprovalCard(db: Db, cardId: string): Promise<void> {
  await botApprovalCards.raw(db).deleteOne({ _id: cardId });
}

export async function markCardDecided(db: Db, cardId: string): Promise<void> {
  await botApprovalCards.raw(db).updateOne({ _id: cardId }, { $set: { shows: 'decided' } });
}

/**
 * True when this press may decide: `RestoreService.decide` reads, then updates, which FerretDB does not arbitrate,
 * so two approvers pressing at once could both "win"; the insert under the restore's `_id` lets one through.
 */
export async function claimDecision(db: Db, tenantId: string, restoreId: string, decidedBy: string): Promise<boolean> {
  try {
    await botApprovalDecisions
      .raw(db)
      .insertOne({ _id: watchId(tenantId, restoreId), tenantId, restoreId, decidedBy, at: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Gives the decision back when deciding failed, so another press can try. */
export async function releaseDecision(db: Db, tenantId: string, restoreId: string): Promise<void> {
  await botApprovalDecisions.raw(db).deleteOne({ _id: watchId(tenantId, restoreId) });
}
