import { outboxLetters } from '../../src/tenants/mail-outbox.js';
import { tenantRecords } from '../../src/tenants/tenant-store.js';
import {
  person,
  providerTenant,
  seedPortalUser,
  seedProviderOperator,
  seedTenant,
  startHarness,
  type Harness,
} from '../api/support/harness.js';

let api: Harness;
const provider = person(providerTenant, 'paolo');
const customer = '44444444-4444-4444-8444-444444444444';
const itManager = {
  tenantId: customer,
  oid: 'f1c0ffee-0000-4000-8000-000000000001',
  email: 'it.manager@cliente.example',
  name: 'Ida Manager',
};

beforeAll(async () => {
  api = await startHarness({ prefix: 'onboarding' });
  await seedProviderOperator(api.services, provider);
});
afterAll(() => api.close());

interface TenantView {
  setup: { missing: string[]; dataLocation: string | null; workloads: string[]; confirmedAt: string | null };
}

test('from onboarding by the provider to a confirmed tenant setup, the API says what is missing at each step', async () => {
  const providerToken = await api.token(provider);
  const onboarded = await api.call('POST', '/provider/tenants', {
    token: providerToken,
    body: {
      tenantId: customer,
      name: 'Cliente Srl',
      itManager: { name: itManager.name, email: 'IT.Manager@Cliente.example' },
    },
  });
  expect(onboarded.status).toBe(201);
  expect((onboarded.body as TenantView).setup.missing).toEqual([
    'data_location',
    'workloads',
    'admin_consent',
    'confirmation',
  ]);
  const again = await api.call('POST', '/provider/tenants', {
    token: providerToken,
    body: { tenantId: customer, name: 'Cliente Srl', itManager: { name: itManager.name, email: itManager.email } },
  });
  expect(again.status).toBe(409);

  const letters = await outboxLetters.scoped(api.database.db).find(customer).toArray();
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({
    kind: 'welcome_letter',
    from: 'provider',
    status: 'pending',
    to: { email: 'it.manager@cliente.example' },
    subject: 'Benvenuto in TIM Backup Office 365',
  });
  expect(letters[0]!.text).toContain('https://custodia.example/portal');
  expect(letters[0]!.text).toContain(
    'Accedi con il tuo account aziendale di Cliente Srl, quello che usi per Teams e Outlook: gli account Microsoft personali',
  );
  expect(letters[0]!.text).not.toContain('signup.live.com');
  expect(letters[0]!.text).toContain('imposta il tenant');

  // The IT manager signs in for the first time: recognised by email, then bound to their object id.
  const token = await api.token(itManager);
  expect(await api.call('GET', '/me', { token })).toMatchObject({
    body: { role: 'tenant_admin', termsToAccept: '2025-04' },
  });
  expect((await api.call('POST', '/terms/acceptance', { token, body: { version: '2025-04' } })).status).toBe(201);
  const impostor = await api.token({ ...itManager, oid: 'another-object-id' });
  expect(await api.call('GET', '/me', { token: impostor })).toMatchObject({ body: { role: 'self_service' } });

  const invitedEarly = await api.call('POST', '/portal-users', {
    token,
    headers: { 'accept-language': 'en' },
    body: { name: 'Oscar', email: 'oscar@cliente.example', role: 'operator' },
  });
  expect(invitedEarly.status).toBe(409);
  expect(invitedEarly.body).toMatchObject({
    error: {
      code: 'tenant_setup_incomplete',
      message:
        'The tenant is not set up yet: complete Tenant setup (missing: “Where backup data is kept”, “Services to protect”, “Microsoft 365 permissions”, “Confirmation”).',
      details: { missing: ['data_location', 'workloads', 'admin_consent', 'confirmation'] },
    },
  });

  expect(
    (await api.call('PUT', '/tenant/setup/data-location', { token, body: { dataLocation: 'milan' } })).status,
  ).toBe(400);
  // The provider has a store only for Italy North (the harness's STORE_LOCATIONS): Western Europe is not offered.
  expect(await api.call('GET', '/tenant/setup/data-locations', { token })).toMatchObject({
    status: 200,
    body: { offered: ['italy-north'] },
  });
  for (const [language, message] of [
    [
      'it',
      'I dati non possono essere salvati in Europa occidentale (Paesi Bassi): per questa posizione il fornitore non ha configurato un archivio. Posizioni disponibili: Italia (Milano).',
    ],
    [
      'en',
      'Data cannot be kept in Western Europe (Netherlands): the provider has configured no store for this location. Available locations: Italy (Milan).',
    ],
  ] as const) {
    const unavailable = await api.call('PUT', '/tenant/setup/data-location', {
      token,
      headers: { 'accept-language': language },
      body: { dataLocation: 'west-europe' },
    });
    expect(unavailable).toMatchObject({
      status: 409,
      body: { error: { code: 'data_location_unavailable', message, details: { offered: ['italy-north'] } } },
    });
  }
  expect((await api.call('GET', '/tenant', { token })).body).toMatchObject({ setup: { dataLocation: null } });
  await api.call('PUT', '/tenant/setup/data-location', { token, body: { dataLocation: 'italy-north' } });
  const withWorkloads = await api.call('PUT', '/tenant/setup/workloads', {
    token,
    body: { workloads: ['teams', 'exchange', 'sharepoint-onedrive', 'exchange'] },
  });
  expect((withWorkloads.body as TenantView).setup).toMatchObject({
    dataLocation: 'italy-north',
    workloads: ['exchange', 'sharepoint-onedrive', 'teams'],
    missing: ['admin_consent', 'confirmation'],
  });

  const tooEarly = await api.call('POST', '/tenant/setup/confirmation', {
    token,
    headers: { 'accept-language': 'it' },
    body: { confirm: true },
  });
  expect(tooEarly).toMatchObject({
    status: 409,
    body: {
      error: {
        code: 'setup_not_ready',
        message: 'Il setup non può essere confermato finché manca: «Autorizzazioni Microsoft 365».',
        details: { missing: ['admin_consent'] },
      },
    },
  });

  const consentLink = await api.call(
    'GET',
    `/tenant/setup/admin-consent?redirectUri=${encodeURIComponent('https://custodia.example/consent')}`,
    { token },
  );
  const url = new URL((consentLink.body as { url: string }).url);
  expect(url.pathname).toBe(`/${customer}/v2.0/adminconsent`);
  expect(url.searchParams.get('redirect_uri')).toBe('https://custodia.example/consent');

  const notYet = await api.call('POST', '/tenant/setup/admin-consent/check', { token });
  expect(notYet).toMatchObject({ status: 409, body: { error: { code: 'consent_missing' } } });
  // Consent granted out of band (the simulator's token endpoint knows one tenant only): recorded as the check would.
  await tenantRecords
    .scoped(api.database.db)
    .updateOne(customer, {}, { $set: { 'setup.adminConsent': { grantedAt: new Date(), checkedBy: itManager.email } } });

  const confirmed = await api.call('POST', '/tenant/setup/confirmation', { token, body: { confirm: true } });
  expect(confirmed.status).toBe(200);
  expect((confirmed.body as TenantView).setup.missing).toEqual([]);
  const moved = await api.call('PUT', '/tenant/setup/data-location', { token, body: { dataLocation: 'west-europe' } });
  expect(moved).toMatchObject({ status: 409, body: { error: { code: 'setup_already_confirmed' } } });

  const invited = await api.call('POST', '/portal-users', {
    token,
    body: { name: 'Oscar', email: 'oscar@cliente.example', role: 'operator' },
  });
  expect(invited.status).toBe(201);

  const status = await api.call('GET', `/provider/tenants/${customer}`, { token: providerToken });
  expect((status.body as TenantView).setup.confirmedAt).not.toBeNull();
  const list = await api.call('GET', '/provider/tenants?setup=complete&name=clie', { token: providerToken });
  expect((list.body as { items: { tenantId: string }[] }).items.map((t) => t.tenantId)).toEqual([customer]);

  const log = await api.call('GET', '/activity/export.csv', { token });
  const actions = log.text
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split('","')[5]);
  expect(actions).toEqual([
    'tenant.onboarded',
    'terms.accepted',
    'tenant.data_location_set',
    'tenant.workloads_set',
    'tenant.setup_confirmed',
    'portal_user.invited',
  ]);
});

