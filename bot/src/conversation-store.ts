import type { Db } from 'mongodb';
import { defineTenantCollection, isDuplicateKeyError, type TenantCollection } from '@custodia/backend';
import type { Language } from './language.js';

export type ConversationScope = 'personal' | 'groupChat' | 'channel';

/**
 * The Bot Framework conversation reference, kept as the plain object botbuilder gives us: proactive
 * sends hand it back to the platform unchanged.
 */
export type ReferenceDocument = Record<string, unknown>;

/** A conversation the bot was installed in or spoken to in: where alerts can be delivered. */
export interface StoredConversation {
  tenantId: string;
  conversationId: string;
  scope: ConversationScope;
  reference: ReferenceDocument;
  language: Language;
  /** For personal chats: who the chat is with, to follow their notification settings. */
  userAadObjectId?: string;
  userEmail?: string;
  firstSeenAt: Date;
  updatedAt: Date;
}

export const botConversations = defineTenantCollection<StoredConversation>('botConversations', [
  { key: { tenantId: 1, conversationId: 1 }, unique: true, name: 'tenant_conversation' },
]);

export type ConversationUpdate = Omit<StoredConversation, 'firstSeenAt' | 'updatedAt'>;

/** The conversations the bot was installed in or spoken to in. */
export class ConversationStore {
  private readonly conversations: TenantCollection<StoredConversation>;

  constructor(db: Db) {
    this.conversations = botConversations.scoped(db);
  }

  /** Records the conversation, or refreshes what changed (the service URL, the language, the person's email). */
  async remember(update: ConversationUpdate, now = new Date()): Promise<void> {
    try {
      await this.conversations.insertOne(update.tenantId, { ...update, firstSeenAt: now, updatedAt: now });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const { tenantId, conversationId, ...changes } = update;
      await this.conversations.updateOne(tenantId, { conversationId }, { $set: { ...changes, updatedAt: now } });
    }
  }

  find(tenantId: string, conversationId: string): Promise<StoredConversation | null> {
    return this.conversations.findOne(tenantId, { conversationId }, { projection: { _id: 0 } });
  }

  ofTenant(tenantId: string): Promise<StoredConversation[]> {
    return this.conversations.find(tenantId, {}, { projection: { _id: 0 } }).toArray() as Promise<StoredConversation[]>;
  }
}
