import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { mintUserToken, startSimulator, type RunningSimulator } from '../src/index.js';
import { appToken, graphFor, msalFor, rawGraph } from './support/clients.js';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim.stop();
});

/** The client credentials form msal-node would post, for assertions on the raw token endpoint answers. */
const clientCredentials = (scope = 'https://graph.microsoft.com/.default') =>
  new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sim.app.clientId,
    client_secret: sim.app.clientSecret,
    scope,
  });

const firstUser = () => sim.control.listUsers()[0] as { id: string; userPrincipalName: string };

describe('identity (Entra token endpoint, discovery, JWKS)', () => {
  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
  test('client credentials through msal-node give a Graph token with the claims Entra issues', async () => {
    const token = await appToken(sim);
    const claims = decodeJwt(token);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.iss).toBe(`https://sts.windows.net/${sim.tenantId}/`);
    expect(claims['tid']).toBe(sim.tenantId);
    expect(claims['appid']).toBe(sim.app.clientId);
    expect(claims['idtyp']).toBe('app');
    expect(claims['roles']).toEqual(expect.arrayContaining(['Mail.ReadWrite', 'Files.ReadWrite.All']));
    expect(claims['scp']).toBeUndefined();
  });

  // https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri
  test('the openid-configuration names a JWKS that verifies the tokens (RS256)', async () => {
    const configuration = (await (
      await fetch(`${sim.authorityHost}/${sim.tenantId}/v2.0/.well-known/openid-configuration`)
    ).json()) as { jwks_uri: string; issuer: string; token_endpoint: string };
    expect(configuration.issuer).toBe(`https://login.microsoftonline.com/${sim.tenantId}/v2.0`);
    expect(configuration.token_endpoint).toBe(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`);
    const user = firstUser();
    const ssoToken = await mintUserToken(sim, user);
    const { payload, protectedHeader } = await jwtVerify(
      ssoToken,
      createRemoteJWKSet(new URL(configuration.jwks_uri)),
      {
        issuer: configuration.issuer,
        audience: sim.app.clientId,
      },
    );
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload['scp']).toBe('access_as_user');
    expect(payload['oid']).toBe(user.id);
    expect(payload['preferred_username']).toBe(user.userPrincipalName);
    expect(payload['tid']).toBe(sim.tenantId);
  });

  // https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS7000215)
  test('a wrong client secret is refused with invalid_client AADSTS7000215', async () => {
    await expect(
      msalFor(sim, { clientSecret: 'wrong' }).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toMatchObject({
      errorCode: 'invalid_client',
      errorMessage: expect.stringContaining('AADSTS7000215'),
    });
  });

  // https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS90002)
  test('an unknown tenant is refused with AADSTS90002', async () => {
    const response = await fetch(`${sim.authorityHost}/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token`, {
      method: 'POST',
      body: clientCredentials(),
    });
    const body = (await response.json()) as { error: string; error_codes: number[] };
    expect(response.status).toBe(400);
    expect(body.error).toBe('invalid_request');
    expect(body.error_codes).toEqual([90002]);
  });

  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow (scope must be {resource}/.default)
  test('client credentials without a /.default scope are refused with invalid_scope', async () => {
    const response = await fetch(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: clientCredentials('Mail.Read'),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_scope');
  });

  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
  test('on-behalf-of exchanges a Teams SSO token for a delegated Graph token limited to the user', async () => {
    const user = firstUser();
    const other = sim.control.listUsers()[1] as { id: string };
    const result = await msalFor(sim).acquireTokenOnBehalfOf({
      oboAssertion: await mintUserToken(sim, user),
      scopes: ['https://graph.microsoft.com/.default'],
    });
    const token = result?.accessToken ?? '';
    const claims = decodeJwt(token);
    expect(claims['scp']).toEqual(expect.stringContaining('Mail.ReadWrite'));
    expect(claims['oid']).toBe(user.id);
    expect(claims['roles']).toBeUndefined();
    const graph = graphFor(sim, async () => token);
    const me = (await graph.client.api('/me').get()) as { id: string };
    expect(me.id).toBe(user.id);
    await expect(graph.client.api(`/users/${other.id}/mailFolders`).get()).rejects.toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
    });
  });

  // https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS500133)
  test('on-behalf-of with an expired user token fails with invalid_grant AADSTS500133', async () => {
    const expired = await mintUserToken(sim, firstUser(), { expiresInSeconds: -120 });
    await expect(
      msalFor(sim).acquireTokenOnBehalfOf({ oboAssertion: expired, scopes: ['https://graph.microsoft.com/.default'] }),
    ).rejects.toMatchObject({
      errorCode: 'invalid_grant',
      errorMessage: expect.stringContaining('AADSTS500133'),
    });
  });
});

describe('the sign-in page', () => {
  // Entra's pages follow the person's language; the simulator's speaks the product's two.
  test('speaks Italian when ui_locales or the browser asks for it, English otherwise', async () => {
    sim.control.addSpaRedirectUri('http://localhost:3000/tab/signed-in');
    const query = new URLSearchParams({
      client_id: sim.app.clientId,
      response_type: 'code',
      redirect_uri: 'http://localhost:3000/tab/signed-in',
      scope: 'openid',
    });
    const page = (headers: Record<string, string>, extra = '') =>
      fetch(`${sim.authorityHost}/organizations/oauth2/v2.0/authorize?${query.toString()}${extra}`, { headers }).then(
        (answer) => answer.text(),
      );
    expect(await page({}, '&ui_locales=it-IT')).toContain('Scegli un account di');
    expect(await page({ 'accept-language': 'it-IT,it;q=0.9,en;q=0.5' })).toContain('<html lang="it">');
    expect(await page({ 'accept-language': 'en-GB' })).toContain('Pick an account of');
  });
});

describe('Graph authentication and error shape', () => {
  // https://learn.microsoft.com/graph/errors
  test('a call without a token gets 401 InvalidAuthenticationToken in the OData error shape with request-id', async () => {
    const response = await fetch(`${sim.graphBaseUrl}/users`, { headers: { 'client-request-id': 'abc-123' } });
    const body = (await response.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(body.error.innerError['date']).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('tokens expired through the control API are refused; a fresh token works', async () => {
    const token = await appToken(sim);
    expect((await rawGraph(sim, token, '/organization')).status).toBe(200);
    sim.control.expireTokens();
    const refused = await rawGraph(sim, token, '/organization');
    expect(refused.status).toBe(401);
    const fresh = await fetch(`${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: clientCredentials(),
    });
    const { access_token: accessToken } = (await fresh.json()) as { access_token: string };
    expect((await rawGraph(sim, accessToken, '/organization')).status).toBe(200);
  });

  test('a token signed by another key is refused', async () => {
    const other = await startSimulator();
    try {
      const foreign = await appToken(other);
      expect((await rawGraph(sim, foreign, '/users')).status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
