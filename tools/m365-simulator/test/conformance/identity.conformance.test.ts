import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { SignJWT, importPKCS8 } from 'jose';
import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { loopbackNetworkClient } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';
import { expectOAuthError } from './support/refusals.js';

const ENTRA = 'https://learn.microsoft.com/entra/identity-platform';
const CLIENT_CREDENTIALS = `${ENTRA}/v2-oauth2-client-creds-grant-flow`;
const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
  sim.control.addSpaRedirectUri('http://localhost/myapp/');
});

afterAll(async () => {
  await sim.stop();
});

function tokenRequest(authority: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return send(sim, {
    method: 'POST',
    path: `${sim.authorityHost}/${authority}/oauth2/v2.0/token`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

describe('token endpoint', () => {
  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${CLIENT_CREDENTIALS}#first-case-access-token-request-with-a-shared-secret`,
      shows: 'client credentials with the secret in the body: the documented token response',
    },
    async () => {
      const answer = await tokenRequest(sim.tenantId, {
        client_id: sim.app.clientId,
        scope: GRAPH_DEFAULT,
        client_secret: sim.app.clientSecret,
        grant_type: 'client_credentials',
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, { token_type: 'Bearer', expires_in: 3599, access_token: 'eyJ0eXAiOiJKV1Qi…' }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${CLIENT_CREDENTIALS}#first-case-access-token-request-with-a-shared-secret`,
      shows: 'client credentials with HTTP Basic client authentication (client_secret_basic)',
      pageExample: false,
    },
    async () => {
      const basic = Buffer.from(
        `${encodeURIComponent(sim.app.clientId)}:${encodeURIComponent(sim.app.clientSecret)}`,
      ).toString('base64');
      const answer = await tokenRequest(
        sim.tenantId,
        { scope: GRAPH_DEFAULT, grant_type: 'client_credentials' },
        { Authorization: `Basic ${basic}` },
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ token_type: 'Bearer' });
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${CLIENT_CREDENTIALS}#error-response`,
      shows: 'a scope without /.default: invalid_scope in the documented error layout',
    },
    async () => {
      const answer = await tokenRequest(sim.tenantId, {
        client_id: sim.app.clientId,
        scope: 'https://graph.microsoft.com/User.Read.All',
        client_secret: sim.app.clientSecret,
        grant_type: 'client_credentials',
      });
      expectOAuthError(answer, 400, 'invalid_scope', 1002012);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${ENTRA}/reference-error-codes#aadsts-error-codes`,
      shows: 'a wrong secret is invalid_client AADSTS7000215; no credential AADSTS7000218',
      pageExample: false,
    },
    async () => {
      const form = { client_id: sim.app.clientId, scope: GRAPH_DEFAULT, grant_type: 'client_credentials' };
      expectOAuthError(
        await tokenRequest(sim.tenantId, { ...form, client_secret: 'wrong' }),
        401,
        'invalid_client',
        7000215,
      );
      expectOAuthError(await tokenRequest(sim.tenantId, form), 401, 'invalid_client', 7000218);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${ENTRA}/reference-error-codes#aadsts-error-codes`,
      shows: 'client credentials through /organizations name no tenant: AADSTS50059',
      pageExample: false,
    },
    async () => {
      const answer = await tokenRequest('organizations', {
        client_id: sim.app.clientId,
        scope: GRAPH_DEFAULT,
        client_secret: sim.app.clientSecret,
        grant_type: 'client_credentials',
      });
      expectOAuthError(answer, 400, 'invalid_request', 50059);
    },
  );
});

describe('discovery', () => {
  for (const authority of ['common', 'organizations']) {
    documented(
      {
        endpoint: 'GET /:tenant/v2.0/.well-known/openid-configuration',
        page: `${ENTRA}/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri`,
        shows: `the ${authority} authority's metadata, its issuer the {tenantid} template`,
      },
      async () => {
        const answer = await send(sim, {
          path: `${sim.authorityHost}/${authority}/v2.0/.well-known/openid-configuration`,
        });
        expect(answer.status).toBe(200);
        expect(
          shapeDifferences(answer.body, {
            authorization_endpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
            token_endpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
            jwks_uri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
            userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
            subject_types_supported: ['pairwise'],
            issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
            response_types_supported: ['code'],
            id_token_signing_alg_values_supported: ['RS256'],
            scopes_supported: ['openid'],
          }),
        ).toEqual([]);
        const body = answer.body as { issuer: string; token_endpoint: string };
        expect(body.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
        expect(body.token_endpoint).toBe(`${sim.authorityHost}/${authority}/oauth2/v2.0/token`);
      },
    );
  }

  documented(
    {
      endpoint: 'GET /:tenant/v2.0/.well-known/openid-configuration',
      page: `${ENTRA}/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri`,
      shows: "the tenant's metadata names the tenant's issuer",
    },
    async () => {
      const answer = await send(sim, {
        path: `${sim.authorityHost}/${sim.tenantId}/v2.0/.well-known/openid-configuration`,
      });
      expect(answer.status).toBe(200);
      expect((answer.body as { issuer: string }).issuer).toBe(`https://login.microsoftonline.com/${sim.tenantId}/v2.0`);
    },
  );

  documented(
    {
      endpoint: 'GET /:tenant/discovery/v2.0/keys',
      page: `${ENTRA}/access-tokens#validate-tokens`,
      shows: 'the signing keys as a JWKS, for the tenant and for common',
      pageExample: false,
    },
    async () => {
      for (const authority of [sim.tenantId, 'common']) {
        const answer = await send(sim, { path: `${sim.authorityHost}/${authority}/discovery/v2.0/keys` });
        expect(answer.status).toBe(200);
        expect(
          shapeDifferences(answer.body, { keys: [{ kty: 'RSA', use: 'sig', kid: 'x', n: 'x', e: 'AQAB' }] }),
        ).toEqual([]);
      }
    },
  );

  documented(
    {
      endpoint: 'GET /common/discovery/instance',
      page: `${ENTRA}/msal-national-cloud`,
      shows: 'instance discovery names the tenant discovery endpoint and the authority aliases',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        path: `${sim.authorityHost}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${sim.authorityHost}/common/oauth2/v2.0/authorize`)}`,
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          tenant_discovery_endpoint: 'string',
          'api-version': '1.1',
          metadata: [{ preferred_network: 'x', preferred_cache: 'x', aliases: ['x'] }],
        }),
      ).toEqual([]);
    },
  );
});

describe('authorize', () => {
  documented(
    {
      endpoint: 'GET /:tenant/oauth2/v2.0/authorize',
      page: `${ENTRA}/v2-oauth2-auth-code-flow#request-an-authorization-code`,
      shows:
        'through /organizations, a silent request (prompt=none) comes back to the redirect URI with login_required and the state',
      pageExample: false,
    },
    async () => {
      const query = new URLSearchParams({
        client_id: sim.app.clientId,
        response_type: 'code',
        redirect_uri: 'http://localhost/myapp/',
        response_mode: 'query',
        scope: 'openid offline_access',
        state: '12345',
        prompt: 'none',
      });
      const answer = await send(sim, {
        path: `${sim.authorityHost}/organizations/oauth2/v2.0/authorize?${query.toString()}`,
      });
      expect(answer.status).toBe(302);
      const location = new URL(answer.headers.get('location') ?? '');
      expect(location.origin + location.pathname).toBe('http://localhost/myapp/');
      expect(location.searchParams.get('error')).toBe('login_required');
      expect(location.searchParams.get('state')).toBe('12345');
    },
  );

  documented(
    {
      endpoint: 'GET /:tenant/oauth2/v2.0/authorize',
      page: `${ENTRA}/v2-oauth2-auth-code-flow#request-an-authorization-code`,
      shows: 'an unknown application gets the error page, not a redirect',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        path: `${sim.authorityHost}/common/oauth2/v2.0/authorize?client_id=nobody&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%2F`,
      });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    },
  );
});

