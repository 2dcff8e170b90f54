import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { documented, send, shapeDifferences, type RawExchange } from './support/documented.js';
import { expectOAuthError } from './support/refusals.js';

const ENTRA = 'https://learn.microsoft.com/entra/identity-platform';
const AUTH_CODE = `${ENTRA}/v2-oauth2-auth-code-flow`;
const REDIRECT_URI = 'http://localhost:3000/tab/signed-in';
const ORIGIN = 'http://localhost:3000';

let sim: RunningSimulator;
let apiScope: string;

beforeAll(async () => {
  sim = await startSimulator();
  sim.control.addSpaRedirectUri(REDIRECT_URI);
  apiScope = `api://localhost/${sim.app.clientId}/access_as_user`;
});

afterAll(async () => {
  await sim.stop();
});

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The page's example request, for this app: code, S256 challenge, state and nonce. */
function authorizeQuery(challenge: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    client_id: sim.app.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    response_mode: 'query',
    scope: `openid profile offline_access ${apiScope}`,
    state: '12345',
    nonce: 'n-0S6_WzA2Mj',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
}

function authorize(query: URLSearchParams, authority = 'organizations'): Promise<RawExchange> {
  return send(sim, { path: `${sim.authorityHost}/${authority}/oauth2/v2.0/authorize?${query.toString()}` });
}

/** The value of a hidden field of the page's form. */
function field(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no ${name} field on the page:\n${html}`);
  return value;
}

function post(path: string, form: Record<string, string>): Promise<RawExchange> {
  return send(sim, {
    method: 'POST',
    path: `${sim.authorityHost}/organizations/${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** Signs in as `userId` on the sign-in page the authorize request got, and returns where the browser is sent. */
async function pickAccount(page: RawExchange, userId: string): Promise<RawExchange> {
  expect(page.status).toBe(200);
  return post('login', { flow: field(page.text, 'flow'), user: userId });
}

/** An authorization request with `extra` parameters, answered by picking `userId` (the admin by default). */
async function signIn(extra: Record<string, string> = {}, userId = admin().id, challenge = pkce().challenge) {
  return pickAccount(await authorize(authorizeQuery(challenge, extra)), userId);
}

function admin() {
  const [first] = sim.control.listUsers();
  if (!first) throw new Error('the demo tenant has no users');
  return first;
}

/** A code for the admin through the whole interactive flow, with its verifier. */
async function codeFor(extra: Record<string, string> = {}): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const back = await signIn(extra, admin().id, challenge);
  expect(back.status).toBe(302);
  const code = new URL(back.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code in ${back.headers.get('location')}`);
  return { code, verifier };
}

/** A token request as the browser sends it (with its `Origin`), or as a server would with `{ crossOrigin: false }`. */
function redeem(form: Record<string, string>, { crossOrigin = true } = {}): Promise<RawExchange> {
  return send(sim, {
    method: 'POST',
    path: `${sim.authorityHost}/organizations/oauth2/v2.0/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(crossOrigin && { origin: ORIGIN }) },
    body: new URLSearchParams(form).toString(),
  });
}

const codeRedemption = (code: string, verifier: string) => ({
  client_id: sim.app.clientId,
  scope: `openid profile offline_access ${apiScope}`,
  code,
  redirect_uri: REDIRECT_URI,
  grant_type: 'authorization_code',
  code_verifier: verifier,
  client_info: '1',
});

