import type { Db } from 'mongodb';
import { defineTenantCollection, isDuplicateKeyError } from '@custodia/backend';

/** The one card a conversation shows for a run: alerts and progress update it in place. */
export interface RunCardRecord {
  tenantId: string;
  runId: string;
  conversationId: string;
  activityId: string;
  postedAt: Date;
}

/** Which process delivers an event to a conversation: the one whose insert succeeds. */
interface DeliveryClaim {
  tenantId: string;
  eventId: string;
  conversationId: string;
  claimedAt: Date;
}

/** "Mute this job for today" in one conversation; `day` is the date in the job's time zone. */
interface JobMute {
  tenantId: string;
  jobId: string;
  conversationId: string;
  day: string;
  mutedBy: string;
  mutedAt: Date;
}

export const botRunCards = defineTenantCollection<RunCardRecord>('botRunCards', [
  { key: { tenantId: 1, runId: 1, conversationId: 1 }, unique: true, name: 'tenant_run_conversation' },
]);
const botDeliveries = defineTenantCollection<DeliveryClaim>('botDeliveries', [
  { key: { tenantId: 1, eventId: 1, conversationId: 1 }, unique: true, name: 'tenant_event_conversation' },
]);
const botMutes = defineTenantCollection<JobMute>('botMutes', [
  { key: { tenantId: 1, jobId: 1, conversationId: 1, day: 1 }, unique: true, name: 'tenant_job_conversation_day' },
]);

export const botCollections = [botRunCards, botDeliveries, botMutes];

/** True when this caller owns the delivery; FerretDB updates are not atomic, a unique insert is. */
export async function claimDelivery(
  db: Db,
  tenantId: string,
  eventId: string,
  conversationId: string,
): Promise<boolean> {
  try {
    await botDeliveries.scoped(db).insertOne(tenantId, { tenantId, eventId, conversationId, claimedAt: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Gives a delivery back after a failed send, so the next poll tries again. */
export async function releaseDelivery(
  db: Db,
  tenantId: string,
  eventId: string,
  conversationId: string,
): Promise<void> {
  await botDeliveries.scoped(db).deleteOne(tenantId, { eventId, conversationId });
}

export function findRunCard(
  db: Db,
  tenantId: string,
  runId: string,
  conversationId: string,
): Promise<RunCardRecord | null> {
  return botRunCards.scoped(db).findOne(tenantId, { runId, conversationId });
}

export async function recordRunCard(db: Db, record: RunCardRecord): Promise<void> {
  try {
    await botRunCards.scoped(db).insertOne(record.tenantId, record);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** The calendar day of `at` in the job's time zone: a mute lasts until local midnight. */
export function localDay(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}

export async function muteJobForDay(db: Db, mute: Omit<JobMute, 'mutedAt'>): Promise<void> {
  try {
    await botMutes.scoped(db).insertOne(mute.tenantId, { ...mute, mutedAt: new Date() });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

export async function isJobMuted(
  db: Db,
  tenantId: string,
  jobId: string,
  conversationId: string,
  day: string,
): Promise<boolean> {
  return (await botMutes.scoped(db).countDocuments(tenantId, { jobId, conversationId, day })) > 0;
}
