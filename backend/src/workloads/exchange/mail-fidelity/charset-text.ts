/**
 * The charset a text part is read with when it declares none. RFC 2045 says us-ascii, and a pre-MIME message says
 * nothing at all, but 8-bit text without a label is in practice Western European; windows-1252 maps every byte to a
 * character (the WHATWG decoder reads us-ascii and iso-8859-1 labels as windows-1252 too), so nothing is lost and
 * an è never turns into U+FFFD on the way in.
 */
export const undeclaredTextCharset = 'windows-1252';

/** A decoder's name for a charset label (`latin1` and `iso-8859-1` both give `windows-1252`), or undefined. */
export function canonicalCharset(label: string | undefined): string | undefined {
  try {
    return new TextDecoder(label ?? undeclaredTextCharset).encoding;
  } catch {
    return undefined;
  }
}

export interface DecodedText {
  text: string;
  /** False when the bytes were not valid in the charset (U+FFFD was substituted) or the charset is unknown. */
  exact: boolean;
}

/**
 * Decodes bytes in a declared charset with Node's ICU decoders. A label the decoder does not know is read as
 * windows-1252, which keeps one character per byte, and marked inexact so that the caller compares bytes as well.
 */
export function decodeText(bytes: Uint8Array, label: string | undefined): DecodedText {
  const charset = canonicalCharset(label);
  if (charset === undefined) {
    return { text: new TextDecoder(undeclaredTextCharset).decode(bytes), exact: false };
  }
  try {
    return { text: new TextDecoder(charset, { fatal: true }).decode(bytes), exact: true };
  } catch {
    return { text: new TextDecoder(charset).decode(bytes), exact: false };
  }
}

/**
 * Header bytes outside ASCII: UTF-8 when they are valid UTF-8 (RFC 6532 allows it), windows-1252 otherwise (a
 * pre-MIME mailer writing its local charset).
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(undeclaredTextCharset).decode(bytes);
  }
}