describe('request an authorization code', () => {
  documented(
    {
      endpoint: 'GET /:tenant/oauth2/v2.0/authorize',
      page: `${AUTH_CODE}#request-an-authorization-code`,
      shows: 'the sign-in page lists the enabled people of the tenant to pick from',
      pageExample: false,
    },
    async () => {
      const page = await authorize(authorizeQuery(pkce().challenge));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      for (const person of sim.control.listUsers().slice(0, 5)) expect(page.text).toContain(person.userPrincipalName);
    },
  );

  documented(
    {
      endpoint: 'GET /:tenant/oauth2/v2.0/authorize',
      page: `${AUTH_CODE}#request-an-authorization-code`,
      shows: 'a redirect URI the app did not register gets the error page (AADSTS50011), never a redirect',
      pageExample: false,
    },
    async () => {
      const page = await authorize(
        authorizeQuery(pkce().challenge, { redirect_uri: 'https://attacker.example/callback' }),
      );
      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(page.text).toContain('AADSTS50011');
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/login',
      page: `${AUTH_CODE}#successful-response`,
      shows:
        'after the person signs in, the browser goes back to the redirect URI with code and state (response_mode=query)',
    },
    async () => {
      const back = await signIn();
      expect(back.status).toBe(302);
      const location = new URL(back.headers.get('location') ?? '');
      expect(location.origin + location.pathname).toBe(REDIRECT_URI);
      expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
      expect(location.searchParams.get('state')).toBe('12345');
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/login',
      page: `${AUTH_CODE}#request-an-authorization-code`,
      shows: 'response_mode=fragment (what msal-browser asks for) puts code and state in the fragment',
      pageExample: false,
    },
    async () => {
      const back = await signIn({ response_mode: 'fragment' });
      const location = new URL(back.headers.get('location') ?? '');
      expect(location.search).toBe('');
      const fragment = new URLSearchParams(location.hash.slice(1));
      expect(fragment.get('code')).toMatch(/^[\w-]{20,}$/);
      expect(fragment.get('state')).toBe('12345');
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/login',
      page: `${AUTH_CODE}#request-an-authorization-code`,
      shows: 'response_mode=form_post answers a form that posts code and state to the redirect URI',
      pageExample: false,
    },
    async () => {
      const page = await signIn({ response_mode: 'form_post' });
      expect(page.status).toBe(200);
      expect(page.text).toContain(`action="${REDIRECT_URI}"`);
      expect(field(page.text, 'code')).toMatch(/^[\w-]{20,}$/);
      expect(field(page.text, 'state')).toBe('12345');
    },
  );
});

