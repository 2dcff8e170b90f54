import { randomUUID } from 'node:crypto';
import { mintUserToken, startSimulator, type RunningSimulator, type UserSummary } from '@custodia/m365-simulator';
import { ClientCredentialsConsentProbe } from '../../src/tenants/admin-consent.js';
import { seedPortalUser, seedTenant, simulatorIdentity, startHarness, type Harness } from '../api/support/harness.js';

let sim: RunningSimulator;
let api: Harness;
let consent: ClientCredentialsConsentProbe;
let itManager: UserSummary;
let employee: UserSummary;

beforeAll(async () => {
  sim = await startSimulator();
  consent = new ClientCredentialsConsentProbe({ authorityHost: sim.authorityHost, ...sim.app });
  api = await startHarness({
    prefix: 'simsignin',
    consent,
    identity: simulatorIdentity(sim),
  });
  [itManager, employee] = sim.control.listUsers() as [UserSummary, UserSummary];
  await seedTenant(api.services, sim.tenantId, false);
  await seedPortalUser(
    api.services,
    {
      tenantId: sim.tenantId,
      oid: itManager.id,
      email: itManager.userPrincipalName.toLowerCase(),
      name: itManager.displayName,
    },
    'tenant_admin',
  );
});
afterAll(async () => {
  await api?.close();
  await sim?.stop();
});

const code = (body: unknown) => (body as { error?: { code: string } }).error?.code;

test('Teams SSO tokens from the simulated authority are verified against its JWKS and mapped to roles', async () => {
  const admin = await api.call('GET', '/me', { token: await mintUserToken(sim, itManager) });
  expect(admin).toMatchObject({
    status: 200,
    body: { role: 'tenant_admin', tenantId: sim.tenantId, name: itManager.displayName },
  });
  const teamsAudience = await mintUserToken(sim, itManager, { audience: `api://localhost/${sim.app.clientId}` });
  expect((await api.call('GET', '/me', { token: teamsAudience })).status).toBe(200);
  const selfService = await api.call('GET', '/me', { token: await mintUserToken(sim, employee) });
  expect(selfService.body).toMatchObject({ role: 'self_service' });
});

test('expired, foreign-audience and unscoped simulator tokens are refused', async () => {
  const expired = await api.call('GET', '/me', {
    token: await mintUserToken(sim, itManager, { expiresInSeconds: -120 }),
  });
  expect({ status: expired.status, code: code(expired.body) }).toEqual({ status: 401, code: 'token_expired' });
  const otherApp = await api.call('GET', '/me', {
    token: await mintUserToken(sim, itManager, { audience: 'api://localhost/other-app' }),
  });
  expect({ status: otherApp.status, code: code(otherApp.body) }).toEqual({ status: 401, code: 'token_invalid' });
  const unscoped = await api.call('GET', '/me', {
    token: await mintUserToken(sim, itManager, { scopes: ['User.Read'] }),
  });
  expect({ status: unscoped.status, code: code(unscoped.body) }).toEqual({ status: 401, code: 'token_invalid' });
});

test('admin consent is checked against the authority’s token endpoint and recorded in the setup, with whether it allows full-fidelity Exchange restores', async () => {
  expect(await consent.grantedPermissions(sim.tenantId)).toContain('MailboxItem.ImportExport.All');
  expect(await consent.grantedPermissions(randomUUID())).toBeNull();
  const wrongSecret = new ClientCredentialsConsentProbe({
    authorityHost: sim.authorityHost,
    clientId: sim.app.clientId,
    clientSecret: 'wrong',
  });
  await expect(wrongSecret.grantedPermissions(sim.tenantId)).rejects.toThrow(/answered 401/);

  const token = await mintUserToken(sim, itManager);
  const checked = await api.call('POST', '/tenant/setup/admin-consent/check', { token });
  expect(checked.status).toBe(200);
  expect(checked.body).toMatchObject({
    setup: {
      adminConsentGrantedAt: expect.any(String),
      fullFidelityRestore: true,
      missing: ['data_location', 'workloads', 'confirmation'],
    },
  });

  // An administrator who consented without the mailbox import/export API is told so; a later grant is picked up.
  const allRoles = sim.control.appRoles();
  sim.control.setAppRoles(allRoles.filter((role) => role !== 'MailboxItem.ImportExport.All'));
  const without = await api.call('POST', '/tenant/setup/admin-consent/check', { token });
  expect(without.body).toMatchObject({ setup: { fullFidelityRestore: false } });
  sim.control.setAppRoles(allRoles);
  const regranted = await api.call('POST', '/tenant/setup/admin-consent/check', { token });
  expect(regranted.body).toMatchObject({
    setup: {
      adminConsentGrantedAt: (checked.body as { setup: { adminConsentGrantedAt: string } }).setup.adminConsentGrantedAt,
      fullFidelityRestore: true,
    },
  });
});
