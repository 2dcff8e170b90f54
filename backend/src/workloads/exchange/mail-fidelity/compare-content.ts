import { createHash } from 'node:crypto';
import { decodeText } from './charset-text.js';
import { phrase } from './difference-phrases.js';
import type { MailDifference } from './mail-difference.js';
import { isAttachment, type MimeEntity } from './mime-entity.js';

/** Characters of context shown either side of the first place two texts differ. */
const excerptContext = 24;

/** Bodies whose line breaks a MIME writer may legitimately rewrite; any other part keeps its bytes (a .ics needs CRLF). */
const lineBreakNeutralTypes = new Set(['text/plain', 'text/html']);

export function contentSummary(bytes: Buffer): string {
  return `${bytes.length} bytes, SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`;
}

function visible(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

function excerptAt(text: string, index: number): string {
  const start = Math.max(0, index - excerptContext);
  const end = Math.min(text.length, index + excerptContext);
  return `${start > 0 ? '…' : ''}${visible(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
  return length;
}

/** Whether a leaf is read as text: a text/* part that is shown, not saved (attachments keep their bytes). */
export function isDisplayedText(entity: MimeEntity): boolean {
  return entity.contentType.value.startsWith('text/') && !isAttachment(entity);
}

/**
 * Compares the decoded content of two leaves. Displayed text is decoded by each side's own declared charset and
 * compared as characters, so a restore that re-encodes è correctly passes and one that wrote U+FFFD does not;
 * CRLF versus LF is forgiven only in text/plain and text/html bodies. Everything else, and any text that did not
 * decode cleanly, is compared by SHA-256 of the bytes.
 */
export function compareLeafContent(original: MimeEntity, restored: MimeEntity, where: string): MailDifference[] {
  const originalBytes = original.content ?? Buffer.alloc(0);
  const restoredBytes = restored.content ?? Buffer.alloc(0);
  if (isDisplayedText(original)) {
    const before = decodeText(originalBytes, original.contentType.params.get('charset'));
    const after = decodeText(restoredBytes, restored.contentType.params.get('charset'));
    const neutral = lineBreakNeutralTypes.has(original.contentType.value);
    const expected = neutral ? before.text.replace(/\r\n/g, '\n') : before.text;
    const actual = neutral ? after.text.replace(/\r\n/g, '\n') : after.text;
    if (expected !== actual) {
      const index = firstDifference(expected, actual);
      return [
        { where, what: phrase('textDiffers'), expected: excerptAt(expected, index), actual: excerptAt(actual, index) },
      ];
    }
    if (before.exact && after.exact) return [];
  }
  if (originalBytes.equals(restoredBytes)) return [];
  return [
    {
      where,
      what: phrase('contentDiffers'),
      expected: contentSummary(originalBytes),
      actual: contentSummary(restoredBytes),
    },
  ];
}
