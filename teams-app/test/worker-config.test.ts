import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ConfigError } from '../src/config-error.js';
import { loadWorkerConfig } from '../src/worker-config.js';

const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017',
  CUSTODIA_MASTER_KEY: randomBytes(32).toString('base64'),
  GRAPH_BASE_URL: 'http://127.0.0.1:5080/v1.0',
  AUTHORITY_HOST: 'http://127.0.0.1:5080',
  GRAPH_TENANT_ID: 'tenant',
  GRAPH_CLIENT_ID: 'client',
  GRAPH_CLIENT_SECRET: 'secret',
};

function problemsOf(environment: NodeJS.ProcessEnv): string {
  try {
    loadWorkerConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

test('a worker joins an existing deployment: database, master key and Graph tenant are all required, named at once', () => {
  const message = problemsOf({});
  for (const name of ['MONGODB_URI', 'CUSTODIA_MASTER_KEY', 'GRAPH_BASE_URL', 'AUTHORITY_HOST', 'GRAPH_TENANT_ID']) {
    expect(message).toContain(`${name}=`);
  }
});

test('a master key that is not 32 bytes is refused without echoing it', () => {
  const message = problemsOf({ ...valid, CUSTODIA_MASTER_KEY: Buffer.alloc(16).toString('base64') });
  expect(message).toContain('CUSTODIA_MASTER_KEY="(hidden)": must be 32 bytes, base64-encoded');
});

test('the store is STORE_DIR when given, else DATA_DIR/store; the lease and name have working defaults', () => {
  const config = loadWorkerConfig({ ...valid, DATA_DIR: '/srv/custodia' });
  expect(config.storeLocations).toEqual([
    { location: 'italy-north', store: { kind: 'directory', path: resolve(join('/srv/custodia', 'store')) } },
  ]);
  expect(config.masterKey.length).toBe(32);
  expect(config.unitLeaseMs).toBe(300_000);
  expect(config.workerName).toMatch(/:\d+$/);
  expect(loadWorkerConfig({ ...valid, STORE_DIR: '/mnt/store', WORKER_NAME: 'w1' })).toMatchObject({
    storeLocations: [{ location: 'italy-north', store: { kind: 'directory', path: '/mnt/store' } }],
    workerName: 'w1',
  });
});
