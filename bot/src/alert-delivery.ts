import type { DomainEvent, DomainEventType } from '@custodia/backend';
import { overrunRemedies } from '@custodia/backend/licences/index';
import type { NotificationEvent } from '@custodia/backend/settings/notification-recipients';
import { localDay } from './alert-store.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { licenceCard } from './cards/licence-card.js';
import { restoreCompletedCard } from './cards/restore-cards.js';
import { alertCard } from './cards/run-card.js';
import type { StoredConversation } from './conversation-store.js';
import { requesterConversations } from './approvers.js';
import type { ProactiveChannel } from './proactive.js';
import { requesterObjectId, restoreWhere } from './restore-where.js';
import { runCardData } from './run-card-data.js';
import type { BotServices } from './services.js';

/** The domain events that become cards in Teams. */
export const alertEventTypes = ['run.failed', 'run.warning', 'licence.overrun', 'restore.completed'] as const;
export type AlertEventType = (typeof alertEventTypes)[number] & DomainEventType;

const notificationOf: Record<Exclude<AlertEventType, 'restore.completed'>, NotificationEvent> = {
  'run.failed': 'job.failed',
  'run.warning': 'job.warning',
  'licence.overrun': 'licence.overrun',
};

/**
 * Turns domain events into cards in the conversations that should see them. Channels and group
 * chats the bot was installed in receive every administrative alert; a personal chat receives what
 * the portal's notification settings send to that person's email; a restore's card goes only to
 * the person who asked for it. A run has one card per conversation, updated in place.
 */
export class AlertDelivery {
  constructor(
    private readonly services: BotServices,
    private readonly channel: ProactiveChannel,
  ) {}

  async deliver(event: DomainEvent): Promise<void> {
    if (!isAlert(event)) return;
    for (const conversation of await this.audience(event)) {
      if (await this.isMuted(event, conversation)) continue;
      if (
        !(await this.services.stores.alerts.claimDelivery(event.tenantId, event.eventId, conversation.conversationId))
      )
        continue;
      try {
        await this.show(event, conversation);
      } catch (error) {
        await this.services.stores.alerts.releaseDelivery(event.tenantId, event.eventId, conversation.conversationId);
        throw error;
      }
    }
  }

  private async audience(event: DomainEvent<AlertEventType>): Promise<StoredConversation[]> {
    if (event.type === 'restore.completed') {
      const requester = requesterObjectId((event as DomainEvent<'restore.completed'>).payload.requestedBy);
      return requesterConversations(this.services, event.tenantId, requester);
    }
    const conversations = await this.services.stores.conversations.ofTenant(event.tenantId);
    const recipients = await this.services.product.recipientsFor(event.tenantId, notificationOf[event.type]);
    const emails = new Set(recipients.map((recipient) => recipient.email));
    return conversations.filter(
      (c) => c.scope !== 'personal' || (c.userEmail !== undefined && emails.has(c.userEmail.toLowerCase())),
    );
  }

  private async isMuted(event: DomainEvent<AlertEventType>, conversation: StoredConversation): Promise<boolean> {
    if (event.type !== 'run.failed' && event.type !== 'run.warning') return false;
    const { jobId } = (event as DomainEvent<'run.failed' | 'run.warning'>).payload;
    const job = await this.services.jobs.get(event.tenantId, jobId);
    const day = localDay(new Date(), job?.timeZone ?? 'Europe/Rome');
    return this.services.stores.alerts.isJobMuted(event.tenantId, jobId, conversation.conversationId, day);
  }

  private async show(event: DomainEvent<AlertEventType>, conversation: StoredConversation): Promise<void> {
    if (event.type === 'run.failed' || event.type === 'run.warning') {
      await this.showRun(event as DomainEvent<'run.failed' | 'run.warning'>, conversation);
      return;
    }
    const card = await this.cardOf(event, conversation);
    if (card) await this.channel.post(conversation.reference, card);
  }

  /** The run's card in this conversation is updated if there is one (a run started from chat), else posted. */
  private async showRun(event: DomainEvent<'run.failed' | 'run.warning'>, conversation: StoredConversation) {
    const { engine, stores } = this.services;
    const run = await engine.run(event.tenantId, event.payload.runId);
    if (!run) return;
    const card = alertCard(
      await runCardData(this.services, run, conversation.conversationId, true),
      conversation.language,
    );
    const existing = await stores.alerts.findRunCard(event.tenantId, run.runId, conversation.conversationId);
    if (existing) {
      await this.channel.update(conversation.reference, existing.activityId, card);
      return;
    }
    const activityId = await this.channel.post(conversation.reference, card);
    await stores.alerts.recordRunCard({
      tenantId: event.tenantId,
      runId: run.runId,
      conversationId: conversation.conversationId,
      activityId,
      postedAt: new Date(),
    });
  }

  private async cardOf(
    event: DomainEvent<AlertEventType>,
    conversation: StoredConversation,
  ): Promise<AdaptiveCard | null> {
    const { language } = conversation;
    if (event.type === 'licence.overrun') {
      const { payload } = event as DomainEvent<'licence.overrun'>;
      const remedies = payload.remedies.length > 0 ? payload.remedies : overrunRemedies;
      return licenceCard(
        {
          plans: payload.plans,
          unlicensed: [],
          storage: payload.storage,
          overrun: true,
          remedies,
          licencesUrl: this.services.links.licences(),
        },
        language,
      );
    }
    const { payload } = event as DomainEvent<'restore.completed'>;
    const request = await this.services.product.restores.get(event.tenantId, payload.restoreId);
    if (!request) return null;
    return restoreCompletedCard({ ...payload, where: restoreWhere(request, language) }, language);
  }
}

function isAlert(event: DomainEvent): event is DomainEvent<AlertEventType> {
  return (alertEventTypes as readonly string[]).includes(event.type);
}
