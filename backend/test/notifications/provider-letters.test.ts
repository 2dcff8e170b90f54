import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes } from '../../src/db/index.js';
import {
  GraphMailer,
  lettersOfThisProcess,
  noProviderMailboxReason,
  noSenderReason,
} from '../../src/notifications/index.js';
import { writeSettings } from '../../src/settings/settings-store.js';
import { MailOutbox, outboxLetters, unsentLetters } from '../../src/tenants/mail-outbox.js';
import type { LetterSender } from '../../src/tenants/mailer.js';
import { sentMail, startTenantSim, type TenantSim } from './notification-setup.js';

/**
 * Two directories, as in production: the customer's, and the provider's own, whose mailbox sends the provider's letters
 * (welcome letters, support notices) through the provider's registration; the customer's sender sends only the
 * customer's operational notices.
 */
let database: TestDatabase;
let customer: TenantSim;
let provider: TenantSim;
let outbox: MailOutbox;

beforeAll(async () => {
  database = await openTestDatabase('provider-letters');
  await ensureIndexes(database.db);
  customer = await startTenantSim(database.db, '33333333-3333-4333-8333-333333333333', 'gamma.onmicrosoft.com');
  provider = await startTenantSim(database.db, '7e1c2a90-5b3d-4c1e-9f2a-0d4b6c8e1a22', 'telco.onmicrosoft.com');
  outbox = new MailOutbox(database.db);
});

afterAll(async () => {
  await database.dispose();
  await customer.sim.stop();
  await provider.sim.stop();
});

const graphFor = async (tenantId: string) => (tenantId === provider.tenantId ? provider : customer).gateway;

function mailer(providerMailbox: string | undefined): GraphMailer {
  return new GraphMailer({
    db: database.db,
    graphFor,
    provider: { tenantId: provider.tenantId, mailbox: providerMailbox },
  });
}

function letter(key: string, subject: string, from?: LetterSender) {
  return {
    tenantId: customer.tenantId,
    key,
    kind: key.split(':')[0]!,
    ...(from && { from }),
    to: { name: 'Referente IT', email: 'it@gamma.example' },
    subject,
    text: subject,
    html: `<p>${subject}</p>`,
  };
}

async function letterOf(key: string) {
  return outboxLetters.scoped(database.db).findOne(customer.tenantId, { key }, { projection: { _id: 0 } });
}

test('a new customer’s welcome letter goes out from the provider’s mailbox though the customer has no sender yet', async () => {
  await writeSettings(database.db, customer.tenantId, { notificationSender: null }, new Date());
  await outbox.enqueue(letter('welcome:1', 'Benvenuto in Backup Office 365', 'provider'));
  await outbox.enqueue(letter('notification:1', 'Backup non riuscito: job "Posta"'));

  await outbox.deliverPending(mailer(provider.sender));

  expect(sentMail(provider)).toEqual([
    expect.objectContaining({
      from: provider.sender,
      to: ['it@gamma.example'],
      subject: 'Benvenuto in Backup Office 365',
    }),
  ]);
  expect(sentMail(customer)).toEqual([]);
  expect(await letterOf('notification:1')).toMatchObject({ status: 'pending', attempts: 0, lastError: noSenderReason });
  // What Settings says waits for the customer's sender: its own letter, not the provider's.
  expect(await unsentLetters(database.db, customer.tenantId)).toBe(1);
});

test('without a provider mailbox the provider’s letters wait with the reason and spend no attempt; the customer’s go', async () => {
  await writeSettings(database.db, customer.tenantId, { notificationSender: customer.sender }, new Date());
  await outbox.enqueue(letter('support:1', 'Risposta alla segnalazione', 'provider'));

  await outbox.deliverPending(mailer(undefined));
  expect(await letterOf('support:1')).toMatchObject({
    status: 'pending',
    attempts: 0,
    lastError: noProviderMailboxReason,
  });
  expect(sentMail(customer).map((mail) => [mail.from, mail.subject])).toEqual([
    [customer.sender, 'Backup non riuscito: job "Posta"'],
  ]);

  await outbox.deliverPending(mailer(provider.sender));
  expect(await letterOf('support:1')).toMatchObject({ status: 'sent' });
  expect(sentMail(provider).map((mail) => mail.subject)).toContain('Risposta alla segnalazione');
  expect(sentMail(customer)).toHaveLength(1);
});

test('a worker-only process sends its own tenant’s letters and leaves the others’ and the provider’s untouched', async () => {
  const otherTenant = '44444444-4444-4444-8444-444444444444';
  await outbox.enqueue({ ...letter('notification:9', 'Avviso di un altro cliente'), tenantId: otherTenant });
  await outbox.enqueue(letter('welcome:9', 'Benvenuta, Olga', 'provider'));
  await outbox.enqueue(letter('notification:10', 'Backup non riuscito: job "Archivio"'));
  const onlyCustomer = lettersOfThisProcess({ serves: (tenantId) => tenantId === customer.tenantId });

  await outbox.deliverPending(mailer(undefined), 100, onlyCustomer);

  expect(await letterOf('notification:10')).toMatchObject({ status: 'sent' });
  expect(await letterOf('welcome:9')).toMatchObject({ status: 'pending', attempts: 0 });
  expect((await letterOf('welcome:9'))?.lastError).toBeUndefined();
  const other = await outboxLetters
    .scoped(database.db)
    .findOne(otherTenant, { key: 'notification:9' }, { projection: { _id: 0 } });
  expect(other).toMatchObject({ status: 'pending', attempts: 0 });
  expect(other?.lastError).toBeUndefined();

  // The product's process, which reaches every tenant and has the provider's mailbox, sends the welcome letter.
  await outbox.deliverPending(
    mailer(provider.sender),
    100,
    lettersOfThisProcess({ provider: { tenantId: provider.tenantId, mailbox: provider.sender } }),
  );
  expect(await letterOf('welcome:9')).toMatchObject({ status: 'sent' });
});
