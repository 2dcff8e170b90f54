import type { Address, AttachmentContent, MessageContent } from './types.js';

interface Entity {
  headers: Map<string, string>;
  body: Buffer;
}

/** Splits an entity into unfolded headers (lower-case names) and body. */
function splitEntity(raw: Buffer): Entity {
  const text = raw.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  const headerText = match ? text.slice(0, match.index) : text;
  const bodyStart = match ? match.index + match[0].length : raw.length;
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, undeclaredText(Buffer.from(line.slice(colon + 1).trim(), 'latin1')));
    }
  }
  return { headers, body: raw.subarray(bodyStart) };
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`, `=?iso-8859-1?Q?...?=`). */
function decodeHeaderText(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return new TextDecoder(charset.toLowerCase() === 'utf-8' ? 'utf-8' : 'latin1').decode(bytes);
    });
}

function parameter(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const match = new RegExp(`${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : decodeHeaderText(value);
}

function decodeBody(entity: Entity): Buffer {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(entity.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = entity.body.toString('latin1').replace(/=\r?\n/g, '');
    return Buffer.from(
      text.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    );
  }
  return entity.body;
}

function parseAddresses(value: string | undefined): Address[] {
  if (!value) return [];
  const addresses: Address[] = [];
  for (const part of decodeHeaderText(value).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const angle = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(part);
    if (angle?.[2]) addresses.push({ name: (angle[1] ?? '').trim(), address: angle[2].trim() });
    else if (part.trim()) addresses.push({ name: '', address: part.trim() });
  }
  return addresses;
}

function splitMultipart(body: Buffer, boundary: string): Buffer[] {
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const parts: Buffer[] = [];
  let index = text.indexOf(delimiter);
  while (index >= 0) {
    const start = text.indexOf('\n', index) + 1;
    if (text.startsWith(`${delimiter}--`, index) || start === 0) break;
    const end =
      text.indexOf(`\r\n${delimiter}`, start) >= 0
        ? text.indexOf(`\r\n${delimiter}`, start)
        : text.indexOf(`\n${delimiter}`, start);
    if (end < 0) break;
    parts.push(Buffer.from(text.slice(start, end), 'latin1'));
    index = text.indexOf(delimiter, end);
  }
  return parts;
}

interface Collected {
  html?: string;
  text?: string;
  attachments: AttachmentContent[];
}

function collect(entity: Entity, into: Collected): void {
  const contentType = entity.headers.get('content-type') ?? 'text/plain';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? 'text/plain';
  const boundary = parameter(contentType, 'boundary');
  if (mediaType.startsWith('multipart/') && boundary) {
    for (const part of splitMultipart(entity.body, boundary)) collect(splitEntity(part), into);
    return;
  }
  const disposition = entity.headers.get('content-disposition');
  const name = parameter(disposition, 'filename') ?? parameter(contentType, 'name');
  const isAttachment =
    disposition?.toLowerCase().startsWith('attachment') ||
    (name !== undefined && !mediaType.startsWith('text/')) ||
    mediaType === 'message/rfc822';
  const bytes = decodeBody(entity);
  if (!isAttachment && mediaType === 'text/html' && into.html === undefined) into.html = decodeText(bytes, contentType);
  else if (!isAttachment && mediaType === 'text/plain' && into.text === undefined)
    into.text = decodeText(bytes, contentType);
  else {
    const contentId = entity.headers.get('content-id')?.replace(/^<|>$/g, '');
    const subject = mediaType === 'message/rfc822' ? splitEntity(bytes).headers.get('subject') : undefined;
    into.attachments.push({
      name: name ?? (subject !== undefined ? decodeHeaderText(subject) : 'attachment'),
      contentType: mediaType,
      isInline: disposition?.toLowerCase().startsWith('inline') ?? false,
      ...(contentId ? { contentId } : {}),
      bytes,
    });
  }
}

function decodeText(bytes: Buffer, contentType: string): string {
  const charset = parameter(contentType, 'charset')?.toLowerCase();
  if (charset === undefined || charset === 'us-ascii') return undeclaredText(bytes);
  return new TextDecoder(charset, { fatal: false }).decode(bytes);
}

/**
 * Bytes in no declared charset (a raw 8-bit header, a pre-MIME body): UTF-8 when they are valid UTF-8, else
 * windows-1252, the Western code page (and what the WHATWG Encoding Standard reads the us-ascii and latin1 labels
 * as). Microsoft documents no rule for such mail; this is the simulator's choice for a Western-locale mailbox, made so
 * that an è is shown as è rather than U+FFFD.
 */
function undeclaredText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The top-level header fields of an internet message, unfolded, in order (what `internetMessageHeaders` lists). */
export function topLevelHeaders(raw: Buffer): Array<{ name: string; value: string }> {
  const text = raw.toString('latin1');
  const match = /\r?\n\r?\n/.exec(text);
  const headerText = match ? text.slice(0, match.index) : text;
  const fields: Array<{ name: string; value: string }> = [];
  for (const line of headerText.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      fields.push({
        name: line.slice(0, colon).trim(),
        value: Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8'),
      });
  }
  return fields;
}

/** The message ids of a header such as References (`<a@x> <b@y>`), without angle brackets. */
function messageIds(value: string | undefined): string[] {
  return [...(value ?? '').matchAll(/<([^<>\s]+)>/g)].map((match) => match[1] as string);
}

/** Reads what Graph shows as JSON out of an internet message: addresses, subject, date, body and attachments. */
export function parseMime(raw: Buffer): MessageContent {
  const entity = splitEntity(raw);
  const collected: Collected = { attachments: [] };
  collect(entity, collected);
  const date = entity.headers.get('date');
  const parsedDate = date ? new Date(date) : new Date(0);
  const from = parseAddresses(entity.headers.get('from'))[0];
  const [inReplyTo] = messageIds(entity.headers.get('in-reply-to'));
  const references = messageIds(entity.headers.get('references'));
  const thread = { ...(inReplyTo && { inReplyTo }), ...(references.length > 0 && { references }) };
  return {
    subject: decodeHeaderText(entity.headers.get('subject') ?? ''),
    ...(from ? { from } : {}),
    to: parseAddresses(entity.headers.get('to')),
    cc: parseAddresses(entity.headers.get('cc')),
    bcc: parseAddresses(entity.headers.get('bcc')),
    replyTo: parseAddresses(entity.headers.get('reply-to')),
    date: Number.isNaN(parsedDate.getTime()) ? new Date(0) : parsedDate,
    messageId: (entity.headers.get('message-id') ?? '').replace(/^<|>$/g, ''),
    ...thread,
    body:
      collected.html !== undefined
        ? { contentType: 'html', content: collected.html }
        : { contentType: 'text', content: collected.text ?? '' },
    attachments: collected.attachments,
  };
}
