/** A message's content as Graph exposes it as JSON; MIME is built from it, or it is parsed out of MIME. */
export interface Address {
  name: string;
  address: string;
}

export interface AttachmentContent {
  name: string;
  contentType: string;
  isInline: boolean;
  contentId?: string;
  /** The attachment's bytes; for an item attachment (`message/rfc822`), the attached message's MIME. */
  bytes: Buffer;
}

export interface MessageContent {
  subject: string;
  from?: Address;
  to: Address[];
  cc: Address[];
  /** Bcc recipients: kept in a draft's or a sent copy's MIME, as Exchange keeps them. */
  bcc?: Address[];
  /** Where replies go (the message's `replyTo`, the Reply-To header). */
  replyTo?: Address[];
  date: Date;
  messageId: string;
  /** The message this one replies to or forwards (`In-Reply-To`), without angle brackets. */
  inReplyTo?: string;
  /** The thread it belongs to, root first (`References`), without angle brackets. */
  references?: string[];
  body: { contentType: 'text' | 'html'; content: string };
  attachments: AttachmentContent[];
  /** Custom (`x-`) internet message headers written into the built MIME. */
  headers?: Array<[string, string]>;
}
