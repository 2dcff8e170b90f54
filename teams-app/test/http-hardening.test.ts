import { connect } from 'node:net';
import type { RunningSimulator } from '@custodia/m365-simulator';
import { currentTermsVersion } from '@custodia/backend/tenants/licence-terms';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { RunningApp } from '../src/app.js';
import { microsoft365FrameAncestors } from '../src/http/security-headers.js';
import { closeServer, createHttpServer, listen } from '../src/http/server.js';
import { uploadSlowly } from '../../test-support/slow-upload.js';
import { startProductOnSimulator, type ProductOnSimulator } from '../../test-support/product-on-simulator.js';

/** Short on purpose: a slow client must be closed within these, not Node's 300 s. */
const headersTimeoutMs = 1_000;
const requestTimeoutMs = 2_000;

let product: ProductOnSimulator;
let app: RunningApp;
let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  product = await startProductOnSimulator('hardening', {
    HTTP_HEADERS_TIMEOUT_MS: String(headersTimeoutMs),
    HTTP_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
  });
  ({ app, sim } = product);
  const [administrator] = sim.control.listUsers();
  if (!administrator) throw new Error('the demo tenant has no users');
  const signIn = await post('/dev/sign-in', { userPrincipalName: administrator.userPrincipalName });
  token = ((await signIn.json()) as { token: string }).token;
  const terms = await post('/api/v1/terms/acceptance', { version: currentTermsVersion }, token);
  expect(terms.status).toBe(201);
});
afterAll(() => product?.stop());

function post(path: string, body: unknown, bearer?: string): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
}

function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

describe('security headers', () => {
  test('every kind of response carries CSP, nosniff and Referrer-Policy', async () => {
    const answers = {
      api: await get('/api/v1/me'),
      apiUnauthenticated: await fetch(`${app.url}/api/v1/me`),
      apiNoSuchRoute: await fetch(`${app.url}/api/v1/no-such-thing`),
      tab: await fetch(`${app.url}/tab/`),
      tabFile: await fetch(`${app.url}/tab/?view=my-backups`),
      health: await fetch(`${app.url}/healthz`),
      devUsers: await fetch(`${app.url}/dev/users`),
      devSignInRefused: await post('/dev/sign-in', { userPrincipalName: 'nobody@example.com' }),
      bot: await post('/api/messages', {}),
      outsideEveryRoute: await fetch(`${app.url}/nothing-here`),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]));
    expect(statuses).toMatchObject({ api: 200, apiUnauthenticated: 401, apiNoSuchRoute: 404, tab: 200, health: 200 });
    for (const [name, answer] of Object.entries(answers)) {
      expect({ name, nosniff: answer.headers.get('x-content-type-options') }).toEqual({ name, nosniff: 'nosniff' });
      expect({ name, referrer: answer.headers.get('referrer-policy') }).toEqual({ name, referrer: 'no-referrer' });
      const policy = answer.headers.get('content-security-policy') ?? '';
      const ancestors = /frame-ancestors ([^;]+)/.exec(policy)?.[1]?.split(' ');
      expect({ name, ancestors }).toEqual({ name, ancestors: ["'self'", ...microsoft365FrameAncestors] });
    }
  });

  test('the tab’s policy lets it reach this origin and the sign-in authority, and nothing else', async () => {
    const policy = (await fetch(`${app.url}/tab/`)).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      policy.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      new URL(app.microsoft365.authorityHost).origin,
      'https://res.cdn.office.net/teams-js/validDomains/',
    ]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });
});

interface SlowRequest {
  /** From the first byte sent until the server closed the connection; Infinity when it never did. */
  readonly closedAfterMs: number;
  readonly answer: string;
}

