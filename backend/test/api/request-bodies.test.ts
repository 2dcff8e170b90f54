import { uploadFlatOut, uploadSlowly as upload, type SlowUpload } from '../../../test-support/slow-upload.js';
import { person, seedPortalUser, seedTenant, startHarness, tenantA, type Harness } from './support/harness.js';

let api: Harness;
const admin = person(tenantA, 'anna');
const ordinary = person(tenantA, 'ugo');

beforeAll(async () => {
  api = await startHarness({
    prefix: 'bodies',
    besideApi: (server) => {
      server.get('/beside/failing', async () => {
        throw new Error('connect ECONNREFUSED 10.1.2.3:27017 at /srv/custodia/internal.js');
      });
    },
  });
  await seedTenant(api.services, tenantA);
  await seedPortalUser(api.services, admin, 'tenant_admin');
});
afterAll(() => api.close());

/** An upload to the API whose body goes out slowly (`test-support/slow-upload.ts`). */
function uploadSlowly(
  path: string,
  headers: Record<string, string>,
  bodyBytes: number,
  framing: 'length' | 'chunked' = 'length',
): Promise<SlowUpload> {
  return upload(api.url, { path: `/api/v1${path}`, headers, bodyBytes, framing });
}

const nineMegabytes = 9 * 1024 * 1024;

test('a request without a token is refused 401 before its body is read, and its connection closed', async () => {
  const upload = await uploadSlowly('/terms/acceptance', {}, nineMegabytes);
  expect(upload.status).toBe(401);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);
  expect(upload.closedByServer).toBe(true);
});

test('a client that goes on sending after the refusal is held back, not read, and cut off', async () => {
  const bodyBytes = 64 * 1024 * 1024;
  const flooded = await uploadFlatOut(api.url, { path: '/api/v1/terms/acceptance', headers: {}, bodyBytes });
  expect(flooded.status).toBe(401);
  // Reading and discarding would let 64 MB through in well under a second on loopback; what gets through is what the
  // kernels' buffers hold once the server stops reading.
  expect(flooded.acceptedBytes).toBeLessThan(bodyBytes / 4);
  expect(flooded.closedAfterMs).toBeLessThan(5_000);
});

test('a caller without the permission is refused 403 before the body is read', async () => {
  const token = await api.token(ordinary);
  const upload = await uploadSlowly('/portal-users', { authorization: `Bearer ${token}` }, nineMegabytes);
  expect(upload.status).toBe(403);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);
  expect(upload.closedByServer).toBe(true);
});

test('an authenticated body over the route’s limit gets 413 unread, in both languages, with the limit', async () => {
  const token = await api.token(admin);
  const declared = await uploadSlowly('/terms/acceptance', { authorization: `Bearer ${token}` }, nineMegabytes);
  expect(declared).toMatchObject({ status: 413, closedByServer: true });
  expect(declared.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);

  const oversize = JSON.stringify({ version: 'x'.repeat(17 * 1024) });
  const english = await api.call('POST', '/terms/acceptance', {
    token,
    rawBody: oversize,
    headers: { ...json, 'accept-language': 'en' },
  });
  expect(english.status).toBe(413);
  expect(english.body).toEqual({
    error: {
      code: 'body_too_large',
      message: 'The request body is too large: this address accepts at most 16 KiB.',
      details: { limitBytes: 16 * 1024 },
    },
  });
  const italian = await api.call('POST', '/terms/acceptance', {
    token,
    rawBody: oversize,
    headers: { ...json, 'accept-language': 'it' },
  });
  expect(italian.body).toMatchObject({
    error: { message: 'Il corpo della richiesta è troppo grande: questo indirizzo accetta al massimo 16 KiB.' },
  });
});

test('a chunked body with no declared length is cut off as soon as it passes the limit', async () => {
  const token = await api.token(admin);
  const upload = await uploadSlowly(
    '/terms/acceptance',
    { authorization: `Bearer ${token}` },
    nineMegabytes,
    'chunked',
  );
  expect(upload).toMatchObject({ status: 413, closedByServer: true });
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);
});

test('a request to an address the API does not have is answered without its body being read', async () => {
  const upload = await uploadSlowly('/no-such-thing', {}, nineMegabytes);
  expect(upload.status).toBe(404);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 2);
  expect(upload.closedByServer).toBe(true);
});

test('small refused bodies keep the keep-alive connection usable: requests one after another all get their answer', async () => {
  // fetch reuses one connection for requests in a row; a refusal that closed it made the next one fail (ECONNRESET).
  for (const token of [undefined, 'not-a-token', undefined, 'still-not-a-token']) {
    const refused = await api.call('POST', '/terms/acceptance', {
      ...(token !== undefined && { token }),
      body: { version: '2025-04' },
    });
    expect(refused.status).toBe(401);
  }
});

test('a body within the limit is read after the caller is known and parsed as before', async () => {
  const token = await api.token(admin);
  const accepted = await api.call('POST', '/terms/acceptance', { token, body: { version: '2025-04' } });
  expect(accepted.status).toBe(201);
});

const json = { 'content-type': 'application/json' };

test('a failure outside the API is answered internal_error in the reader’s language, without its own text', async () => {
  const answer = await fetch(`${api.url}/beside/failing`, { headers: { 'accept-language': 'it' } });
  expect(answer.status).toBe(500);
  const text = await answer.text();
  expect(text).not.toMatch(/ECONNREFUSED|internal\.js|10\.1\.2\.3/);
  expect(JSON.parse(text)).toEqual({
    error: { code: 'internal_error', message: expect.stringMatching(/^Si è verificato un errore interno/) },
  });
});
