import type { RestoreRequest } from '@custodia/backend/restore-model/model';
import type { AlertStore } from './alert-store.js';
import { approvalFacts } from './approval-data.js';
import { approvalCardId, watchId, type ApprovalCardRecord, type ApprovalStore } from './approval-store.js';
import { approverConversations, requesterConversations } from './approvers.js';
import { approvalCard, restoreDecidedCard } from './cards/approval-cards.js';
import type { StoredConversation } from './conversation-store.js';
import type { ProactiveChannel } from './proactive.js';
import type { BotServices } from './services.js';
import { requesterObjectId } from './restore-where.js';

/** How many restores (waiting or just decided) one poll reads: more wait for the next poll. */
const requestsPerPoll = 500;

/**
 * Brings self-service restores awaiting approval to the personal chats of the people who may decide on them, and
 * their decision (taken in Teams or in the portal) back: every approver's card is replaced by the decision, and
 * the requester is told. Nothing in the backend announces a waiting restore, so the collection is polled; durable
 * records in the bot's own collections (inserted under a fixed `_id`) make repeated polls and racing bot processes
 * post each card once.
 */
export class ApprovalDelivery {
  private readonly store: ApprovalStore;
  private readonly alerts: AlertStore;

  /** `lookbackMs`: how long after a decision the poll still shows it, if no poll saw the restore waiting. */
  constructor(
    private readonly services: BotServices,
    private readonly channel: ProactiveChannel,
    private readonly lookbackMs = 60 * 60_000,
  ) {
    this.store = services.stores.approvals;
    this.alerts = services.stores.alerts;
  }

  /**
   * One pass: announce what waits, show what was decided (also restores decided before any poll saw them waiting,
   * within the look-back). Every conversation is tried before a failure is thrown.
   */
  async poll(): Promise<void> {
    const failures: unknown[] = [];
    const since = new Date(Date.now() - this.lookbackMs);
    const requests = await this.services.product.restores.awaitingOrDecidedSince(since, requestsPerPoll);
    const keyOf = (request: RestoreRequest) => watchId(request.tenantId, request.restoreId);
    const watches = await this.store.watchesOf(requests.map(keyOf));
    const known = new Set(watches.map((watch) => watch._id));
    for (const request of requests)
      if (!known.has(keyOf(request))) await this.store.watchRestore(request.tenantId, request.restoreId);
    const waiting = requests.filter((request) => request.status === 'awaitingApproval');
    const posted = await this.store.cardsOf(waiting.map((request) => request.restoreId));
    for (const request of waiting) failures.push(...(await this.announce(request, posted)));
    const stillWaiting = new Set(waiting.map(keyOf));
    const decided = [
      ...watches.filter((watch) => !watch.settled),
      ...requests.filter((request) => !known.has(keyOf(request))),
    ].filter((restore) => !stillWaiting.has(watchId(restore.tenantId, restore.restoreId)));
    for (const restore of decided) {
      try {
        await this.settle(restore.tenantId, restore.restoreId);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} approval cards were not delivered`);
  }

  /**
   * Shows a decided restore's outcome: replaces every approver's card and tells the requester (once). Called at once
   * after a decision taken in Teams, and by the poll for decisions taken in the portal.
   */
  async settle(tenantId: string, restoreId: string): Promise<void> {
    const request = await this.services.product.restores.get(tenantId, restoreId);
    if (request?.status === 'awaitingApproval') return;
    if (request) {
      const cards = await this.store.cardsOf([restoreId]);
      for (const card of cards) if (card.tenantId === tenantId) await this.showDecision(request, card);
      await this.tellRequester(request);
    }
    await this.store.settleWatch(tenantId, restoreId);
  }

  private async announce(request: RestoreRequest, posted: readonly ApprovalCardRecord[]): Promise<unknown[]> {
    const { tenantId, restoreId } = request;
    const failures: unknown[] = [];
    for (const conversation of await approverConversations(this.services, tenantId)) {
      const cardId = approvalCardId(tenantId, restoreId, conversation.conversationId);
      if (posted.some((card) => card._id === cardId)) continue;
      if (!(await this.store.claimCard(tenantId, restoreId, conversation.conversationId))) continue;
      try {
        const facts = await approvalFacts(this.services.product, request, conversation.language);
        const card = approvalCard(
          { ...facts, canDecide: this.services.approvals !== undefined },
          conversation.language,
        );
        await this.store.recordCard(cardId, await this.channel.post(conversation.reference, card));
      } catch (error) {
        await this.store.releaseCard(cardId);
        failures.push(error);
      }
    }
    return failures;
  }

  private async showDecision(request: RestoreRequest, record: ApprovalCardRecord): Promise<void> {
    if (record.shows === 'decided' || record.activityId === null) return;
    const conversation = await this.services.stores.conversations.find(record.tenantId, record.conversationId);
    if (conversation) {
      const facts = await approvalFacts(this.services.product, request, conversation.language);
      const card = approvalCard({ ...facts, canDecide: this.services.approvals !== undefined }, conversation.language);
      await this.channel.update(conversation.reference, record.activityId, card);
    }
    await this.store.markCardDecided(record._id);
  }

  private async tellRequester(request: RestoreRequest): Promise<void> {
    const { tenantId, restoreId } = request;
    const requester = requesterObjectId(request.requestedBy);
    for (const conversation of await requesterConversations(this.services, tenantId, requester)) {
      const card = await this.requesterCard(request, conversation);
      if (!card) return;
      const claim = `restore.decided:${restoreId}`;
      if (!(await this.alerts.claimDelivery(tenantId, claim, conversation.conversationId))) continue;
      try {
        await this.channel.post(conversation.reference, card);
      } catch (error) {
        await this.alerts.releaseDelivery(tenantId, claim, conversation.conversationId);
        throw error;
      }
    }
  }

  private async requesterCard(request: RestoreRequest, conversation: StoredConversation) {
    const { decision, where, requestedAt } = await approvalFacts(this.services.product, request, conversation.language);
    return decision && restoreDecidedCard({ decision, where, requestedAt }, conversation.language);
  }
}
