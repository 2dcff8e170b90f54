import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphRequestError } from '@custodia/backend/graph/index';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startApp, type RunningApp } from '../src/app.js';

/** Every line a logger wrote, as it would reach stdout. */
function capture() {
  const lines: string[] = [];
  return { lines, text: () => lines.join(''), stream: { write: (line: string) => void lines.push(line) } };
}

describe('the product at LOG_LEVEL=debug', () => {
  let app: RunningApp;
  const log = capture();

  beforeAll(async () => {
    // The database jest's global set-up started; the product starts its simulator and everything else.
    const environment = { LOG_LEVEL: 'debug', PORT: '0', SIMULATOR_PORT: '0', MONGODB_URI: process.env.MONGODB_URI };
    const dataDir = mkdtempSync(join(tmpdir(), 'custodia-secret-log-'));
    const config = loadConfig({ ...environment, MONGODB_DATABASE: 'secretlog', DATA_DIR: dataDir });
    app = await startApp(config, createLogger(config.logLevel, log.stream));
  });
  afterAll(() => app?.stop());

  test('a background export’s download link is logged as its route, never with its token', async () => {
    const tenantId = app.microsoft365.demo?.tenantId ?? '';
    const token = randomBytes(32).toString('base64url');
    const download = await fetch(`${app.url}/api/v1/downloads/${tenantId}/${token}`);
    expect(download.status).toBe(404);
    const stray = randomBytes(32).toString('base64url');
    expect(
      (await fetch(`${app.url}/not-a-route/downloads/${tenantId}/${stray}?code=oauth-code-1&sig=sas-sig-1`)).status,
    ).toBe(404);

    const requests = log.lines.filter((line) => line.includes('"msg":"request"')).map((line) => JSON.parse(line));
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 20, method: 'GET', route: '/api/v1/downloads/:tenantId/:token', status: 404 }),
        expect.objectContaining({ path: `/not-a-route/downloads/${tenantId}/[redacted]`, status: 404 }),
      ]),
    );
    for (const secret of [token, stray, 'oauth-code-1', 'sas-sig-1']) expect(log.text()).not.toContain(secret);
  });
});

describe('the logger, with the records the product writes', () => {
  const tenantId = '11111111-1111-4111-8111-111111111111';
  const jwt =
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJvaWQiOiJhYmMiLCJ0aWQiOiJ0ZW5hbnQifQ.c2lnbmF0dXJlLXRoYXQtaXMtc2VjcmV0';
  const secrets = {
    tempauth: 'tempauth-v1-secret-a1b2c3',
    clientSecret: 'Xy7~client-secret-value',
    mongoPassword: 'mongo-pass-42',
    accountKey: 'QWNjb3VudEtleVNlY3JldA==',
    sasSignature: 'sas%2Bsignature%3D',
    bearer: 'opaque-bearer-value-9f8e',
    downloadToken: randomBytes(32).toString('base64url'),
    appPassword: 'bot-app-password-value',
  };

  test.each(['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)(
    'at %s no secret reaches the line and the context does',
    (level) => {
      const log = capture();
      const logger = createLogger('trace', log.stream).child({ worker: 'w1', downloadLink: '' });
      const graphFailure = new GraphRequestError({
        status: 401,
        code: 'InvalidAuthenticationToken',
        graphMessage: `Bearer ${secrets.bearer} is not valid`,
        requestId: 'req-77',
        tenantId,
        resource: 'drive d1',
        method: 'GET',
        url: `https://contoso-my.sharepoint.com/personal/u/_layouts/15/download.aspx?UniqueId=abc&tempauth=${secrets.tempauth}`,
        attempts: 3,
      });
      logger[level](
        {
          err: graphFailure,
          tenantId,
          uri: `mongodb://custodia:${secrets.mongoPassword}@db.internal:27017/custodia`,
          store: `DefaultEndpointsProtocol=https;AccountName=custodiastore;AccountKey=${secrets.accountKey};EndpointSuffix=core.windows.net`,
          blob: `https://custodiastore.blob.core.windows.net/packs/p1?sv=2024-05-04&sig=${secrets.sasSignature}&se=2027-01-01`,
          headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
          body: `grant_type=client_credentials&client_id=app-1&client_secret=${secrets.clientSecret}&scope=x`,
          bot: { appId: 'bot-app-1', appPassword: secrets.appPassword },
        },
        `export ready: https://custodia.example/api/v1/downloads/${tenantId}/${secrets.downloadToken} (token ${jwt})`,
      );
      const text = log.text();
      for (const secret of [...Object.values(secrets), jwt]) expect(text).not.toContain(secret);
      const record = JSON.parse(text) as Record<string, unknown>;
      expect(record).toMatchObject({
        worker: 'w1',
        tenantId,
        uri: 'mongodb://custodia:[redacted]@db.internal:27017/custodia',
        headers: { authorization: '[redacted]', 'content-type': 'application/json' },
        bot: { appId: 'bot-app-1', appPassword: '[redacted]' },
        err: { type: 'GraphRequestError', status: 401, requestId: 'req-77', resource: 'drive d1' },
        msg: `export ready: https://custodia.example/api/v1/downloads/${tenantId}/[redacted] (token [redacted])`,
      });
      expect(record.store).toContain('AccountName=custodiastore;AccountKey=[redacted]');
      expect(record.blob).toContain('sv=2024-05-04&sig=[redacted]&se=2027-01-01');
      expect(record.body).toContain('client_id=app-1&client_secret=[redacted]&scope=x');
      expect(JSON.stringify(record.err)).toContain('download.aspx?UniqueId=abc&tempauth=[redacted]');
    },
  );
});
