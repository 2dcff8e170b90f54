import type { Db } from 'mongodb';
import { sendMail, type GraphGateway } from '../graph/index.js';
import { readSettings } from '../settings/settings-store.js';
import type { LetterSender, Mailer, OutgoingMail } from '../tenants/mailer.js';

/** Said on letters that wait because the tenant has not named a sender mailbox. */
export const noSenderReason =
  'No sender mailbox is configured (settings: notificationSender); the letter waits until one is set. / ' +
  'Nessuna casella mittente configurata (impostazioni: notificationSender); la lettera attende finché non viene impostata.';

/** Said on the provider's letters while the provider has no mailbox configured. */
export const noProviderMailboxReason =
  "No provider mailbox in this process's configuration (PROVIDER_MAILBOX); the provider's letters wait for one. / " +
  'Nessuna casella del fornitore nella configurazione di questo processo (PROVIDER_MAILBOX); le lettere del fornitore la attendono.';

export interface GraphMailerOptions {
  readonly db: Db;
  /** The Graph gateway of a tenant: a customer's, or the provider's own directory. */
  readonly graphFor: (tenantId: string) => Promise<GraphGateway>;
  /**
   * The provider's mailbox (UPN or object id in the provider's own directory), which sends activation and welcome
   * letters and support notices through the provider's registration; absent, those letters wait.
   */
  readonly provider?: { readonly tenantId: string; readonly mailbox: string | undefined };
}

/**
 * Sends the outbox's letters through Graph `POST /users/{sender}/sendMail`. A customer's operational notices go out
 * from the mailbox that customer named as its sender, through the app's access to the customer's directory; the
 * provider's letters (activation, welcome, support) from the provider's own mailbox, through the provider's own
 * registration in its own directory, so a new customer's first letter never waits for a sender the customer has not
 * set yet.
 */
export class GraphMailer implements Mailer {
  constructor(private readonly options: GraphMailerOptions) {}

  async holdReason(tenantId: string, from: LetterSender): Promise<string | undefined> {
    if (from === 'provider') return this.options.provider?.mailbox ? undefined : noProviderMailboxReason;
    return (await this.senderOf(tenantId)) === null ? noSenderReason : undefined;
  }

  async send(mail: OutgoingMail): Promise<void> {
    const { sender, tenantId } = await this.sendingMailbox(mail);
    const gateway = await this.options.graphFor(tenantId);
    const message = {
      subject: mail.subject,
      body: { contentType: 'HTML', content: mail.html },
      toRecipients: [{ emailAddress: { name: mail.to.name, address: mail.to.email } }],
    };
    // A 429 or 503 means Graph did not take the letter: the gateway repeats those. Anything else
    // fails this attempt; the outbox tries again later rather than risk sending the letter twice.
    await sendMail(gateway, sender, message);
  }

  /** The mailbox a letter goes out from, and the directory it lives in. */
  private async sendingMailbox(mail: OutgoingMail): Promise<{ sender: string; tenantId: string }> {
    if (mail.from === 'provider') {
      const provider = this.options.provider;
      if (!provider?.mailbox) throw new Error(noProviderMailboxReason);
      return { sender: provider.mailbox, tenantId: provider.tenantId };
    }
    const sender = await this.senderOf(mail.tenantId);
    if (sender === null) throw new Error(noSenderReason);
    return { sender, tenantId: mail.tenantId };
  }

  private async senderOf(tenantId: string): Promise<string | null> {
    return (await readSettings(this.options.db, tenantId)).notificationSender;
  }
}
