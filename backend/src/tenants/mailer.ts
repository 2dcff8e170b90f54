/**
 * Who a letter goes out from: the customer tenant's own sender mailbox (its operational notices: runs, restores,
 * licences, digests), or the provider's mailbox (activation and welcome letters, support notices), through the
 * provider's own registration in its own directory.
 */
export type LetterSender = 'tenant' | 'provider';

/** A letter ready to send: plain text and HTML bodies in the recipient's language. */
export interface OutgoingMail {
  readonly tenantId: string;
  /** Absent: the tenant's sender. */
  readonly from?: LetterSender;
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Sends one letter (`GraphMailer` in `../notifications`: Graph `sendMail` from the tenant's
 * configured sender); the API only ever writes letters to the outbox.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /**
   * Why letters of this tenant from this sender cannot be sent yet (no sender mailbox configured), or undefined when
   * they can. Held letters stay pending with this reason and spend none of their attempts.
   */
  holdReason?(tenantId: string, from: LetterSender): Promise<string | undefined>;
}
