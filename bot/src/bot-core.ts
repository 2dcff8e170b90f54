import { answerCardAction, type CardActionRequest } from './action-handlers.js';
import { AlertDelivery } from './alert-delivery.js';
import { ApprovalDelivery } from './approval-delivery.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { answerCommand } from './command-handlers.js';
import { parseCommand } from './commands.js';
import type { ConversationScope, ReferenceDocument } from './conversation-store.js';
import { languageOfLocale } from './language.js';
import { identifyPerson, type TeamsUser } from './people.js';
import type { ProactiveChannel } from './proactive.js';
import { RunProgressUpdates } from './run-progress.js';
import type { BotServices } from './services.js';
import type { BotReply, BotTurn } from './turn.js';

/** What the platform edge tells the core about an incoming activity. */
export interface IncomingActivity {
  tenantId: string;
  conversationId: string;
  scope: ConversationScope;
  reference: ReferenceDocument;
  user: TeamsUser;
  locale: string | undefined;
}

/**
 * The bot without its platform: commands, card actions and alerts as functions of the backend's
 * services. The botbuilder edge (or an Agents SDK one later) only translates activities.
 */
export class BotCore {
  readonly alerts: AlertDelivery;
  readonly approvals: ApprovalDelivery;
  readonly progress: RunProgressUpdates;

  constructor(
    private readonly services: BotServices,
    channel: ProactiveChannel,
    progressIntervalMs: number,
  ) {
    this.alerts = new AlertDelivery(services, channel);
    this.approvals = new ApprovalDelivery(services, channel);
    this.progress = new RunProgressUpdates(services, channel, progressIntervalMs);
  }

  /** The bot was added to a conversation: remember where it can write, then say what it does. */
  async installed(activity: IncomingActivity): Promise<BotReply> {
    const turn = await this.begin(activity);
    return answerCommand(this.services, turn, { kind: 'help' });
  }

  async message(activity: IncomingActivity, text: string): Promise<BotReply> {
    const turn = await this.begin(activity);
    return answerCommand(this.services, turn, parseCommand(text));
  }

  async cardAction(activity: IncomingActivity, action: CardActionRequest): Promise<AdaptiveCard> {
    const turn = await this.begin(activity);
    return answerCardAction(
      { services: this.services, progress: this.progress, approvals: this.approvals, turn },
      action,
    );
  }

  private async begin(activity: IncomingActivity): Promise<BotTurn> {
    const language = languageOfLocale(activity.locale);
    const person = await identifyPerson(this.services.product, activity.tenantId, activity.user, language);
    const email = person.portalEmail ?? activity.user.email;
    await this.services.stores.conversations.remember({
      tenantId: activity.tenantId,
      conversationId: activity.conversationId,
      scope: activity.scope,
      reference: activity.reference,
      language,
      ...(activity.scope === 'personal' && {
        ...(activity.user.aadObjectId !== undefined && { userAadObjectId: activity.user.aadObjectId }),
        ...(email !== undefined && { userEmail: email.toLowerCase() }),
      }),
    });
    return { person, conversationId: activity.conversationId };
  }
}
