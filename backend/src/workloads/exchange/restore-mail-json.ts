import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email } from 'postal-mime';

/** PidTagMessageFlags bits (learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxcmsg, section 2.2.1.6). */
const mfRead = 0x1;
const mfSubmitted = 0x4;

/** A custom named property that tags each restored message, to find it again after a crash. */
export const restoreMarkerPropertyId = 'String {6e1f3c52-9b8d-4a27-8f3e-2d1c0b9a8e71} Name CustodiaRestoreMarker';

interface GraphRecipient {
  emailAddress: { name?: string; address: string };
}

export interface MailAttachment {
  name: string;
  contentType: string;
  isInline: boolean;
  contentId?: string;
  bytes: Buffer;
}

/** The catalog's record of a message's Outlook state at backup time. */
export interface BackedUpMailState {
  sentDateTime?: string;
  receivedDateTime?: string;
  isRead?: boolean;
  flag?: unknown;
  importance?: string;
  categories?: string[];
  internetMessageId?: string;
}

export interface MessageToCreate {
  /** JSON for `POST /users/{id}/mailFolders/{id}/messages`, attachments excluded (they follow one by one). */
  json: Record<string, unknown>;
  attachments: MailAttachment[];
}

export function parseMime(mime: Buffer): Promise<Email> {
  return PostalMime.parse(mime, { attachmentEncoding: 'arraybuffer' });
}

function recipients(addresses: readonly Address[] | undefined): GraphRecipient[] {
  const flat = (addresses ?? []).flatMap((address) => (address.group ? address.group : [address]));
  return flat
    .filter((mailbox) => mailbox.address)
    .map((mailbox) => ({
      emailAddress: { ...(mailbox.name && { name: mailbox.name }), address: mailbox.address as string },
    }));
}

export function attachmentsOf(email: Email): MailAttachment[] {
  return email.attachments.map((attachment, index) => ({
    name: attachment.filename ?? `attachment-${index + 1}`,
    contentType: attachment.mimeType,
    isInline: attachment.disposition === 'inline' || (attachment.related === true && !!attachment.contentId),
    ...(attachment.contentId && { contentId: attachment.contentId.replace(/^<|>$/g, '') }),
    bytes: Buffer.from(attachment.content as ArrayBuffer),
  }));
}

/**
 * The JSON that creates the backed-up message as a received (not draft) message: PidTagMessageFlags without the
 * unsent bit, the original submit and delivery times, read state, flag, importance and categories. Creating from
 * base64 MIME would make a draft whose flag cannot be cleared (learn.microsoft.com/graph/api/user-post-messages).
 */
export function messageToCreate(email: Email, state: BackedUpMailState, marker: string): MessageToCreate {
  const sent = state.sentDateTime ?? (email.date ? new Date(email.date).toISOString() : undefined);
  const received = state.receivedDateTime ?? sent;
  const flags = mfSubmitted | (state.isRead === false ? 0 : mfRead);
  const extended = [
    { id: 'Integer 0x0E07', value: String(flags) },
    ...(sent ? [{ id: 'SystemTime 0x0039', value: sent }] : []),
    ...(received ? [{ id: 'SystemTime 0x0E06', value: received }] : []),
    { id: restoreMarkerPropertyId, value: marker },
  ];
  const from = recipients(email.from ? [email.from] : undefined)[0];
  const internetMessageId = state.internetMessageId ?? (email.messageId || undefined);
  const json: Record<string, unknown> = {
    subject: email.subject ?? '',
    body:
      email.html !== undefined
        ? { contentType: 'html', content: email.html }
        : { contentType: 'text', content: email.text ?? '' },
    ...(from && { from, sender: from }),
    toRecipients: recipients(email.to),
    ccRecipients: recipients(email.cc),
    bccRecipients: recipients(email.bcc),
    replyTo: recipients(email.replyTo),
    ...(internetMessageId && { internetMessageId }),
    isRead: state.isRead ?? true,
    ...(state.importance && { importance: state.importance }),
    ...(state.categories && { categories: state.categories }),
    ...(isFlag(state.flag) && { flag: state.flag }),
    singleValueExtendedProperties: extended,
  };
  return { json, attachments: attachmentsOf(email) };
}

function isFlag(value: unknown): value is { flagStatus: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { flagStatus?: unknown }).flagStatus === 'string'
  );
}

/**
 * What two MIME renderings of one message must share to count as the same message. Graph regenerates headers and
 * boundaries, so raw bytes are not compared: the subject, addresses, body text and each attachment's bytes are.
 */
export interface MessageDigest {
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  body: string;
  attachments: string[];
}

export function digestOf(email: Email): MessageDigest {
  const addresses = (list: readonly Address[] | undefined): string[] =>
    recipients(list)
      .map((recipient) => recipient.emailAddress.address.toLowerCase())
      .sort();
  return {
    subject: (email.subject ?? '').trim(),
    from: addresses(email.from ? [email.from] : undefined).join(','),
    to: addresses(email.to),
    cc: addresses(email.cc),
    body: normalisedBody(email),
    attachments: attachmentsOf(email)
      .map((attachment) => {
        const sha = createHash('sha256').update(attachment.bytes).digest('hex');
        return `${attachment.name}|${sha}|${attachment.isInline ? (attachment.contentId ?? 'inline') : ''}`;
      })
      .sort(),
  };
}

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The words of the body: HTML tags and entities out, whitespace collapsed. */
function normalisedBody(email: Email): string {
  const source = email.html !== undefined ? htmlToText(email.html) : (email.text ?? '');
  return source.replace(/\s+/g, ' ').trim();
}

/** The text of an HTML body: scripts, styles and tags out, entities decoded (whitespace left as it is). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name.toLowerCase()] ?? whole),
    );
}

/** The fields where `restored` differs from `original`, by name. */
export function digestDifferences(original: MessageDigest, restored: MessageDigest): string[] {
  const differences: string[] = [];
  for (const field of ['subject', 'from', 'body'] as const) {
    if (original[field] !== restored[field]) differences.push(field);
  }
  for (const field of ['to', 'cc', 'attachments'] as const) {
    if (original[field].join('\n') !== restored[field].join('\n')) differences.push(field);
  }
  return differences;
}
