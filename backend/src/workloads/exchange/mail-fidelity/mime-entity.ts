import type { HeaderField, StructuredValue } from './header-values.js';

/**
 * One MIME entity of a message, as the comparison sees it: its headers, its content type, and either its children
 * (multipart), its decoded content (leaf) or, for message/rfc822, the nested message parsed in turn.
 */
export interface MimeEntity {
  /** Every header field of the entity, in order. */
  headers: HeaderField[];
  /** Content-Type with decoded parameters; text/plain when absent (RFC 2045 5.2), message/rfc822 in a digest. */
  contentType: StructuredValue;
  disposition?: StructuredValue;
  /** Disposition's filename, else Content-Type's name, decoded. */
  filename?: string;
  children: MimeEntity[];
  /** Leaf content with its transfer encoding undone. */
  content?: Buffer;
  /** A message/rfc822 leaf's content parsed as a message, or why it could not be. */
  embedded?: MimeEntity | { unreadable: string };
  /** multipart/signed only: the raw bytes of the first body part, which the signature covers (RFC 1847 2.1). */
  signedContent?: Buffer;
}

export function isMultipart(entity: MimeEntity): boolean {
  return entity.contentType.value.startsWith('multipart/');
}

/** A part a reader saves rather than displays: it has a file name or says it is an attachment. */
export function isAttachment(entity: MimeEntity): boolean {
  return entity.filename !== undefined || entity.disposition?.value === 'attachment';
}
