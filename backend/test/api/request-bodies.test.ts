import { connect } from 'node:net';
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

interface SlowUpload {
  readonly status: number;
  /** Body bytes written when the answer's status line arrived. */
  readonly sentWhenAnswered: number;
  /** The server ended the connection after answering (it did not wait for, or read, the rest). */
  readonly closedByServer: boolean;
}

/**
 * Sends a request whose body goes out 64 KiB every 10 ms (about 6 MB/s, so 9 MB takes 1.5 s), and stops sending
 * once the answer arrives: how much was sent by then says whether the server waited for the body.
 */
async function uploadSlowly(
  path: string,
  headers: Record<string, string>,
  bodyBytes: number,
  framing: 'length' | 'chunked' = 'length',
): Promise<SlowUpload> {
  const { hostname, port } = new URL(api.url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined); // the server may reset a connection whose body it refuses
  const head = [
    `POST /api/v1${path} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    'content-type: application/json',
    framing === 'length' ? `content-length: ${bodyBytes}` : 'transfer-encoding: chunked',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  socket.write(`${head}\r\n\r\n`);
  let answer = '';
  let ended = false;
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.on('end', () => (ended = true));
  socket.on('close', () => (ended = true));
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let sentWhenAnswered = -1;
  while (sent < bodyBytes && !ended) {
    if (answer.includes('\r\n')) {
      sentWhenAnswered = sent;
      break;
    }
    const piece = chunk.subarray(0, Math.min(chunk.length, bodyBytes - sent));
    socket.write(framing === 'length' ? piece : `${piece.length.toString(16)}\r\n${piece.toString('latin1')}\r\n`);
    sent += piece.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (sentWhenAnswered < 0) sentWhenAnswered = sent;
  const deadline = Date.now() + 5_000;
  while (!ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  socket.destroy();
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
  return { status, sentWhenAnswered, closedByServer: ended };
}

const nineMegabytes = 9 * 1024 * 1024;

test('a request without a token is refused 401 before its body is read, and its connection closed', async () => {
  const upload = await uploadSlowly('/terms/acceptance', {}, nineMegabytes);
  expect(upload.status).toBe(401);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 4);
  expect(upload.closedByServer).toBe(true);
});

test('a caller without the permission is refused 403 before the body is read', async () => {
  const token = await api.token(ordinary);
  const upload = await uploadSlowly('/portal-users', { authorization: `Bearer ${token}` }, nineMegabytes);
  expect(upload.status).toBe(403);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 4);
  expect(upload.closedByServer).toBe(true);
});

test('an authenticated body over the route’s limit gets 413 unread, in both languages, with the limit', async () => {
  const token = await api.token(admin);
  const declared = await uploadSlowly('/terms/acceptance', { authorization: `Bearer ${token}` }, nineMegabytes);
  expect(declared).toMatchObject({ status: 413, closedByServer: true });
  expect(declared.sentWhenAnswered).toBeLessThan(nineMegabytes / 4);

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
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 4);
});

test('a request to an address the API does not have is answered without its body being read', async () => {
  const upload = await uploadSlowly('/no-such-thing', {}, nineMegabytes);
  expect(upload.status).toBe(404);
  expect(upload.sentWhenAnswered).toBeLessThan(nineMegabytes / 4);
  expect(upload.closedByServer).toBe(true);
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
