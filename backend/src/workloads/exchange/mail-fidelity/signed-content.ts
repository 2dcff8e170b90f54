const lf = 0x0a;
const cr = 0x0d;

/** Whether a delimiter line ends at `from`: optional `--`, then only spaces and tabs up to the line end. */
function delimiterLineEnd(raw: Buffer, from: number): { end: number; closing: boolean } | undefined {
  let position = from;
  const closing = raw[position] === 0x2d && raw[position + 1] === 0x2d;
  if (closing) position += 2;
  while (raw[position] === 0x20 || raw[position] === 0x09) position++;
  if (position >= raw.length) return { end: position, closing };
  if (raw[position] === cr) position++;
  if (raw[position] === lf) return { end: position + 1, closing };
  return undefined;
}

/**
 * The first body part of a multipart entity exactly as written: from after the first delimiter line to the line
 * break before the next (RFC 2046 5.1.1, the line break belongs to the delimiter). For multipart/signed these are
 * the bytes the signature covers (RFC 1847 2.1), so they are compared raw: re-folding, re-encoding or a new inner
 * boundary breaks the signature even when the decoded content is the same. `bodyStart` is where the entity's body
 * begins in `raw`; the boundary cannot occur inside the parts (RFC 2046), so a plain search is exact.
 */
export function firstBodyPartBytes(raw: Buffer, bodyStart: number, boundary: string): Buffer | undefined {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let searchFrom = bodyStart;
  let contentStart: number | undefined;
  for (;;) {
    const found = raw.indexOf(delimiter, searchFrom);
    if (found < 0) return undefined;
    const atLineStart = found === bodyStart || raw[found - 1] === lf;
    const line = atLineStart ? delimiterLineEnd(raw, found + delimiter.length) : undefined;
    if (line === undefined) {
      searchFrom = found + 1;
      continue;
    }
    if (contentStart === undefined) {
      if (line.closing) return undefined;
      contentStart = line.end;
      searchFrom = line.end;
      continue;
    }
    let contentEnd = found === contentStart ? found : found - 1;
    if (contentEnd > contentStart && raw[contentEnd - 1] === cr) contentEnd--;
    return raw.subarray(contentStart, Math.max(contentStart, contentEnd));
  }
}
