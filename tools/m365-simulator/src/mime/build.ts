import { createHash } from 'node:crypto';
import type { Address, AttachmentContent, MessageContent } from './types.js';

/** RFC 2047 encoded-word for non-ASCII header text (subjects and display names in Italian carry accents). */
function encodeHeaderText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function formatAddress(address: Address): string {
  return address.name ? `${encodeHeaderText(address.name)} <${address.address}>` : `<${address.address}>`;
}

const LINE = 76;
/** Below this size re-encoding costs less than remembering. */
const MEMO_FROM_BYTES = 16 * 1024;
/**
 * Encoded lines per attachment buffer: a generated tenant mails the same few shared attachment buffers in many
 * messages, each built again on every read. Keyed weakly by the buffer, which is never written after it is made.
 */
const linesOf = new WeakMap<Buffer, string>();

/** Base64 in lines of 76 characters joined by CRLF (RFC 2045 section 6.8), with a plain loop: a regex was slower. */
function base64Lines(bytes: Buffer): string {
  const known = linesOf.get(bytes);
  if (known !== undefined) return known;
  const encoded = bytes.toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += LINE) lines.push(encoded.slice(start, start + LINE));
  const joined = lines.join('\r\n');
  if (bytes.length >= MEMO_FROM_BYTES) linesOf.set(bytes, joined);
  return joined;
}

function boundaryFor(content: MessageContent, kind: string): string {
  const digest = createHash('sha1').update(content.messageId).update(kind).digest('hex').slice(0, 24);
  return `----=_Part_${kind}_${digest}`;
}

function bodyPart(content: MessageContent): string {
  const type = content.body.contentType === 'html' ? 'text/html' : 'text/plain';
  return [
    `Content-Type: ${type}; charset="utf-8"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(content.body.content, 'utf8')),
  ].join('\r\n');
}

function attachmentPart(attachment: AttachmentContent): string {
  const disposition = attachment.isInline ? 'inline' : 'attachment';
  const name = encodeHeaderText(attachment.name);
  if (attachment.contentType.toLowerCase() === 'message/rfc822') {
    // An attached message is embedded as it is: RFC 2046 section 5.2.1 allows no base64 for message/rfc822.
    const eightBit = attachment.bytes.some((byte) => byte > 0x7e);
    return [
      `Content-Type: message/rfc822; name="${name}"`,
      `Content-Disposition: ${disposition}; filename="${name}"`,
      `Content-Transfer-Encoding: ${eightBit ? '8bit' : '7bit'}`,
      '',
      attachment.bytes.toString('latin1'),
    ].join('\r\n');
  }
  return [
    `Content-Type: ${attachment.contentType}; name="${name}"`,
    `Content-Disposition: ${disposition}; filename="${name}"`,
    ...(attachment.contentId ? [`Content-ID: <${attachment.contentId}>`] : []),
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.bytes),
  ].join('\r\n');
}

function multipart(subtype: string, boundary: string, parts: string[]): string {
  return [
    `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    '',
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * Internet message (RFC 5322 + MIME) for a message's content: inline images go in multipart/related with the HTML
 * body, other attachments in multipart/mixed, as Outlook produces them.
 */
export function buildMime(content: MessageContent): Buffer {
  const headers = [
    `Message-ID: <${content.messageId}>`,
    `Date: ${content.date.toUTCString().replace('GMT', '+0000')}`,
    ...(content.inReplyTo ? [`In-Reply-To: <${content.inReplyTo}>`] : []),
    ...(content.references?.length ? [`References: ${content.references.map((id) => `<${id}>`).join(' ')}`] : []),
    ...(content.from ? [`From: ${formatAddress(content.from)}`] : []),
    ...(content.to.length ? [`To: ${content.to.map(formatAddress).join(', ')}`] : []),
    ...(content.cc.length ? [`Cc: ${content.cc.map(formatAddress).join(', ')}`] : []),
    ...(content.bcc?.length ? [`Bcc: ${content.bcc.map(formatAddress).join(', ')}`] : []),
    ...(content.replyTo?.length ? [`Reply-To: ${content.replyTo.map(formatAddress).join(', ')}`] : []),
    `Subject: ${encodeHeaderText(content.subject)}`,
    ...(content.headers ?? []).map(([name, value]) => `${name}: ${encodeHeaderText(value)}`),
    'MIME-Version: 1.0',
  ];
  const inline = content.attachments.filter((attachment) => attachment.isInline);
  const attached = content.attachments.filter((attachment) => !attachment.isInline);
  let entity = bodyPart(content);
  if (inline.length)
    entity = multipart('related', boundaryFor(content, 'rel'), [entity, ...inline.map(attachmentPart)]);
  if (attached.length)
    entity = multipart('mixed', boundaryFor(content, 'mix'), [entity, ...attached.map(attachmentPart)]);
  // Parts are ASCII except an embedded message, which keeps its own bytes: the entity is written byte for byte.
  return Buffer.concat([Buffer.from(`${headers.join('\r\n')}\r\n`, 'utf8'), Buffer.from(entity, 'latin1')]);
}