test('a setup whose data location lost its store before confirmation is refused at confirmation', async () => {
  // The provider now configures a store for Western Europe only (STORE_LOCATIONS changed after the choice).
  const westOnly = await startHarness({ database: api.database, dataLocations: ['west-europe'] });
  try {
    const tenantId = '55555555-5555-4555-8555-555555555555';
    await seedTenant(westOnly.services, tenantId, false);
    await tenantRecords.scoped(api.database.db).updateOne(
      tenantId,
      {},
      {
        $set: {
          'setup.dataLocation': 'italy-north',
          'setup.workloads': ['exchange'],
          'setup.adminConsent': { grantedAt: new Date(), checkedBy: 'fixture' },
        },
      },
    );
    const admin = person(tenantId, 'ada');
    await seedPortalUser(westOnly.services, admin, 'tenant_admin');
    const token = await westOnly.token(admin);
    const refused = await westOnly.call('POST', '/tenant/setup/confirmation', {
      token,
      headers: { 'accept-language': 'en' },
      body: { confirm: true },
    });
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'data_location_unavailable', details: { offered: ['west-europe'] } } },
    });
    expect((await westOnly.call('GET', '/tenant', { token })).body).toMatchObject({ setup: { confirmedAt: null } });
  } finally {
    await westOnly.close();
  }
});
