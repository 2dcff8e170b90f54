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
  bytes: Buffer;
}

export interface MessageContent {
  subject: string;
  from?: Address;
  to: Address[];
  cc: Address[];
  date: Date;
  messageId: string;
  body: { contentType: 'text' | 'html'; content: string };
  attachments: AttachmentContent[];
  headers?: Array<[string, string]>;
}
