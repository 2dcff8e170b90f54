import { currentTermsVersion } from '@custodia/backend/tenants/licence-terms';
import { startTcpCut, type TcpCut } from '../../test-support/tcp-cut.js';
import { startProductOnSimulator, type ProductOnSimulator } from '../../test-support/product-on-simulator.js';

/**
 * The security probe's finding 9: with the database too busy to answer, `/licence` and `/items` hung for over 100 s and
 * `/healthz` stopped answering. Here the database hangs outright (its connections stay open, nothing comes back, as
 * a stopped or saturated server does): health must still answer at once and say so, a data request must end with
 * `database_unavailable` within its deadline, and everything must work again once the database answers.
 */
const deadlineMs = 3_000;

let relay: TcpCut;
let product: ProductOnSimulator;
let token: string;

beforeAll(async () => {
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run through jest');
  relay = await startTcpCut(mongodbUri);
  product = await startProductOnSimulator('stall', {
    MONGODB_URI: relay.uri,
    API_REQUEST_DEADLINE_MS: String(deadlineMs),
  });
  const [administrator] = product.sim.control.listUsers();
  if (!administrator) throw new Error('the demo tenant has no users');
  const signIn = await post('/dev/sign-in', { userPrincipalName: administrator.userPrincipalName });
  token = ((await signIn.json()) as { token: string }).token;
  expect((await post('/api/v1/terms/acceptance', { version: currentTermsVersion }, token)).status).toBe(201);
}, 120_000);
afterAll(async () => {
  relay?.resume();
  await product?.stop();
  await relay?.close();
});

function post(path: string, body: unknown, bearer?: string): Promise<Response> {
  return fetch(`${product.app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
}

/** The answer's status and body, and how long it took; a request that hangs fails the test after `limitMs`. */
async function timed(path: string, language: string, limitMs: number) {
  const started = Date.now();
  const response = await fetch(`${product.app.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-language': language },
    signal: AbortSignal.timeout(limitMs),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body, ms: Date.now() - started, retryAfter: response.headers.get('retry-after') };
}

test('a hung database: health answers at once, data requests end 503 within their deadline, then all recovers', async () => {
  expect((await timed('/healthz', 'en', 5_000)).status).toBe(200);
  expect((await timed('/api/v1/items', 'en', 10_000)).status).toBe(200);
  expect((await timed('/api/v1/licence', 'en', 10_000)).status).toBe(200);

  relay.stall();
  // Several data requests at once, and health beside them: none waits for another.
  const [items, licence, licenceInItalian, health] = await Promise.all([
    timed('/api/v1/items', 'en', deadlineMs + 5_000),
    timed('/api/v1/licence', 'en', deadlineMs + 5_000),
    timed('/api/v1/licence', 'it', deadlineMs + 5_000),
    timed('/healthz', 'en', 5_000),
  ]);
  expect(health).toMatchObject({ status: 503, body: { status: 'degraded', database: 'down' } });
  expect(health.ms).toBeLessThan(4_000);
  for (const answer of [items, licence, licenceInItalian]) {
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } }, retryAfter: '5' });
    expect(answer.ms).toBeGreaterThanOrEqual(deadlineMs - 100);
    expect(answer.ms).toBeLessThan(deadlineMs + 3_000);
  }
  expect(JSON.stringify(licence.body)).toContain('The database did not answer in time');
  expect(JSON.stringify(licenceInItalian.body)).toContain('Il database non ha risposto in tempo');
  // The server itself keeps answering what needs no database.
  expect((await fetch(`${product.app.url}/api/v1/openapi.json`, { signal: AbortSignal.timeout(3_000) })).status).toBe(
    200,
  );

  relay.resume();
  const recoveredBy = Date.now() + 30_000;
  let health2 = await timed('/healthz', 'en', 5_000);
  while (health2.status !== 200 && Date.now() < recoveredBy) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    health2 = await timed('/healthz', 'en', 5_000);
  }
  expect(health2.body).toEqual({ status: 'ok', database: 'up', scheduler: 'running' });
  expect((await timed('/api/v1/items', 'en', 10_000)).status).toBe(200);
  expect((await timed('/api/v1/licence', 'en', 10_000)).status).toBe(200);
}, 120_000);
