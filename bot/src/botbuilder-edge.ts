import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from 'botbuilder';
import type { BotCore, IncomingActivity } from './bot-core.js';
import type { AdaptiveCard } from './cards/card-types.js';
import type { ConversationScope, ReferenceDocument } from './conversation-store.js';
import type { ProactiveChannel } from './proactive.js';
import type { BotReply } from './turn.js';

/** botbuilder's way into a stored conversation: `CloudAdapter.continueConversationAsync` in production. */
export type ContinueConversation = (
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<void>;

/** Translates Teams activities for the core; nothing here decides anything. */
export class CustodiaTeamsBot extends TeamsActivityHandler {
  constructor(private readonly core: BotCore) {
    super();
    this.onInstallationUpdateAdd(async (context, next) => {
      await send(context, await this.core.installed(await incoming(context)));
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
      await send(context, await this.core.message(await incoming(context), text));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.core.cardAction(await incoming(context), {
      verb: invokeValue.action.verb,
      data: (invokeValue.action.data ?? {}) as Record<string, unknown>,
      cardActivityId: context.activity.replyToId,
    });
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...card } };
  }
}

export function cardActivity(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

async function send(context: TurnContext, reply: BotReply): Promise<void> {
  await context.sendActivity('text' in reply ? MessageFactory.text(reply.text) : cardActivity(reply.card));
}

async function incoming(context: TurnContext): Promise<IncomingActivity> {
  const { activity } = context;
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return {
    tenantId: activity.conversation.tenantId ?? channelTenant ?? '',
    conversationId: activity.conversation.id,
    scope: scopeOf(activity.conversation.conversationType),
    reference: TurnContext.getConversationReference(activity) as ReferenceDocument,
    user: {
      id: activity.from.id,
      aadObjectId: activity.from.aadObjectId,
      email: await emailOf(context),
    },
    locale: activity.locale,
  };
}

function scopeOf(conversationType: string | undefined): ConversationScope {
  return conversationType === 'channel' || conversationType === 'groupChat' ? conversationType : 'personal';
}

/** Teams knows the person's UPN; without a reachable connector (tests, outages) we go by object id alone. */
async function emailOf(context: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch {
    return undefined;
  }
}

/** Proactive posts and updates through botbuilder. */
export function botbuilderChannel(continueConversation: ContinueConversation): ProactiveChannel {
  return {
    async post(reference, card) {
      let activityId = '';
      await continueConversation(reference as Partial<ConversationReference>, async (context) => {
        activityId = (await context.sendActivity(cardActivity(card)))?.id ?? '';
      });
      return activityId;
    },
    async update(reference, activityId, card) {
      await continueConversation(reference as Partial<ConversationReference>, async (context) => {
        await context.updateActivity({ ...cardActivity(card), id: activityId });
      });
    },
  };
}
