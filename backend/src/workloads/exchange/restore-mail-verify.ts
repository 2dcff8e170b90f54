import type { ItemVersion } from '../../catalog/index.js';
import type { RestoreWriteContext } from '../../restore/item-writer.js';
import type { VerifyOutcome } from '../../restore/outcome.js';
import { digestDifferences, digestOf, parseMime, type BackedUpMailState } from './restore-mail-json.js';

interface ReadBack {
  isDraft?: boolean;
  isRead?: boolean;
  receivedDateTime?: string;
  sentDateTime?: string;
  parentFolderId?: string;
  importance?: string;
  categories?: string[];
  flag?: { flagStatus?: string };
}

const readBackSelect = 'id,isDraft,isRead,receivedDateTime,sentDateTime,parentFolderId,importance,categories,flag';

export interface MessageToVerify {
  userId: string;
  createdId: string;
  version: ItemVersion;
  expectedFolderId: Promise<string>;
}

/**
 * Reads a restored message back (its properties and its MIME) and lists what differs from the backup: draft flag,
 * dates, folder, read state, flag, importance, categories, and the MIME-equivalent content (subject, addresses,
 * body text, attachment names and bytes, inline content ids).
 */
export async function verifyRestoredMessage(
  context: RestoreWriteContext,
  message: MessageToVerify,
): Promise<VerifyOutcome> {
  const resource = { kind: 'mailbox', userId: message.userId } as const;
  const path = `/users/${encodeURIComponent(message.userId)}/messages/${encodeURIComponent(message.createdId)}`;
  const restored = await context.graph.getJson<ReadBack>(`${path}?$select=${readBackSelect}`, { resource });
  const state = message.version.properties as BackedUpMailState;
  const differences: string[] = [];
  if (restored.isDraft !== false) differences.push('isDraft');
  if (!sameInstant(state.receivedDateTime, restored.receivedDateTime)) differences.push('receivedDateTime');
  if (!sameInstant(state.sentDateTime, restored.sentDateTime)) differences.push('sentDateTime');
  if (restored.parentFolderId !== (await message.expectedFolderId)) differences.push('folder');
  if (state.isRead !== undefined && restored.isRead !== state.isRead) differences.push('isRead');
  if (state.importance !== undefined && restored.importance !== state.importance) differences.push('importance');
  if (state.categories && (restored.categories ?? []).join('\n') !== state.categories.join('\n')) {
    differences.push('categories');
  }
  const flagStatus = (state.flag as { flagStatus?: string } | undefined)?.flagStatus;
  if (flagStatus !== undefined && restored.flag?.flagStatus !== flagStatus) differences.push('flag');

  const { stream } = await context.graph.getStream(`${path}/$value`, { resource });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const original = digestOf(await parseMime(await context.store.read(context.tenantId, message.version.content!)));
  differences.push(...digestDifferences(original, digestOf(await parseMime(Buffer.concat(chunks)))));
  return { verified: differences.length === 0, differences };
}

function sameInstant(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return Math.floor(Date.parse(expected) / 1000) === Math.floor(Date.parse(actual) / 1000);
}
