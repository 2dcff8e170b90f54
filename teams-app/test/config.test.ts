import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.js';

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
