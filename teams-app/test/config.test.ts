import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/config.js';

test('defaults serve on port 3978 with the embedded database and the built-in simulator', () => {
  const config = loadConfig({});
  expect(config.port).toBe(3978);
  expect(config.mongodbUri).toBeUndefined();
  expect(config.graphBaseUrl).toBeUndefined();
});

test('every bad value is named in one clear error', () => {
  let error: unknown;
  try {
    loadConfig({ PORT: '99999', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message).toContain('PORT="99999"');
  expect(message).toContain('MONGODB_URI="postgres://x": must start with mongodb://');
  expect(message).toContain('LOG_LEVEL="loud"');
});

test('the API request deadline is 20 s unless told, and a deadline too short or too long is refused', () => {
  expect(loadConfig({}).requestDeadlineMs).toBe(20_000);
  expect(loadConfig({ API_REQUEST_DEADLINE_MS: '5000' }).requestDeadlineMs).toBe(5_000);
  for (const bad of ['0', '50', '600001', 'soon']) {
    expect(() => loadConfig({ API_REQUEST_DEADLINE_MS: bad })).toThrow(`API_REQUEST_DEADLINE_MS="${bad}"`);
  }
});

test('Graph and authority must be configured together', () => {
  expect(() => loadConfig({ GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' })).toThrow(/go together/);
});

test('the product refuses to start on a bad value, naming it, with exit code 2', () => {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  const result = spawnSync(process.execPath, [main], {
    env: { PATH: process.env.PATH, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('PORT="not-a-port": must be a port number from 1 to 65535 (0 picks a free one)');
});

describe('the bot authenticates every activity once Microsoft 365 is real', () => {
  const realMicrosoft = {
    GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
    AUTHORITY_HOST: 'https://login.microsoftonline.com',
    GRAPH_CLIENT_ID: '6f1b1c3e-2a4d-4e5f-9a8b-7c6d5e4f3a2b',
    GRAPH_CLIENT_SECRET: 'graph-secret-value',
    CUSTODIA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    PROVIDER_TENANT_ID: '99999999-9999-4999-8999-999999999999',
  };
  const simulatorOnLoopback = {
    ...realMicrosoft,
    GRAPH_BASE_URL: 'http://127.0.0.1:5080/v1.0',
    AUTHORITY_HOST: 'http://localhost:5080',
  };
  const botApp = { BOT_APP_ID: 'a1b2c3d4-0000-4000-8000-000000000b07', BOT_APP_PASSWORD: 'bot-secret-value' };

  test('real Microsoft 365 without the bot’s credentials is refused, naming both variables', () => {
    expect(() => loadConfig(realMicrosoft)).toThrow(
      /BOT_APP_ID and BOT_APP_PASSWORD are required when GRAPH_BASE_URL or AUTHORITY_HOST reach a real Microsoft 365/,
    );
  });

  test('a simulator on loopback for one of the two hosts does not excuse the other', () => {
    expect(() => loadConfig({ ...realMicrosoft, GRAPH_BASE_URL: 'http://127.0.0.1:5080/v1.0' })).toThrow(
      /BOT_APP_ID and BOT_APP_PASSWORD are required/,
    );
  });

  test('an id without a secret, or a secret without an id, is refused rather than running unauthenticated', () => {
    for (const half of [{ BOT_APP_ID: botApp.BOT_APP_ID }, { BOT_APP_PASSWORD: botApp.BOT_APP_PASSWORD }]) {
      for (const environment of [{}, simulatorOnLoopback, realMicrosoft]) {
        expect(() => loadConfig({ ...environment, ...half })).toThrow(/BOT_APP_ID and BOT_APP_PASSWORD go together/);
      }
    }
  });

  test('real Microsoft 365 with both starts with the bot authenticated', () => {
    expect(loadConfig({ ...realMicrosoft, ...botApp }).bot).toEqual({
      appId: botApp.BOT_APP_ID,
      appPassword: botApp.BOT_APP_PASSWORD,
    });
  });

  test('without credentials the bot is unauthenticated only with the simulator on loopback', () => {
    expect(loadConfig({}).bot).toBeUndefined();
    expect(loadConfig(simulatorOnLoopback).bot).toBeUndefined();
    expect(loadConfig({ ...simulatorOnLoopback, GRAPH_BASE_URL: 'http://[::1]:5080/v1.0' }).bot).toBeUndefined();
    expect(loadConfig({ ...simulatorOnLoopback, ...botApp }).bot?.appId).toBe(botApp.BOT_APP_ID);
  });

  test('a refusal does not repeat a secret, nor the password inside a URI', () => {
    let message = '';
    try {
      loadConfig({ CUSTODIA_MASTER_KEY: 'not-a-key-but-secret', MONGODB_URI: 'mongo://admin:hunter2@db.example' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('CUSTODIA_MASTER_KEY="(hidden)"');
    expect(message).toContain('MONGODB_URI="mongo://admin:[redacted]@db.example": must start with mongodb://');
    expect(message).not.toContain('not-a-key-but-secret');
    expect(message).not.toContain('hunter2');
  });
});

test('the provider’s support line defaults to plain demo values and takes the guide’s phone, hours and PIN', () => {
  expect(loadConfig({}).provider.support).toEqual({
    phone: '800 000 000',
    hours: { fromDay: 'mon', toDay: 'fri', opens: '08:00', closes: '18:00', timeZone: 'Europe/Rome' },
    pin: '0000',
  });
  const configured = loadConfig({
    PROVIDER_SUPPORT_PHONE: '800 199 477',
    PROVIDER_SUPPORT_HOURS: 'Mon-Sat 09:30-17:00',
    PROVIDER_SUPPORT_TIME_ZONE: 'Europe/Zurich',
    PROVIDER_SUPPORT_PIN: '1125',
  });
  expect(configured.provider.support).toEqual({
    phone: '800 199 477',
    hours: { fromDay: 'mon', toDay: 'sat', opens: '09:30', closes: '17:00', timeZone: 'Europe/Zurich' },
    pin: '1125',
  });
  expect(() =>
    loadConfig({
      PROVIDER_SUPPORT_PHONE: 'call us',
      PROVIDER_SUPPORT_HOURS: 'mon-fri 18:00-08:00',
      PROVIDER_SUPPORT_TIME_ZONE: 'Mars/Olympus',
      PROVIDER_SUPPORT_PIN: '12a4',
    }),
  ).toThrow(
    /PROVIDER_SUPPORT_PHONE="call us": a phone number[\s\S]*PROVIDER_SUPPORT_HOURS="mon-fri 18:00-08:00": the closing time must come after the opening time[\s\S]*PROVIDER_SUPPORT_TIME_ZONE="Mars\/Olympus": an IANA time zone[\s\S]*PROVIDER_SUPPORT_PIN="12a4": 3 to 10 digits/,
  );
});

test('the provider’s operators are a list of addresses, each checked, kept in lower case; a bad one is named', () => {
  expect(loadConfig({}).provider.operators).toBeUndefined();
  expect(
    loadConfig({ PROVIDER_OPERATORS: ' Serena.Galli@telco.example, assistenza@telco.example ,' }).provider.operators,
  ).toEqual(['serena.galli@telco.example', 'assistenza@telco.example']);
  expect(() => loadConfig({ PROVIDER_OPERATORS: 'serena.galli@telco.example, Serena Galli' })).toThrow(
    /PROVIDER_OPERATORS=.*"serena galli" is not an email address/,
  );
});

test('the demo tenant gains generated people only when told, from 0 to 10,000', () => {
  expect(loadConfig({}).demoMorePeople).toBe(0);
  expect(loadConfig({ DEMO_MORE_PEOPLE: '500' }).demoMorePeople).toBe(500);
  for (const bad of ['-1', '10001', '2.5', 'many']) {
    expect(() => loadConfig({ DEMO_MORE_PEOPLE: bad })).toThrow(
      `DEMO_MORE_PEOPLE="${bad}": must be a whole number of people from 0 to 10000`,
    );
  }
});
