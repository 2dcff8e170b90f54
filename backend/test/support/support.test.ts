import { outboxLetters } from '../../src/tenants/mail-outbox.js';
import {
  person,
  providerTenant,
  seedPortalUser,
  seedProviderOperator,
  startSeededHarness,
  tenantA,
  tenantB,
  type Harness,
} from '../api/support/harness.js';

let api: Harness;
const operator = person(tenantA, 'olga');
const viewer = person(tenantA, 'vera');
const otherAdmin = person(tenantB, 'beatrice');
const provider = person(providerTenant, 'paolo');

beforeAll(async () => {
  ({ api } = await startSeededHarness('support'));
  await seedPortalUser(api.services, operator, 'operator');
  await seedPortalUser(api.services, viewer, 'viewer');
  await seedPortalUser(api.services, otherAdmin, 'tenant_admin');
  await seedProviderOperator(api.services, provider);
});
afterAll(() => api.close());

interface Ticket {
  id: string;
  status: string;
  comments: { side: string; text: string }[];
}

test('a customer opens a ticket, the provider is notified, answers and resolves it; the customer closes it', async () => {
  const token = await api.token(operator);
  const opened = await api.call('POST', '/support/tickets', {
    token,
    body: {
      subject: 'Job notturno in Warning',
      description: 'Il job "Tutti" termina in Warning da ieri.',
      severity: 'high',
    },
  });
  expect(opened).toMatchObject({
    status: 201,
    body: { status: 'open', severity: 'high', openedBy: { email: operator.email } },
  });
  const ticket = opened.body as Ticket;

  const toProvider = await outboxLetters.scoped(api.database.db).find(tenantA, { kind: 'support_ticket' }).toArray();
  expect(toProvider).toHaveLength(1);
  expect(toProvider[0]).toMatchObject({
    from: 'provider',
    to: { email: 'supporto@provider.example' },
    subject: 'Nuova segnalazione (gravità alta): Job notturno in Warning',
  });

  const providerToken = await api.token(provider);
  const queue = await api.call('GET', '/provider/support/tickets?status=open', { token: providerToken });
  expect((queue.body as { items: { id: string; tenantId: string }[] }).items).toEqual([
    expect.objectContaining({ id: ticket.id, tenantId: tenantA }),
  ]);
  const answered = await api.call('POST', `/provider/tenants/${tenantA}/support/tickets/${ticket.id}/comments`, {
    token: providerToken,
    body: { text: 'Una casella supera la quota: vedi il log del job.' },
  });
  expect((answered.body as Ticket).comments).toEqual([expect.objectContaining({ side: 'provider' })]);
  const toCustomer = await outboxLetters
    .scoped(api.database.db)
    .find(tenantA, { 'to.email': operator.email, kind: 'support_ticket' })
    .toArray();
  expect(toCustomer).toHaveLength(1);
  await api.call('PATCH', `/provider/tenants/${tenantA}/support/tickets/${ticket.id}`, {
    token: providerToken,
    body: { status: 'resolved' },
  });

  expect(
    (await api.call('POST', `/support/tickets/${ticket.id}/comments`, { token, body: { text: 'Grazie!' } })).status,
  ).toBe(201);
  expect(
    (await api.call('PATCH', `/support/tickets/${ticket.id}`, { token, body: { status: 'resolved' } })).status,
  ).toBe(400);
  const closed = await api.call('PATCH', `/support/tickets/${ticket.id}`, { token, body: { status: 'closed' } });
  expect(closed.body).toMatchObject({ status: 'closed' });
  expect((closed.body as Ticket).comments.map((c) => c.side)).toEqual(['provider', 'customer']);

  const read = await api.call('GET', `/support/tickets/${ticket.id}`, { token: await api.token(viewer) });
  expect(read.status).toBe(200);
  expect(
    (
      await api.call('POST', '/support/tickets', {
        token: await api.token(viewer),
        body: { subject: 'abc', description: 'x' },
      })
    ).status,
  ).toBe(403);

  const log = await api.call('GET', '/activity?category=support_ticket&sort=seq', { token: await api.token(viewer) });
  expect(log.status).toBe(200);
  const entries = (log.body as { items: { action: string; actor: { role: string } }[] }).items;
  expect(entries.map((e) => `${e.action}/${e.actor.role}`)).toEqual([
    'support_ticket.opened/operator',
    'support_ticket.answered/provider_operator',
    'support_ticket.status_changed/provider_operator',
    'support_ticket.commented/operator',
    'support_ticket.status_changed/operator',
  ]);
});

test('another tenant cannot read or comment a ticket; the provider cannot reach it under the wrong tenant', async () => {
  const opened = await api.call('POST', '/support/tickets', {
    token: await api.token(operator),
    body: { subject: 'Restore lento', description: 'Il restore di una casella è lento.' },
  });
  const id = (opened.body as Ticket).id;
  const other = await api.token(otherAdmin);
  expect((await api.call('GET', `/support/tickets/${id}`, { token: other })).status).toBe(404);
  expect(
    (await api.call('POST', `/support/tickets/${id}/comments`, { token: other, body: { text: 'x' } })).status,
  ).toBe(404);
  expect(((await api.call('GET', '/support/tickets', { token: other })).body as { items: unknown[] }).items).toEqual(
    [],
  );
  const wrongTenant = await api.call('GET', `/provider/tenants/${tenantB}/support/tickets/${id}`, {
    token: await api.token(provider),
  });
  expect(wrongTenant.status).toBe(404);
});
