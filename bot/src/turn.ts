import type { AdaptiveCard } from './cards/card-types.js';
import type { BotPerson } from './people.js';

/** One exchange with a person, independent of the bot platform that carried it. */
export interface BotTurn {
  person: BotPerson;
  conversationId: string;
}

export type BotReply = { text: string } | { card: AdaptiveCard };
