import libmime from 'libmime';
import { addressParser, type Address } from 'postal-mime';
import { decodeHeaderBytes } from './charset-text.js';

/** One header field as compared: lower-case name, the name as written, and the normalised value. */
export interface HeaderField {
  name: string;
  displayName: string;
  value: string;
}

/** A structured header (Content-Type, Content-Disposition): its value and decoded parameters. */
export interface StructuredValue {
  value: string;
  params: Map<string, string>;
}

const addressHeaders = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'resent-from',
  'resent-sender',
  'resent-to',
  'resent-cc',
  'resent-bcc',
]);
const dateHeaders = new Set(['date', 'resent-date']);

/** Unfolds (RFC 5322 2.2.3) and collapses runs of folding whitespace: refolding at another width changes neither. */
export function unfold(value: string): string {
  return value
    .replace(/\r?\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function decodeWords(value: string): string {
  try {
    return libmime.decodeWords(value);
  } catch {
    // An encoded-word in a charset nobody knows stays as written on both sides, which still compares.
    return value;
  }
}

function formatAddresses(addresses: readonly Address[]): string {
  return addresses
    .map((address) =>
      address.group
        ? `${address.name}: ${formatAddresses(address.group)};`
        : `${address.name ? `${address.name} ` : ''}<${address.address.toLowerCase()}>`,
    )
    .join(', ');
}

/**
 * The value as compared. Address lists are reduced to `Name <address>` so that quoting and encoded-word choices
 * made by a MIME writer do not count, while a changed name or address does; dates compare as instants, since a
 * writer may render the same instant in another zone; everything else compares unfolded and decoded.
 */
function normalisedValue(name: string, rawValue: string): string {
  const unfolded = unfold(rawValue);
  if (addressHeaders.has(name)) {
    const addresses = addressParser(unfolded);
    if (addresses.length > 0) return formatAddresses(addresses);
  }
  if (dateHeaders.has(name)) {
    const instant = Date.parse(unfolded.replace(/\([^)]*\)/g, ' '));
    if (!Number.isNaN(instant)) return new Date(instant).toISOString();
  }
  return decodeWords(unfolded);
}

/**
 * A raw header line as the parser hands it over (a binary string, folds included) as a compared field. Bytes
 * outside ASCII are read as UTF-8 when valid and as windows-1252 otherwise.
 */
export function headerFieldOf(rawLine: string): HeaderField {
  const text = /[^\x00-\x7f]/.test(rawLine) ? decodeHeaderBytes(Buffer.from(rawLine, 'latin1')) : rawLine;
  const colon = text.indexOf(':');
  const displayName = (colon >= 0 ? text.slice(0, colon) : text).trim();
  const name = displayName.toLowerCase();
  return { name, displayName, value: colon >= 0 ? normalisedValue(name, text.slice(colon + 1)) : '' };
}

/**
 * Parses Content-Type or Content-Disposition: comments stripped, parameter names lower-cased, RFC 2231 values
 * (`filename*=utf-8''...`, continuations) and RFC 2047 encoded-words inside quoted values (as Outlook writes them)
 * both decoded, so the two spellings of one file name are equal.
 */
export function parseStructured(rawValue: string | undefined): StructuredValue | undefined {
  if (rawValue === undefined) return undefined;
  const parsed = libmime.parseHeaderValue(unfold(rawValue), { stripComments: true });
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed.params)) {
    params.set(key.toLowerCase(), parsed.decodedParams.includes(key) ? value : decodeWords(value));
  }
  return { value: parsed.value.trim().toLowerCase(), params };
}

/** The raw value (after the colon) of the first header with this lower-case name. */
export function firstRawValue(rawLines: readonly { key: string; line: string }[], name: string): string | undefined {
  const line = rawLines.find((candidate) => candidate.key === name)?.line;
  if (line === undefined) return undefined;
  const text = /[^\x00-\x7f]/.test(line) ? decodeHeaderBytes(Buffer.from(line, 'latin1')) : line;
  return text.slice(text.indexOf(':') + 1);
}
