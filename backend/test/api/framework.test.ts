import { apiRoutes } from '../../src/api/index.js';
import {
  clientId,
  person,
  providerTenant,
  seedPortalUser,
  seedProviderOperator,
  seedTenant,
  startHarness,
  tenantA,
  type Harness,
} from './support/harness.js';

let api: Harness;
const admin = person(tenantA, 'anna');
const newcomer = person(tenantA, 'nico');
const operatorOfProvider = person(providerTenant, 'paolo');

beforeAll(async () => {
  api = await startHarness({ prefix: 'framework' });
  await seedTenant(api.services, tenantA);
  await seedPortalUser(api.services, admin, 'tenant_admin');
  await seedPortalUser(api.services, newcomer, 'operator', false);
  await seedProviderOperator(api.services, operatorOfProvider);
});
afterAll(() => api.close());

interface ErrorShape {
  error: { code: string; message: string; details?: unknown };
}
const errorOf = (body: unknown) => (body as ErrorShape).error;

describe('OpenAPI document', () => {
  test('is served without a token and describes every route of the route table', async () => {
    const answer = await api.call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const document = answer.body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((o) => o.operationId),
    );
    expect(operations.sort()).toEqual(apiRoutes.map((route) => route.id).sort());
    const onboard = document.paths['/api/v1/provider/tenants']?.post as unknown as {
      requestBody: {
        content: { 'application/json': { schema: { additionalProperties: boolean; required: string[] } } };
      };
    };
    expect(onboard.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(onboard.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['tenantId', 'name', 'itManager']),
    );
  });
});

describe('sign-in', () => {
  test('no token: 401 in the one error shape, English by default and Italian on request', async () => {
    const english = await api.call('GET', '/tenant');
    expect(english.status).toBe(401);
    expect(errorOf(english.body)).toEqual({
      code: 'unauthenticated',
      message: expect.stringMatching(/^Sign-in required/),
    });
    const italian = await api.call('GET', '/tenant', { headers: { 'accept-language': 'it-IT,it;q=0.9,en;q=0.8' } });
    expect(errorOf(italian.body).message).toMatch(/^Accesso richiesto/);
  });

  test('expired, wrongly addressed, wrongly issued, unscoped and foreign-signed tokens are refused', async () => {
    const cases: [string, Promise<string>, string][] = [
      ['expired', api.token(admin, { expiresInSeconds: -120 }), 'token_expired'],
      ['wrong audience', api.token(admin, { audience: 'api://localhost/another-app' }), 'token_invalid'],
      [
        'issuer of another tenant',
        api.token(admin, { issuer: `https://login.microsoftonline.com/${providerTenant}/v2.0` }),
        'token_invalid',
      ],
      ['no access_as_user scope', api.token(admin, { scopes: 'User.Read' }), 'token_invalid'],
    ];
    for (const [, token, code] of cases) {
      const answer = await api.call('GET', '/me', { token: await token });
      expect({ status: answer.status, code: errorOf(answer.body).code }).toEqual({ status: 401, code });
    }
    const forged = (await api.token(admin)).split('.');
    forged[1] = Buffer.from(JSON.stringify({ tid: tenantA, oid: admin.oid, aud: clientId })).toString('base64url');
    expect((await api.call('GET', '/me', { token: forged.join('.') })).status).toBe(401);
    expect((await api.call('GET', '/me', { token: 'not-a-jwt' })).status).toBe(401);
  });

  test('the client id itself is an accepted audience, as for Outlook tokens', async () => {
    const answer = await api.call('GET', '/me', { token: await api.token(admin, { audience: clientId }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ role: 'tenant_admin', tenantId: tenantA, termsToAccept: null });
  });

  test('a person of a tenant that was never onboarded is told that their organisation is not enabled', async () => {
    const stranger = person('33333333-3333-4333-8333-333333333333', 'sara');
    const answer = await api.call('GET', '/me', { token: await api.token(stranger) });
    expect(answer.status).toBe(403);
    expect(errorOf(answer.body).code).toBe('tenant_not_onboarded');
  });

  test('any other person of an onboarded tenant is a self-service user; the tenant default language applies', async () => {
    const answer = await api.call('GET', '/me', { token: await api.token(person(tenantA, 'ugo')) });
    expect(answer.body).toMatchObject({ role: 'self_service', language: 'it', termsToAccept: null });
    const refused = await api.call('GET', '/tenant', { token: await api.token(person(tenantA, 'ugo')) });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).message).toBe('Non hai i permessi per questa operazione.');
  });

  test('a provider operator is recognised from the provider directory; other provider staff are not', async () => {
    const answer = await api.call('GET', '/me', { token: await api.token(operatorOfProvider) });
    expect(answer.body).toMatchObject({ role: 'provider_operator', kind: 'provider' });
    const other = await api.call('GET', '/me', { token: await api.token(person(providerTenant, 'ignoto')) });
    expect(other.status).toBe(403);
  });
});

