import type { Db } from 'mongodb';
import { AlertStore, alertCollections } from './alert-store.js';
import { ApprovalStore, approvalCollections } from './approval-store.js';
import { ConversationStore, botConversations } from './conversation-store.js';

/** The bot's own records, each kept by its store: the one part of the bot that holds the database. */
export interface BotStores {
  readonly conversations: ConversationStore;
  readonly alerts: AlertStore;
  readonly approvals: ApprovalStore;
}

/** Opens the bot's stores on the product's database, creating their indexes (idempotent: at every start). */
export async function openBotStores(db: Db): Promise<BotStores> {
  for (const definition of [botConversations, ...alertCollections, ...approvalCollections]) {
    for (const index of definition.indexes) await definition.raw(db).createIndexes([index]);
  }
  return { conversations: new ConversationStore(db), alerts: new AlertStore(db), approvals: new ApprovalStore(db) };
}
