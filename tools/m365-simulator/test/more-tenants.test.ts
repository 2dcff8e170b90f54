import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { demoProviderTenant, mintUserToken, startSimulator, type RunningSimulator } from '../src/index.js';

/**
 * One simulator, two tenants behind one authority and one Graph endpoint, as Microsoft serves every tenant: a provider's
 * own directory beside its customer's. https://learn.microsoft.com/entra/identity-platform/v2-protocols#endpoints
 */
const provider = demoProviderTenant();

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ tenant: 'demo', moreTenants: [provider] });
});

afterAll(async () => {
  await sim.stop();
});

async function appTokenOf(tenantId: string, app: { clientId: string; clientSecret: string }): Promise<string> {
  const response = await fetch(`${sim.authorityHost}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function graph(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sim.graphBaseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
}

test("each tenant's app token reads its own directory, and a user of the other tenant is not found", async () => {
  const [second] = sim.moreTenants;
  expect(second?.tenantId).toBe(provider.tenantId);
  const providerToken = await appTokenOf(provider.tenantId!, second!.app);
  expect(decodeJwt(providerToken)).toMatchObject({ tid: provider.tenantId });
  const providerUsers = (await (await graph(providerToken, '/users')).json()) as { value: { id: string }[] };
  expect(providerUsers.value.map((user) => user.id).sort()).toEqual(
    second!.control
      .listUsers()
      .map((user) => user.id)
      .sort(),
  );

  const customerToken = await appTokenOf(sim.tenantId, sim.app);
  const customerUsers = (await (await graph(customerToken, '/users')).json()) as { value: { id: string }[] };
  expect(customerUsers.value.map((user) => user.id).sort()).toEqual(
    sim.control
      .listUsers()
      .map((user) => user.id)
      .sort(),
  );
  const operator = second!.control.listUsers()[0]!;
  expect((await graph(customerToken, `/users/${operator.id}`)).status).toBe(404);
  expect((await graph(providerToken, `/users/${operator.id}`)).status).toBe(200);
});

test("a tenant's app cannot take a token in the other tenant, and its tokens are refused there", async () => {
  const [second] = sim.moreTenants;
  const refused = await fetch(`${sim.authorityHost}/${provider.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sim.app.clientId,
      client_secret: sim.app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  // The customer's app registration is not in the provider's directory: Entra's AADSTS700016.
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error_description: string }).error_description).toMatch(/^AADSTS700016:/);
  // A token whose tid claim was edited to the other tenant fails that tenant's signature or issuer check.
  const providerToken = await appTokenOf(provider.tenantId!, second!.app);
  const [header, payload, signature] = providerToken.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = [
    header,
    Buffer.from(JSON.stringify({ ...claims, tid: sim.tenantId })).toString('base64url'),
    signature,
  ];
  expect((await graph(forged.join('.'), '/users')).status).toBe(401);
});

test("mail sent by the provider's mailbox goes out of the provider's tenant, not the customer's", async () => {
  const [second] = sim.moreTenants;
  const sender = second!.control.listUsers().find((user) => user.userPrincipalName.startsWith('backup.office365'))!;
  const token = await appTokenOf(provider.tenantId!, second!.app);
  const sent = await graph(token, `/users/${sender.id}/sendMail`, {
    method: 'POST',
    body: JSON.stringify({
      message: {
        subject: 'Attivazione del servizio',
        body: { contentType: 'Text', content: 'Benvenuti.' },
        toRecipients: [{ emailAddress: { address: 'it@cliente.example' } }],
      },
    }),
  });
  expect(sent.status).toBe(202);
  expect(second!.control.outbox().map((mail) => [mail.userId, mail.message.subject])).toEqual([
    [sender.id, 'Attivazione del servizio'],
  ]);
  expect(sim.control.outbox().filter((mail) => mail.message.subject === 'Attivazione del servizio')).toEqual([]);
});

test('a person of the second tenant gets a token for the shared app from that tenant, verified with the one key set', async () => {
  const [second] = sim.moreTenants;
  const operator = second!.control.listUsers()[0]!;
  const token = await mintUserToken(sim, { id: operator.id });
  const keys = createRemoteJWKSet(new URL(`${sim.authorityHost}/${sim.tenantId}/discovery/v2.0/keys`));
  const { payload } = await jwtVerify(token, keys, { audience: sim.app.clientId });
  expect(payload).toMatchObject({ tid: provider.tenantId, oid: operator.id });
  const configuration = (await (
    await fetch(`${sim.authorityHost}/${provider.tenantId}/v2.0/.well-known/openid-configuration`)
  ).json()) as { issuer: string };
  expect(configuration.issuer).toBe(`https://login.microsoftonline.com/${provider.tenantId}/v2.0`);
});
