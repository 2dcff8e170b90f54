import type { Db } from 'mongodb';
import { defineTenantCollection, insertedFirst, isDuplicateKeyError, type TenantCollection } from '@custodia/backend';

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

const botRunCards = defineTenantCollection<RunCardRecord>('botRunCards', [
  { key: { tenantId: 1, runId: 1, conversationId: 1 }, unique: true, name: 'tenant_run_conversation' },
]);
const botDeliveries = defineTenantCollection<DeliveryClaim>('botDeliveries', [
  { key: { tenantId: 1, eventId: 1, conversationId: 1 }, unique: true, name: 'tenant_event_conversation' },
]);
const botMutes = defineTenantCollection<JobMute>('botMutes', [
  { key: { tenantId: 1, jobId: 1, conversationId: 1, day: 1 }, unique: true, name: 'tenant_job_conversation_day' },
]);

export const alertCollections = [botRunCards, botDeliveries, botMutes];

/** The calendar day of `at` in the job's time zone: a mute lasts until local midnight. */
export function localDay(at: Date, timeZone: string): string {
  return at.toLocaleDateString('en-CA', { timeZone });
}

/** What alert delivery records: who delivers an event where, the card each run has in a conversation, mutes. */
export class AlertStore {
  private readonly runCards: TenantCollection<RunCardRecord>;
  private readonly deliveries: TenantCollection<DeliveryClaim>;
  private readonly mutes: TenantCollection<JobMute>;

  constructor(db: Db) {
    this.runCards = botRunCards.scoped(db);
    this.deliveries = botDeliveries.scoped(db);
    this.mutes = botMutes.scoped(db);
  }

  /** True when this caller owns the delivery; FerretDB updates are not atomic, a unique insert is. */
  async claimDelivery(tenantId: string, eventId: string, conversationId: string): Promise<boolean> {
    return insertedFirst(() =>
      this.deliveries.insertOne(tenantId, { tenantId, eventId, conversationId, claimedAt: new Date() }),
    );
  }

  /** Gives a delivery back after a failed send, so the next poll tries again. */
  async releaseDelivery(tenantId: string, eventId: string, conversationId: string): Promise<void> {
    await this.deliveries.deleteOne(tenantId, { eventId, conversationId });
  }

  findRunCard(tenantId: string, runId: string, conversationId: string): Promise<RunCardRecord | null> {
    return this.runCards.findOne(tenantId, { runId, conversationId });
  }

  async recordRunCard(record: RunCardRecord): Promise<void> {
    try {
      await this.runCards.insertOne(record.tenantId, record);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async muteJobForDay(mute: Omit<JobMute, 'mutedAt'>): Promise<void> {
    try {
      await this.mutes.insertOne(mute.tenantId, { ...mute, mutedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async isJobMuted(tenantId: string, jobId: string, conversationId: string, day: string): Promise<boolean> {
    return (await this.mutes.countDocuments(tenantId, { jobId, conversationId, day })) > 0;
  }
}