describe('licence terms at first sign-in', () => {
  test('a portal user must accept the current terms before anything else, and the acceptance is recorded', async () => {
    const token = await api.token(newcomer);
    expect(await api.call('GET', '/me', { token })).toMatchObject({ body: { termsToAccept: '2025-04' } });
    const blocked = await api.call('GET', '/tenant', { token, headers: { 'accept-language': 'en' } });
    expect(blocked.status).toBe(403);
    expect(errorOf(blocked.body)).toMatchObject({ code: 'terms_not_accepted', details: { version: '2025-04' } });
    expect(errorOf(blocked.body).message).toContain('2025-04');

    const terms = await api.call('GET', '/terms', { token, headers: { 'accept-language': 'en' } });
    expect(terms.body).toMatchObject({
      version: '2025-04',
      accepted: false,
      text: expect.stringContaining('retention'),
    });
    const stale = await api.call('POST', '/terms/acceptance', { token, body: { version: '2022-09' } });
    expect(stale.status).toBe(400);
    const accepted = await api.call('POST', '/terms/acceptance', { token, body: { version: '2025-04' } });
    expect(accepted.status).toBe(201);
    expect((await api.call('GET', '/tenant', { token })).status).toBe(200);

    const log = await api.call('GET', '/activity?action=terms.accepted', { token: await api.token(admin) });
    expect(log.body).toMatchObject({
      items: [{ action: 'terms.accepted', actor: { email: newcomer.email }, details: { version: '2025-04' } }],
    });
  });
});

describe('input validation', () => {
  let token: string;
  beforeAll(async () => {
    token = await api.token(admin);
  });

  test('unknown fields, wrong types and missing fields are refused with their paths', async () => {
    const answer = await api.call('PUT', '/tenant/setup/data-location', {
      token,
      body: { dataLocation: 'italy-north', extra: 1 },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body)).toMatchObject({
      code: 'invalid_request',
      details: [{ location: 'body', path: 'extra', code: 'unrecognized_keys' }],
    });
    const wrongType = await api.call('PUT', '/tenant/setup/workloads', { token, body: { workloads: 'exchange' } });
    expect(errorOf(wrongType.body).details).toContainEqual({
      location: 'body',
      path: 'workloads',
      code: 'invalid_type',
    });
  });

  test('a body that is not JSON, or too large, gets the API error shape', async () => {
    const broken = await api.call('POST', '/terms/acceptance', {
      token,
      rawBody: '{"version": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(errorOf(broken.body).code).toBe('invalid_json');
    const huge = await api.call('POST', '/terms/acceptance', { token, body: { version: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(errorOf(huge.body).code).toBe('body_too_large');
    const form = await api.call('POST', '/terms/acceptance', {
      token,
      rawBody: 'version=2025-04',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  test('operator objects in query strings are refused, not passed to the database', async () => {
    const provider = await api.token(operatorOfProvider);
    for (const query of ['name[$ne]=x', 'name[$regex]=.*', 'setup[$exists]=true', 'limit[$gt]=0', 'sort=$where']) {
      const answer = await api.call('GET', `/provider/tenants?${query}`, { token: provider });
      expect({ query, status: answer.status, code: errorOf(answer.body).code }).toEqual({
        query,
        status: 400,
        code: 'invalid_request',
      });
    }
    const unknown = await api.call('GET', '/provider/tenants?tenantId=x', { token: provider });
    expect(errorOf(unknown.body).details).toEqual([{ location: 'query', path: 'tenantId', code: 'unrecognized_keys' }]);
    const regexText = await api.call('GET', `/provider/tenants?name=${encodeURIComponent('.*')}`, { token: provider });
    expect(regexText.body).toEqual({ items: [], nextCursor: null });
  });

  test('an address under the API that does not exist answers in the error shape', async () => {
    const answer = await api.call('GET', '/no-such-thing', { headers: { 'accept-language': 'it' } });
    expect(answer.status).toBe(404);
    expect(errorOf(answer.body)).toEqual({ code: 'route_not_found', message: expect.stringContaining('non esiste') });
  });
});

test('a client outside Teams learns, without signing in, which app and scope to sign in for', async () => {
  const answer = await api.call('GET', '/client-config');
  expect(answer.body).toEqual({
    clientId,
    authority: 'https://login.microsoftonline.com/organizations',
    apiScope: `api://localhost/${clientId}/access_as_user`,
  });
});
