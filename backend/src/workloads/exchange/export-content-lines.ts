/**
 * Content lines as vCard (RFC 6350, section 3.2) and iCalendar (RFC 5545, section 3.1) write them: text escaped,
 * lines folded at 75 octets (never inside a UTF-8 character), CRLF line ends.
 */

/** Escapes a TEXT value: backslash, comma, semicolon and line breaks (RFC 6350 3.4, RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value, quoted when it holds `:`, `;` or `,` (double quotes cannot be represented, so they go). */
export function parameterValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const maxOctets = 75;

/** Splits a line into pieces of at most 75 octets; each continuation starts with one space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? maxOctets : maxOctets - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** The lines folded and joined with CRLF, ending with CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
