import { createHash } from 'node:crypto';
import type { MessageContent } from '../mime/types.js';
import { exchangeIdFrom } from '../util/ids.js';

/** Where a message sits among the conversations of a mailbox (message `conversationId`, `conversationIndex`). */
export interface Conversation {
  conversationId: string;
  /** base64 PidTagConversationIndex: a 22-byte header naming the thread, then a 5-byte block per reply level. */
  conversationIndex: string;
}

const HEADER_BYTES = 22;
const CHILD_BLOCK_BYTES = 5;

function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/**
 * Exchange keeps a conversation per thread, not per subject: a new message starts one, a reply or forward joins its
 * parent's, which its `References` (root first) and `In-Reply-To` name (RFC 5322 section 3.6.4; the index layout is
 * PidTagConversationIndex, https://learn.microsoft.com/office/client-developer/outlook/mapi/pidtagconversationindex-canonical-property).
 * `fallbackRoot` names the thread of a message without a Message-ID.
 */
export function conversationOf(
  content: Pick<MessageContent, 'messageId' | 'inReplyTo' | 'references'>,
  fallbackRoot: string,
): Conversation {
  const thread = content.references?.length ? content.references : content.inReplyTo ? [content.inReplyTo] : [];
  const root = thread[0] ?? (content.messageId || fallbackRoot);
  const header = digest('conversation', root).subarray(0, HEADER_BYTES);
  const blocks = thread.map((id) => digest('reply', id).subarray(0, CHILD_BLOCK_BYTES));
  return {
    conversationId: exchangeIdFrom('AAQkAGI2', 'conversation', root),
    conversationIndex: Buffer.concat([header, ...blocks]).toString('base64'),
  };
}

/** A reply's place in its parent's conversation: the parent's id, the parent's index and one more reply level. */
export function replyTo(parent: Conversation, messageId: string): Conversation {
  const block = digest('reply', messageId).subarray(0, CHILD_BLOCK_BYTES);
  return {
    conversationId: parent.conversationId,
    conversationIndex: Buffer.concat([Buffer.from(parent.conversationIndex, 'base64'), block]).toString('base64'),
  };
}