describe('certificate credentials (private_key_jwt)', () => {
  const CERTIFICATES = `${ENTRA}/certificate-credentials`;
  const tokenEndpoint = () => `${sim.authorityHost}/${sim.tenantId}/oauth2/v2.0/token`;

  /** An assertion as the page lays it out, signed with `privateKeyPem` and naming the app's certificate. */
  async function assertion(
    privateKeyPem: string,
    claims: { aud?: string; exp?: number; nbf?: number; iss?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const thumbprint = Buffer.from(sim.app.certificate.thumbprintSha256, 'hex').toString('base64url');
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprint })
      .setAudience(claims.aud ?? tokenEndpoint())
      .setIssuer(claims.iss ?? sim.app.clientId)
      .setSubject(sim.app.clientId)
      .setNotBefore(claims.nbf ?? now)
      .setExpirationTime(claims.exp ?? now + 600)
      .sign(await importPKCS8(privateKeyPem, 'PS256'));
  }

  const assertionRequest = (clientAssertion: string, type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') =>
    tokenRequest(sim.tenantId, {
      client_id: sim.app.clientId,
      scope: GRAPH_DEFAULT,
      grant_type: 'client_credentials',
      client_assertion_type: type,
      client_assertion: clientAssertion,
    });

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${ENTRA}/v2-oauth2-client-creds-grant-flow#second-case-access-token-request-with-a-certificate`,
      shows: 'msal-node signs the client_assertion with the registered certificate and the token it gets reads Graph',
    },
    async () => {
      const host = new URL(sim.authorityHost).host;
      const msal = new ConfidentialClientApplication({
        auth: {
          clientId: sim.app.clientId,
          authority: `https://${host}/${sim.tenantId}`,
          knownAuthorities: [host],
          clientCertificate: {
            thumbprintSha256: sim.app.certificate.thumbprintSha256,
            privateKey: sim.app.certificate.privateKeyPem,
          },
        },
        system: { networkClient: loopbackNetworkClient(sim.authorityHost) },
      });
      const result = await msal.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
      const users = await send(sim, { path: '/users?$top=1', token: result?.accessToken ?? '' });
      expect(users.status).toBe(200);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: CERTIFICATES,
      shows: 'an assertion signed by another key, expired, for another audience or of another type is refused',
      pageExample: false,
    },
    async () => {
      expect((await assertionRequest(await assertion(sim.app.certificate.privateKeyPem))).status).toBe(200);
      const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      expectOAuthError(await assertionRequest(await assertion(stranger)), 401, 'invalid_client', 700027);
      const past = Math.floor(Date.now() / 1000) - 3600;
      expectOAuthError(
        await assertionRequest(await assertion(sim.app.certificate.privateKeyPem, { nbf: past - 600, exp: past })),
        401,
        'invalid_client',
        700024,
      );
      expectOAuthError(
        await assertionRequest(
          await assertion(sim.app.certificate.privateKeyPem, {
            aud: 'https://login.microsoftonline.com/other/oauth2/v2.0/token',
          }),
        ),
        401,
        'invalid_client',
        700027,
      );
      expectOAuthError(
        await assertionRequest(await assertion(sim.app.certificate.privateKeyPem), 'password'),
        400,
        'invalid_request',
        900144,
      );
    },
  );
});