describe('consent', () => {
  const CONSENT = `${ENTRA}/application-consent-experience`;

  documented(
    {
      endpoint: 'POST /:tenant/Consent/Set',
      page: `${AUTH_CODE}#error-response`,
      shows: 'prompt=consent shows the permissions; Cancel sends access_denied (AADSTS65004) and the state back',
    },
    async () => {
      const consent = await signIn({ prompt: 'consent' });
      expect(consent.status).toBe(200);
      expect(consent.text).toContain(apiScope);
      const back = await post('Consent/Set', { flow: field(consent.text, 'flow'), decision: 'cancel' });
      const location = new URL(back.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('access_denied');
      expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
      expect(location.searchParams.get('state')).toBe('12345');
      expect(location.searchParams.get('code')).toBeNull();
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/Consent/Set',
      page: CONSENT,
      shows:
        'without the admin consent for the tenant a person consents once for themselves; afterwards no prompt, Accept sends the code',
      pageExample: false,
    },
    async () => {
      const person = sim.control.listUsers()[2];
      if (!person) throw new Error('the demo tenant has too few users');
      sim.control.revokeAdminConsent();
      try {
        const consent = await signIn({}, person.id);
        expect(consent.status).toBe(200);
        expect(consent.text).toContain('Accept');
        const back = await post('Consent/Set', { flow: field(consent.text, 'flow'), decision: 'accept' });
        expect(new URL(back.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
        const again = await signIn({}, person.id);
        expect(again.status).toBe(302);
        expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
      } finally {
        sim.control.grantAdminConsent();
      }
    },
  );
});

describe('redeem a code for an access token', () => {
  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#successful-response-2`,
      shows:
        'a single-page app redeems its code with the code_verifier, cross-origin: access token for the API, ID token with the nonce, refresh token',
    },
    async () => {
      const { code, verifier } = await codeFor();
      const answer = await redeem(codeRedemption(code, verifier));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(
        shapeDifferences(answer.body, {
          access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q...',
          token_type: 'Bearer',
          expires_in: 3599,
          scope: 'https%3A%2F%2Fgraph.microsoft.com%2Fmail.read',
          refresh_token: 'AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4...',
          id_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIyZDRkMTFhMi1mODE0LTQ2YTctOD...',
        }),
      ).toEqual([]);
      const body = answer.body as { access_token: string; id_token: string; scope: string; client_info: string };
      expect(body.scope).toBe(apiScope);
      const keys = createRemoteJWKSet(new URL(`${sim.authorityHost}/common/discovery/v2.0/keys`));
      const issuer = `https://login.microsoftonline.com/${sim.tenantId}/v2.0`;
      const access = await jwtVerify(body.access_token, keys, { audience: sim.app.clientId, issuer });
      expect(access.payload).toEqual(
        expect.objectContaining({ scp: 'access_as_user', oid: admin().id, tid: sim.tenantId, ver: '2.0' }),
      );
      const id = await jwtVerify(body.id_token, keys, { audience: sim.app.clientId, issuer });
      expect(id.payload).toEqual(
        expect.objectContaining({ nonce: 'n-0S6_WzA2Mj', preferred_username: admin().userPrincipalName }),
      );
      expect(JSON.parse(Buffer.from(body.client_info, 'base64url').toString('utf8'))).toEqual({
        uid: admin().id,
        utid: sim.tenantId,
      });
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#redeem-a-code-for-an-access-token`,
      shows: 'a code_verifier that does not match the code_challenge is refused (invalid_grant, AADSTS50148)',
      pageExample: false,
    },
    async () => {
      const { code } = await codeFor();
      expectOAuthError(await redeem(codeRedemption(code, pkce().verifier)), 400, 'invalid_grant', 50148);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#redeem-a-code-for-an-access-token`,
      shows: 'a code is redeemed once: the second time is invalid_grant (AADSTS54005)',
      pageExample: false,
    },
    async () => {
      const { code, verifier } = await codeFor();
      expect((await redeem(codeRedemption(code, verifier))).status).toBe(200);
      expectOAuthError(await redeem(codeRedemption(code, verifier)), 400, 'invalid_grant', 54005);
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#redirect-uris-for-single-page-apps-spas`,
      shows: 'a code for a single-page app redirect URI is redeemed only cross-origin (AADSTS9002327 without Origin)',
      pageExample: false,
    },
    async () => {
      const { code, verifier } = await codeFor();
      expectOAuthError(
        await redeem(codeRedemption(code, verifier), { crossOrigin: false }),
        400,
        'invalid_request',
        9002327,
      );
    },
  );

  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#redeem-a-code-for-an-access-token`,
      shows: 'the redirect_uri must be the one the code was issued for (invalid_grant)',
      pageExample: false,
    },
    async () => {
      const { code, verifier } = await codeFor();
      const answer = await redeem({ ...codeRedemption(code, verifier), redirect_uri: `${REDIRECT_URI}/other` });
      expectOAuthError(answer, 400, 'invalid_grant', 70000);
    },
  );
});

describe('refresh the access token', () => {
  documented(
    {
      endpoint: 'POST /:tenant/oauth2/v2.0/token',
      page: `${AUTH_CODE}#refresh-the-access-token`,
      shows: 'the refresh token of a single-page app gets a new access token and a new refresh token',
    },
    async () => {
      const { code, verifier } = await codeFor();
      const first = (await redeem(codeRedemption(code, verifier))).body as { refresh_token: string };
      const answer = await redeem({
        client_id: sim.app.clientId,
        scope: apiScope,
        refresh_token: first.refresh_token,
        grant_type: 'refresh_token',
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q...',
          token_type: 'Bearer',
          expires_in: 3599,
          scope: 'https%3A%2F%2Fgraph.microsoft.com%2Fmail.read',
        }),
      ).toEqual([]);
      expect((answer.body as { scope: string }).scope).toBe(apiScope);
    },
  );
});

describe('metadata for browsers', () => {
  documented(
    {
      endpoint: 'GET /:tenant/v2.0/.well-known/openid-configuration',
      page: `${AUTH_CODE}#redirect-uris-for-single-page-apps-spas`,
      shows: 'a single-page app reads the metadata cross-origin (CORS)',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, {
        path: `${sim.authorityHost}/organizations/v2.0/.well-known/openid-configuration`,
        headers: { origin: ORIGIN },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    },
  );
});
