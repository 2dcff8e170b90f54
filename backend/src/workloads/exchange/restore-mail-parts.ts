import { decodeText, isAttachment, isMultipart, parseMimeTree, type MimeEntity } from './mail-fidelity/index.js';

/** A file attachment with its bytes exactly as backed up (transfer encoding undone, nothing else). */
export interface FilePart {
  kind: 'file';
  name: string;
  contentType: string;
  isInline: boolean;
  contentId?: string;
  bytes: Buffer;
}

/** A forwarded message (message/rfc822): Graph carries it as an item attachment, itself a message. */
export interface MessagePart {
  kind: 'message';
  name: string;
  /** Whether the MIME part named itself (else `name` is a default and the message's subject names it better). */
  named: boolean;
  /** The forwarded message's own MIME, byte for byte. */
  mime: Buffer;
}

export type MailPart = FilePart | MessagePart;

export interface MailParts {
  /** The Subject as written, encoded-words decoded and raw 8-bit bytes read as windows-1252 when not UTF-8. */
  subject: string | undefined;
  /** The body Graph shows: the HTML alternative when there is one, else the plain text, decoded by its charset. */
  body: { contentType: 'html' | 'text'; content: string };
  attachments: MailPart[];
}

/** Names for attachments that have none, by type, so that a .ics still opens as a calendar. */
const defaultNames: Record<string, string> = {
  'text/calendar': 'invite.ics',
  'application/ics': 'invite.ics',
  'message/rfc822': 'message.eml',
  'application/pkcs7-signature': 'smime.p7s',
  'application/pkcs7-mime': 'smime.p7m',
};

function isBodyText(entity: MimeEntity): boolean {
  return (
    (entity.contentType.value === 'text/html' || entity.contentType.value === 'text/plain') && !isAttachment(entity)
  );
}

function leavesOf(entity: MimeEntity, parentType: string | undefined, out: Array<[MimeEntity, string | undefined]>) {
  if (!isMultipart(entity)) out.push([entity, parentType]);
  else for (const child of entity.children) leavesOf(child, entity.contentType.value, out);
  return out;
}

function textOf(entity: MimeEntity): string {
  return decodeText(entity.content ?? Buffer.alloc(0), entity.contentType.params.get('charset')).text;
}

/**
 * Splits a message's MIME into what JSON creation can carry: one body and its attachments. Text is decoded by its
 * declared charset (windows-1252 when none is declared: a legacy 8-bit message never becomes U+FFFD); attachments
 * keep their exact bytes (a parser that re-writes a calendar's line breaks is not used here); forwarded messages stay
 * messages. What JSON cannot carry (the other alternative, the MIME structure, headers) the verifier reports.
 */
export async function mailPartsOf(mime: Buffer): Promise<MailParts> {
  const root = await parseMimeTree(mime);
  const leaves = leavesOf(root, undefined, []);
  const texts = leaves.filter(([leaf]) => isBodyText(leaf)).map(([leaf]) => leaf);
  const html = texts.filter((leaf) => leaf.contentType.value === 'text/html');
  const chosen = html.length > 0 ? html : texts.filter((leaf) => leaf.contentType.value === 'text/plain');
  const body = {
    contentType: html.length > 0 ? ('html' as const) : ('text' as const),
    content: chosen.map(textOf).join(html.length > 0 ? '<br>' : '\n'),
  };
  const attachments: MailPart[] = [];
  for (const [leaf, parentType] of leaves) {
    if (isBodyText(leaf)) continue;
    const type = leaf.contentType.value;
    const name = leaf.filename ?? leaf.contentType.params.get('name') ?? defaultNames[type] ?? 'attachment';
    const bytes = leaf.content ?? Buffer.alloc(0);
    if (type === 'message/rfc822') {
      attachments.push({ kind: 'message', name, named: leaf.filename !== undefined, mime: bytes });
      continue;
    }
    const contentId = leaf.headers.find((header) => header.name === 'content-id')?.value.replace(/^<|>$/g, '');
    const isInline =
      leaf.disposition?.value === 'inline' || (parentType === 'multipart/related' && contentId !== undefined);
    attachments.push({
      kind: 'file',
      name,
      contentType: type,
      isInline,
      ...(contentId && { contentId }),
      bytes,
    });
  }
  const subject = root.headers.find((header) => header.name === 'subject')?.value;
  return { subject, body, attachments };
}
