import PostalMime, { type Address, type Email } from 'postal-mime';
import type { MailPart, MailParts } from './restore-mail-parts.js';

/** PidTagMessageFlags bits (learn.microsoft.com/openspecs/exchange_server_protocols/ms-oxcmsg, section 2.2.1.6). */
const mfRead = 0x1;
const mfSubmitted = 0x4;

/** A custom named property that tags each restored message, to find it again after a crash. */
export const restoreMarkerPropertyId = 'String {6e1f3c52-9b8d-4a27-8f3e-2d1c0b9a8e71} Name CustodiaRestoreMarker';

interface GraphRecipient {
  emailAddress: { name?: string; address: string };
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
  attachments: MailPart[];
}

/**
 * Exchange keeps at most five custom headers on a message, each named `x-…`; Graph refuses more with 400
 * InvalidInternetMessageHeaderCollection (learn.microsoft.com/graph/api/resources/message, internetMessageHeaders).
 */
const maxCustomHeaders = 5;

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

/**
 * The JSON that creates the backed-up message as a received (not draft) message: PidTagMessageFlags without the
 * unsent bit, the original submit and delivery times, read state, flag, importance and categories. Creating from
 * base64 MIME would make a draft whose flag cannot be cleared (learn.microsoft.com/graph/api/user-post-messages).
 */
export function messageToCreate(
  email: Email,
  parts: MailParts,
  state: BackedUpMailState,
  marker: string | undefined,
): MessageToCreate {
  const sent = state.sentDateTime ?? (email.date ? new Date(email.date).toISOString() : undefined);
  const received = state.receivedDateTime ?? sent;
  const flags = mfSubmitted | (state.isRead === false ? 0 : mfRead);
  const extended = [
    { id: 'Integer 0x0E07', value: String(flags) },
    ...(sent ? [{ id: 'SystemTime 0x0039', value: sent }] : []),
    ...(received ? [{ id: 'SystemTime 0x0E06', value: received }] : []),
    ...(marker ? [{ id: restoreMarkerPropertyId, value: marker }] : []),
  ];
  const from = recipients(email.from ? [email.from] : undefined)[0];
  const internetMessageId = state.internetMessageId ?? (email.messageId || undefined);
  const headers = customHeaders(email);
  const json: Record<string, unknown> = {
    subject: parts.subject ?? email.subject ?? '',
    body: parts.body,
    ...(from && { from, sender: from }),
    toRecipients: recipients(email.to),
    ccRecipients: recipients(email.cc),
    bccRecipients: recipients(email.bcc),
    replyTo: recipients(email.replyTo),
    ...(headers.length > 0 && { internetMessageHeaders: headers }),
    ...(internetMessageId && { internetMessageId }),
    isRead: state.isRead ?? true,
    ...(state.importance && { importance: state.importance }),
    ...(state.categories && { categories: state.categories }),
    ...(isFlag(state.flag) && { flag: state.flag }),
    singleValueExtendedProperties: extended,
  };
  return { json, attachments: parts.attachments };
}

/** The message's own `x-` headers Exchange can keep (the first five, Exchange's own `x-ms-` ones left out). */
function customHeaders(email: Email): Array<{ name: string; value: string }> {
  return email.headers
    .filter((header) => /^x-/i.test(header.key) && !/^x-ms-/i.test(header.key))
    .slice(0, maxCustomHeaders)
    .map((header) => ({ name: header.originalKey, value: header.value.replace(/\s*\r?\n\s*/g, ' ') }));
}

function isFlag(value: unknown): value is { flagStatus: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { flagStatus?: unknown }).flagStatus === 'string'
  );
}

const entities: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an HTML body: scripts, styles and tags out, entities decoded (whitespace left as it is). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (entities[name.toLowerCase()] ?? whole),
    );
}
