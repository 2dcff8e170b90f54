import type { ItemVersion } from '../api/restore-types.js';

/** Reply and forward prefixes in the languages people write in (RE, FW, FWD, R, I, AW, WG, TR, RV, SV). */
const prefixes = /^\s*((re|fw|fwd|r|i|aw|wg|tr|rv|sv)\s*(\[\d+\])?\s*:\s*)+/i;

/** A subject without its reply/forward prefixes, lower case: the thread's name. */
export function threadSubject(subject: string): string {
  return subject.replace(prefixes, '').trim().toLowerCase();
}

/** The words to search the backups for: the thread subject's words (the API takes up to ten). */
export function subjectWords(subject: string): string {
  return threadSubject(subject)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
    .slice(0, 10)
    .join(' ');
}

/**
 * The backed-up messages of this conversation among the search results: same thread subject. The catalog keeps no
 * conversation id in its version view, so the subject is what ties them together.
 */
export function conversationVersions(subject: string, found: readonly ItemVersion[]): ItemVersion[] {
  const thread = threadSubject(subject);
  return found.filter((version) => version.kind === 'message' && threadSubject(version.name) === thread);
}
