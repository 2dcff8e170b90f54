import type { AdaptiveCard } from './cards/card-types.js';
import type { ReferenceDocument } from './conversation-store.js';

/**
 * Posting and updating cards in a conversation outside of a turn. The botbuilder implementation
 * is in `botbuilder-edge.ts`; moving to the Agents SDK replaces only that.
 */
export interface ProactiveChannel {
  /** Posts the card and returns the id of the new activity. */
  post(reference: ReferenceDocument, card: AdaptiveCard): Promise<string>;
  /** Replaces a card posted earlier. */
  update(reference: ReferenceDocument, activityId: string, card: AdaptiveCard): Promise<void>;
}
