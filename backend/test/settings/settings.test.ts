import { MailOutbox } from '../../src/tenants/mail-outbox.js';
import { recipientsFor } from '../../src/settings/notification-recipients.js';
import { person, seedPortalUser, seedTenant, startHarness, tenantA, type Harness } from '../api/support/harness.js';

let api: Harness;
const admin = person(tenantA, 'anna');
const viewer = person(tenantA, 'vera');

beforeAll(async () => {
  api = await startHarness({ prefix: 'settings' });
  await seedTenant(api.services, tenantA);
  await seedPortalUser(api.services, admin, 'tenant_admin');
  await seedPortalUser(api.services, viewer, 'viewer');
});
afterAll(() => api.close());

test('settings default to self-service off, OneDrive approval on, Italian; changes are kept and logged', async () => {
  const token = await api.token(admin);
  expect((await api.call('GET', '/settings', { token })).body).toEqual({
    selfServiceRestore: false,
    oneDriveSelfServiceNeedsApproval: true,
    defaultLanguage: 'it',
    notificationSender: null,
    lettersWaitingForSender: 0,
  });
  expect((await api.call('PATCH', '/settings', { token, body: {} })).status).toBe(400);
  expect((await api.call('PATCH', '/settings', { token, body: { selfServiceRestore: 'yes' } })).status).toBe(400);
  const changed = await api.call('PATCH', '/settings', {
    token,
    body: { selfServiceRestore: true, defaultLanguage: 'en' },
  });
  expect(changed.body).toEqual({
    selfServiceRestore: true,
    oneDriveSelfServiceNeedsApproval: true,
    defaultLanguage: 'en',
    notificationSender: null,
    lettersWaitingForSender: 0,
  });

  const denied = await api.call('PATCH', '/settings', {
    token: await api.token(viewer),
    body: { selfServiceRestore: false },
  });
  expect(denied).toMatchObject({
    status: 403,
    body: { error: { message: 'You do not have permission for this operation.' } },
  });
  const italianAsked = await api.call('PATCH', '/settings', {
    token: await api.token(viewer),
    headers: { 'accept-language': 'it' },
    body: { selfServiceRestore: false },
  });
  expect(italianAsked.body).toMatchObject({ error: { message: 'Non hai i permessi per questa operazione.' } });

  const log = await api.call('GET', '/activity?action=settings.changed', { token });
  expect(log.body).toMatchObject({ items: [{ details: { selfServiceRestore: true, defaultLanguage: 'en' } }] });

  expect((await api.call('PATCH', '/settings', { token, body: { notificationSender: 'not a mailbox' } })).status).toBe(
    400,
  );
  const sender = await api.call('PATCH', '/settings', { token, body: { notificationSender: 'Backup@1111.example' } });
  expect(sender.body).toMatchObject({ notificationSender: 'backup@1111.example' });
  expect((await api.call('PATCH', '/settings', { token, body: { notificationSender: null } })).body).toMatchObject({
    notificationSender: null,
  });
});

test("the tenant's own letters that wait for a sender mailbox are counted until one is set; the provider's are not", async () => {
  const token = await api.token(admin);
  const invited = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'Olga Rossi', email: 'olga@1111.example', role: 'viewer' },
  });
  expect(invited.status).toBe(201);
  // The harness's provider has no mailbox configured: the API says the welcome letter waits for one.
  expect(invited.body).toMatchObject({ welcomeLetter: 'waits_for_provider_mailbox' });
  await new MailOutbox(api.database.db).enqueue({
    tenantId: tenantA,
    key: 'notification:run-1|it@1111.example',
    kind: 'notification:run.failed',
    to: { name: 'IT', email: 'it@1111.example' },
    subject: 'Backup non riuscito: job "Posta"',
    text: 'Backup non riuscito',
    html: '<p>Backup non riuscito</p>',
  });
  const waiting = (await api.call('GET', '/settings', { token })).body as { lettersWaitingForSender: number };
  expect(waiting.lettersWaitingForSender).toBe(1);
  const withSender = await api.call('PATCH', '/settings', {
    token,
    body: { notificationSender: 'backup@1111.example' },
  });
  expect(withSender.body).toMatchObject({ notificationSender: 'backup@1111.example', lettersWaitingForSender: 0 });
  const withoutSender = await api.call('PATCH', '/settings', { token, body: { notificationSender: null } });
  expect(withoutSender.body).toMatchObject({ lettersWaitingForSender: 1 });
});

test('notification recipients choose their events; the notifier finds them per event', async () => {
  const token = await api.token(admin);
  const added = await api.call('POST', '/notification-recipients', {
    token,
    body: { name: 'Servizio IT', email: 'IT@1111.example', events: ['job.failed', 'job.warning', 'job.failed'] },
  });
  expect(added).toMatchObject({
    status: 201,
    body: { email: 'it@1111.example', language: 'it', events: ['job.failed', 'job.warning'] },
  });
  const id = (added.body as { id: string }).id;
  await api.call('POST', '/notification-recipients', {
    token,
    body: { name: 'CFO', email: 'cfo@1111.example', language: 'en', events: ['licence.overrun'] },
  });
  const addStatus = async (body: unknown) =>
    (await api.call('POST', '/notification-recipients', { token, body })).status;
  expect(await addStatus({ name: 'x', email: 'it@1111.example', events: ['job.failed'] })).toBe(409);
  expect(await addStatus({ name: 'x', email: 'y@1111.example', events: ['job.exploded'] })).toBe(400);

  expect((await recipientsFor(api.database.db, tenantA, 'job.failed')).map((r) => r.email)).toEqual([
    'it@1111.example',
  ]);
  await api.call('PATCH', `/notification-recipients/${id}`, {
    token,
    body: { events: ['licence.overrun', 'restore.finished'] },
  });
  expect(await recipientsFor(api.database.db, tenantA, 'job.failed')).toEqual([]);
  expect((await recipientsFor(api.database.db, tenantA, 'licence.overrun')).map((r) => r.email)).toEqual([
    'cfo@1111.example',
    'it@1111.example',
  ]);
  const filtered = await api.call('GET', '/notification-recipients?event=restore.finished', {
    token: await api.token(viewer),
  });
  expect((filtered.body as { items: { email: string }[] }).items.map((r) => r.email)).toEqual(['it@1111.example']);

  expect((await api.call('DELETE', `/notification-recipients/${id}`, { token })).status).toBe(200);
  expect((await api.call('DELETE', `/notification-recipients/${id}`, { token })).status).toBe(404);
  expect(await recipientsFor(api.database.db, tenantA, 'restore.finished')).toEqual([]);
});
