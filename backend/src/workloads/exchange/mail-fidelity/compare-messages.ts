import { compareMessageTrees } from './compare-entities.js';
import type { MailDifference } from './mail-difference.js';
import { parseMimeTree } from './parse-mime-tree.js';

/**
 * Every difference between a backed-up message and its restored copy, both as raw MIME: the headers of every
 * entity (nested messages included), the MIME tree, the decoded content of every leaf and the raw bytes of signed
 * content. An empty list means the restored copy is the same message, up to what Exchange Online itself rewrites
 * (exchangeRewrittenHeaders) and to folding, boundaries, transfer encodings and header encodings.
 *
 * Asynchronous because the MIME splitter is a stream that yields to the event loop as it goes.
 */
export async function compareMessages(original: Buffer, restored: Buffer): Promise<MailDifference[]> {
  const [before, after] = await Promise.all([parseMimeTree(original), parseMimeTree(restored)]);
  return compareMessageTrees(before, after);
}
