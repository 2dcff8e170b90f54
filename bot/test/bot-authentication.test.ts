import { generateKeyPair, SignJWT } from 'jose';
import { startBackupHarness, type BackupHarness } from '../../backend/test/backup/harness.js';
import { ensureIndexes } from '../../backend/src/db/index.js';
import { refusedActivityText } from '../src/botbuilder-authentication.js';
import { botConversations } from '../src/conversation-store.js';
import { smallTenant } from './support/bot-harness.js';
import { serveBot, type ServedBot } from './support/served-bot.js';

const appId = '7d0c5a2e-4b1f-4c3d-8e9f-0a1b2c3d4e5f';
let backup: BackupHarness;
let served: ServedBot;
const refusals: unknown[] = [];

beforeAll(async () => {
  backup = await startBackupHarness({ tenant: smallTenant });
  await ensureIndexes(backup.database.db);
  served = await serveBot(backup, {
    instance: 'auth-bot',
    credentials: { appId, appPassword: 'bot-secret-never-sent' },
    onRefused: (cause) => refusals.push(cause),
  });
});
afterAll(async () => {
  await served?.stop();
  await backup?.stop();
});

/** A message as Teams would carry it, claiming a tenant and a person. */
const forgedMessage = () => ({
  type: 'message',
  id: 'forged-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:forger', name: 'Tenant Admin', aadObjectId: 'aad-admin' },
  recipient: { id: `28:${appId}`, name: 'Custodia' },
  conversation: { id: 'personal-forged', conversationType: 'personal', tenantId: backup.tenantId },
  channelData: { tenant: { id: backup.tenantId } },
  text: 'jobs',
});

async function post(authorization: string | undefined) {
  const started = Date.now();
  const response = await fetch(served.messagesUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
    body: JSON.stringify(forgedMessage()),
  });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

async function signedJwt(issuer: string, audience: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/emea/', tid: backup.tenantId, ver: '1.0' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'not-a-bot-framework-key' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

const now = Math.floor(Date.now() / 1000);

test.each([
  ['no Authorization header', async () => undefined],
  [
    'an unsigned JWT that claims the Bot Framework',
    async () => `Bearer ${unsignedJwt({ iss: 'https://api.botframework.com', aud: appId, exp: now + 3600 })}`,
  ],
  [
    'an Entra access token for another audience (not the Bot Framework)',
    async () =>
      `Bearer ${await signedJwt(`https://login.microsoftonline.com/${backup.tenantId}/v2.0`, 'api://custodia')}`,
  ],
  [
    'a token claiming the Bot Framework, signed by someone else',
    async () => `Bearer ${await signedJwt('https://api.botframework.com', appId)}`,
  ],
  ['a bearer that is not a JWT', async () => 'Bearer not-a-token'],
])('with credentials set, %s is refused with 401, quickly, without internal error text', async (_what, header) => {
  const answer = await post(await header());
  expect(answer.status).toBe(401);
  expect(answer.ms).toBeLessThan(12_000);
  expect(answer.text).not.toMatch(/ENOTFOUND|ECONNREFUSED|getaddrinfo|fetch|socket|Available keys/i);
  expect(answer.text).toContain('not authenticated by the Bot Framework');
  expect(await botConversations.scoped(backup.database.db).countDocuments(backup.tenantId, {})).toBe(0);
});

test('every refusal of a bearer is reported to the logs with its cause, and the answer is the one sentence', () => {
  expect(refusals.length).toBeGreaterThanOrEqual(4);
  expect(refusedActivityText).toBe(
    'Attività non autenticata dal Bot Framework. / The activity is not authenticated by the Bot Framework.',
  );
});
