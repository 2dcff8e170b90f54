/** A letter ready to send: plain text and HTML bodies in the recipient's language. */
export interface OutgoingMail {
  readonly tenantId: string;
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
   * Why this tenant's letters cannot be sent yet (no sender configured), or undefined when they
   * can. A held tenant's letters stay pending with this reason and spend none of their attempts.
   */
  holdReason?(tenantId: string): Promise<string | undefined>;
}