/** Sends `head` at once, then `drip` one byte every `intervalMs` until the server closes or 15 s pass. */
async function sendSlowly(head: string, drip: string, intervalMs: number): Promise<SlowRequest> {
  const { hostname, port } = new URL(app.url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  const started = Date.now();
  let closedAt: number | undefined;
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('close', () => (closedAt = Date.now()));
  socket.write(head);
  for (const byte of drip) {
    if (closedAt !== undefined || Date.now() - started > 15_000) break;
    socket.write(byte);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  while (closedAt === undefined && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 50));
  socket.destroy();
  return { closedAfterMs: closedAt === undefined ? Infinity : closedAt - started, answer };
}

describe('slow clients', () => {
  test('the timeouts default to 20 s for headers, 60 s for a request and 5 s idle, and headers may not outlast requests', () => {
    expect(loadConfig({}).httpTimeouts).toEqual({ headersMs: 20_000, requestMs: 60_000, keepAliveMs: 5_000 });
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(ConfigError);
  });

  test('headers sent one byte at a time are refused 408 within the headers timeout', async () => {
    const { hostname, port } = new URL(app.url);
    const slow = await sendSlowly(
      `GET /healthz HTTP/1.1\r\nhost: ${hostname}:${port}\r\n`,
      'x-slow: ' + 'a'.repeat(100),
      250,
    );
    expect(slow.answer).toMatch(/^HTTP\/1\.1 408/);
    // Node checks every quarter of the shorter timeout: closed within 125 % of it, plus slack for a loaded machine
    // (Node's defaults would take 60 s for headers and 300 s for a request).
    expect(slow.closedAfterMs).toBeLessThan(headersTimeoutMs * 1.25 + 2_000);
  });

  test('a body trickled one byte at a time is closed within the request timeout, on the API and off it', async () => {
    const { hostname, port } = new URL(app.url);
    for (const [path, bearer] of [
      ['/api/v1/terms/acceptance', token],
      ['/dev/sign-in', undefined],
    ] as const) {
      const head = [
        `POST ${path} HTTP/1.1`,
        `host: ${hostname}:${port}`,
        'content-type: application/json',
        'content-length: 200',
        ...(bearer ? [`authorization: Bearer ${bearer}`] : []),
      ].join('\r\n');
      const slow = await sendSlowly(`${head}\r\n\r\n`, `{"version":"${' '.repeat(180)}"}`, 250);
      expect({ path, status: slow.answer.slice(0, 12) }).toEqual({ path, status: 'HTTP/1.1 408' });
      expect(slow.closedAfterMs).toBeLessThan(requestTimeoutMs * 1.25 + 2_000);
    }
  });

  test('the timeouts do not cut an answer that streams for longer than them', async () => {
    const server = createHttpServer({
      logger: createLogger('silent'),
      authorityHost: 'https://login.microsoftonline.com',
      timeouts: { headersMs: 500, requestMs: 1_000, keepAliveMs: 5_000 },
      bodies: { apiPrefix: '/api/v1', maxBytes: 1024, bearerRequired: [], bearerRefusal: 'refused' },
    });
    // An export streams as the store yields content: here one part every 300 ms for 3 s.
    server.get('/slow-export', async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      for (let part = 0; part < 10; part += 1) {
        response.write(`part ${part}\n`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      response.end('done\n');
    });
    await listen(server, 0, '127.0.0.1');
    try {
      const started = Date.now();
      const answer = await fetch(`http://127.0.0.1:${server.address().port}/slow-export`);
      const text = await answer.text();
      expect(Date.now() - started).toBeGreaterThan(2_500);
      expect(text.split('\n').filter(Boolean)).toHaveLength(11);
      expect(text.endsWith('done\n')).toBe(true);
    } finally {
      await closeServer(server);
    }
  });
});

describe('bodies outside the API', () => {
  test('the bot, when it authenticates, refuses an activity without a token before reading it; others are parsed within the limit', async () => {
    const server = createHttpServer({
      logger: createLogger('silent'),
      authorityHost: 'https://login.microsoftonline.com',
      timeouts: { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 },
      bodies: { apiPrefix: '/api/v1', maxBytes: 1024, bearerRequired: ['/api/messages'], bearerRefusal: 'refused' },
    });
    const received: unknown[] = [];
    for (const path of ['/api/messages', '/dev/sign-in']) {
      server.post(path, async (request, response) => {
        received.push(request.body);
        response.send(200, { ok: true });
      });
    }
    await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${server.address().port}`;
    try {
      const nineMegabytes = 9 * 1024 * 1024;
      const refused = await uploadSlowly(url, { path: '/api/messages', headers: {}, bodyBytes: nineMegabytes });
      expect(refused).toMatchObject({ status: 401, closedByServer: true });
      expect(refused.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);
      const withToken = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer a.b.c' },
        body: JSON.stringify({ type: 'message' }),
      });
      expect(withToken.status).toBe(200);
      const oversize = await fetch(`${url}/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userPrincipalName: 'x'.repeat(2048) }),
      });
      expect(oversize.status).toBe(413);
      expect(received).toEqual([{ type: 'message' }]);
    } finally {
      await closeServer(server);
    }
  });
});

describe('Microsoft 365 consent', () => {
  test('a tenant whose admin consent was revoked is told so in both languages, not given a 500', async () => {
    expect((await get('/api/v1/directory/groups')).status).toBe(200);
    sim.control.revokeAdminConsent();
    sim.control.expireTokens();
    try {
      for (const path of ['/api/v1/directory/groups', '/api/v1/reports/coverage']) {
        const english = await get(path, { 'accept-language': 'en' });
        const body = (await english.json()) as { error: { code: string; message: string; details?: unknown } };
        expect({ path, status: english.status, code: body.error.code }).toEqual({
          path,
          status: 409,
          code: 'graph_consent_missing',
        });
        expect(body.error.message).toMatch(/^Microsoft 365 does not give Custodia access to this organisation/);
        expect(body.error.details).toEqual({ entraCode: 'AADSTS700016' });
        const italian = (await (await get(path, { 'accept-language': 'it' })).json()) as { error: { message: string } };
        expect(italian.error.message).toMatch(/^Microsoft 365 non concede a Custodia l’accesso/);
      }
    } finally {
      sim.control.grantAdminConsent();
    }
    expect((await get('/api/v1/directory/groups')).status).toBe(200);
  });
});
