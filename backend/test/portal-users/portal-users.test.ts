import { MailOutbox, type Mailer, type OutgoingMail } from '../../src/api/index.js';
import { outboxLetters } from '../../src/tenants/mail-outbox.js';
import {
  person,
  seedPortalUser,
  startSeededHarness,
  tenantA,
  tenantB,
  type Harness,
  type TestPerson,
} from '../api/support/harness.js';

let api: Harness;
let admin: TestPerson;

beforeAll(async () => {
  ({ api, admin } = await startSeededHarness('portalusers'));
});
afterAll(() => api.close());

interface UserView {
  id: string;
  email: string;
  role: string;
  status: string;
}

/** Records what it is asked to send; fails the first `failures` calls, as a mail server that is down would. */
class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  constructor(private failures = 0) {}
  async send(mail: OutgoingMail): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('mail server unavailable');
    }
    this.sent.push(mail);
  }
}

test('invite, list, change the role, revoke and re-invite a portal user, each with its trace and letter', async () => {
  const token = await api.token(admin);
  const invited = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'Bruno Rossi', email: 'Bruno@1111.example', role: 'viewer' },
  });
  expect(invited).toMatchObject({
    status: 201,
    body: { email: 'bruno@1111.example', role: 'viewer', status: 'invited' },
  });
  const bruno = invited.body as UserView;
  const duplicate = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'B', email: 'bruno@1111.example', role: 'operator' },
  });
  expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'already_exists' } } });

  const viewers = await api.call('GET', '/portal-users?role=viewer', { token });
  expect((viewers.body as { items: UserView[] }).items.map((u) => u.email)).toEqual(['bruno@1111.example']);

  const brunoPerson = { tenantId: tenantA, oid: 'bruno-oid', email: 'bruno@1111.example', name: 'Bruno Rossi' };
  expect(await api.call('GET', '/me', { token: await api.token(brunoPerson) })).toMatchObject({
    body: { role: 'viewer' },
  });
  expect(await api.call('GET', `/portal-users/${bruno.id}`, { token })).toMatchObject({ body: { status: 'active' } });

  const promoted = await api.call('PATCH', `/portal-users/${bruno.id}`, { token, body: { role: 'operator' } });
  expect(promoted.body).toMatchObject({ role: 'operator' });
  const revoked = await api.call('DELETE', `/portal-users/${bruno.id}`, { token });
  expect(revoked.body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
  expect(await api.call('GET', '/me', { token: await api.token(brunoPerson) })).toMatchObject({
    body: { role: 'self_service' },
  });

  const reinvited = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'Bruno', email: 'bruno@1111.example', role: 'restore_operator' },
  });
  expect(reinvited).toMatchObject({ status: 201, body: { id: bruno.id, status: 'invited', role: 'restore_operator' } });

  const letters = await outboxLetters
    .scoped(api.database.db)
    .find(tenantA, { 'to.email': 'bruno@1111.example' })
    .toArray();
  expect(letters).toHaveLength(2);
  expect(letters.map((l) => l.subject)).toEqual([
    'Benvenuto in TIM Backup Office 365',
    'Benvenuto in TIM Backup Office 365',
  ]);

  const log = await api.call('GET', '/activity?category=portal_user&sort=seq', { token });
  expect((log.body as { items: { action: string }[] }).items.map((e) => e.action)).toEqual([
    'portal_user.invited',
    'portal_user.changed',
    'portal_user.revoked',
    'portal_user.invited',
  ]);
});

test('the last tenant administrator cannot be revoked or demoted', async () => {
  const token = await api.token(admin);
  const me = (await api.call('GET', `/portal-users?role=tenant_admin`, { token })).body as { items: UserView[] };
  const own = me.items.find((u) => u.email === admin.email)!;
  expect(await api.call('DELETE', `/portal-users/${own.id}`, { token })).toMatchObject({
    status: 409,
    body: { error: { code: 'last_admin' } },
  });
  expect(await api.call('PATCH', `/portal-users/${own.id}`, { token, body: { role: 'viewer' } })).toMatchObject({
    status: 409,
  });
});

test('another tenant’s portal users are invisible, by list and by id', async () => {
  const otherAdmin = person(tenantB, 'beatrice');
  await seedPortalUser(api.services, otherAdmin, 'tenant_admin');
  const token = await api.token(otherAdmin);
  const list = await api.call('GET', '/portal-users', { token });
  expect((list.body as { items: UserView[] }).items.map((u) => u.email)).toEqual([otherAdmin.email]);
  const someoneOfA = (
    (await api.call('GET', '/portal-users', { token: await api.token(admin) })).body as { items: UserView[] }
  ).items[0]!;
  expect((await api.call('GET', `/portal-users/${someoneOfA.id}`, { token })).status).toBe(404);
  expect((await api.call('DELETE', `/portal-users/${someoneOfA.id}`, { token })).status).toBe(404);
});

test('the outbox sends each letter once, even with two deliverers at the same time, and retries a failure', async () => {
  const outbox = new MailOutbox(api.database.db);
  for (let i = 0; i < 6; i += 1) {
    await outbox.enqueue({
      tenantId: tenantB,
      key: `test:${i}`,
      kind: 'test',
      to: { name: 'X', email: `x${i}@2222.example` },
      subject: `s${i}`,
      text: 't',
      html: '<p>t</p>',
    });
  }
  expect(
    await outbox.enqueue({
      tenantId: tenantB,
      key: 'test:0',
      kind: 'test',
      to: { name: 'X', email: 'x0@2222.example' },
      subject: 's0',
      text: 't',
      html: '',
    }),
  ).toBe(false);

  const flaky = new RecordingMailer(1);
  const steady = new RecordingMailer();
  const [a, b] = await Promise.all([outbox.deliverPending(flaky), outbox.deliverPending(steady)]);
  const delivered = [...flaky.sent, ...steady.sent].filter((m) => m.tenantId === tenantB).map((m) => m.subject);
  expect(a.failed + b.failed).toBe(1);
  const retry = new RecordingMailer();
  await outbox.deliverPending(retry);
  const all = [...delivered, ...retry.sent.filter((m) => m.tenantId === tenantB).map((m) => m.subject)].sort();
  expect(all).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  const nothingLeft = new RecordingMailer();
  await outbox.deliverPending(nothingLeft);
  expect(nothingLeft.sent).toHaveLength(0);
});
