import { buildMime } from '../mime/build.js';
import { parseMime } from '../mime/parse.js';
import type { MessageContent } from '../mime/types.js';
import type { MessageSource } from './records.js';

/** A message stored as the MIME it arrived as: `$value` returns those exact bytes. */
export function mimeSource(bytes: Buffer): MessageSource {
  return { mime: () => bytes, content: () => parseMime(bytes) };
}

/** A message created from JSON (or changed after creation): its MIME is built from the content. */
export function contentSource(content: MessageContent): MessageSource {
  return { mime: () => buildMime(content), content: () => content };
}

/** A generated message: content and MIME are derived again on every read, so nothing but metadata is held. */
export function lazySource(derive: () => MessageContent): MessageSource {
  return { mime: () => buildMime(derive()), content: derive };
}
