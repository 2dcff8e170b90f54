import type { Db } from 'mongodb';
import type { GraphGateway } from '../graph/index.js';
import { readSettings } from '../settings/settings-store.js';
import type { Mailer, OutgoingMail } from '../tenants/mailer.js';

/** Said on letters that wait because the tenant has not named a sender mailbox. */
export const noSenderReason =
  'No sender mailbox is configured (settings: notificationSender); the letter waits until one is set. / ' +
  'Nessuna casella mittente configurata (impostazioni: notificationSender); la lettera attende finché non viene impostata.';

export interface GraphMailerOptions {
  readonly db: Db;
  /** The Graph gateway of a customer tenant. */
  readonly graphFor: (tenantId: string) => Promise<GraphGateway>;
}

/**
 * Sends the outbox's letters through Graph `POST /users/{sender}/sendMail`, from the mailbox the
 * customer tenant named as its sender. Every letter of a tenant, welcome letters included, goes out
 * from that tenant's own sender: the app holds `Mail.Send` in the customer's directory, not in the
 * provider's, and the recipients are the customer's people.
 */
export class GraphMailer implements Mailer {
  constructor(private readonly options: GraphMailerOptions) {}

  async holdReason(tenantId: string): Promise<string | undefined> {
    return (await this.senderOf(tenantId)) === null ? noSenderReason : undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const sender = await this.senderOf(mail.tenantId);
    if (sender === null) throw new Error(noSenderReason);
    const gateway = await this.options.graphFor(mail.tenantId);
    const message = {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: [{ emailAddress: { name: mail.to.name, address: mail.to.email } }],
    };
    // A 429 or 503 means Graph did not take the letter: the gateway repeats those. Anything else
    // fails this attempt; the outbox tries again later rather than risk sending the letter twice.
    await gateway.sendJson(
      'POST',
      `/users/${encodeURIComponent(sender)}/sendMail`,
      { message },
      {
        resource: { kind: 'mailbox', userId: sender },
      },
    );
  }

  private async senderOf(tenantId: string): Promise<string | null> {
    return (await readSettings(this.options.db, tenantId)).notificationSender;
  }
}
