/** A letter ready to send: plain text and HTML bodies in the recipient's language. */
export interface OutgoingMail {
  readonly tenantId: string;
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Sends one letter. The lead wires this to Microsoft Graph `sendMail` (from the tenant's
 * configured sender); the API only ever writes letters to the outbox.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
