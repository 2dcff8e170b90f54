import type { ItemVersion } from '../../catalog/index.js';
import { messageMimePath, messagePath, type GraphMessage } from '../../graph/index.js';
import type { RestoreWriteContext } from '../item-writer.js';
import type { VerifyOutcome } from '../../restore-model/outcome.js';
import type { RestoreMethod } from '../../restore-model/model.js';
import { compareMessages, describeDifference } from './mail-fidelity/index.js';
import type { BackedUpMailState } from './restore-mail-json.js';

type ReadBack = Pick<
  GraphMessage,
  'isDraft' | 'isRead' | 'receivedDateTime' | 'sentDateTime' | 'parentFolderId' | 'importance' | 'categories' | 'flag'
>;

const readBackSelect = 'id,isDraft,isRead,receivedDateTime,sentDateTime,parentFolderId,importance,categories,flag';

export interface MessageToVerify {
  userId: string;
  createdId: string;
  version: ItemVersion;
  expectedFolderId: Promise<string>;
  restoredBy: RestoreMethod;
}

/** Why a message recreated through JSON is never reported as verified, whatever its read-back shows. */
export const jsonFallbackDifference =
  'recreated through JSON (the tenant has not consented to the mailbox import/export API, or the backup has no ' +
  'full-fidelity stream): MIME structure, trace and custom headers and signatures are not carried';

/**
 * Reads a restored message back (its properties and its MIME) and lists what differs from the backup: draft flag,
 * dates, folder, read state, flag, importance, categories, and everything the MIME comparison finds (headers, MIME
 * tree, decoded text of each part, attachment bytes, nested messages). A message recreated through JSON always has
 * at least one difference: the fallback itself.
 */
export async function verifyRestoredMessage(
  context: RestoreWriteContext,
  message: MessageToVerify,
): Promise<VerifyOutcome> {
  const resource = { kind: 'mailbox', userId: message.userId } as const;
  const path = messagePath(message.userId, message.createdId);
  const restored = await context.graph.getJson<ReadBack>(`${path}?$select=${readBackSelect}`, { resource });
  const state = message.version.properties as BackedUpMailState;
  const differences: string[] = message.restoredBy === 'json' ? [jsonFallbackDifference] : [];
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

  const { stream } = await context.graph.getStream(messageMimePath(message.userId, message.createdId), { resource });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const original = await context.store.read(context.tenantId, message.version.content!);
  differences.push(
    ...(await compareMessages(original, Buffer.concat(chunks))).map((difference) =>
      describeDifference(difference, 'en'),
    ),
  );
  return { verified: differences.length === 0, differences };
}

function sameInstant(expected: string | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  return Math.floor(Date.parse(expected) / 1000) === Math.floor(Date.parse(actual) / 1000);
}
