import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevDb, type DevDb } from '@custodia/devdb';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startApp, type RunningApp } from '../src/app.js';

let devDb: DevDb;
let app: RunningApp;
const dataDir = mkdtempSync(join(tmpdir(), 'custodia-health-'));

beforeAll(async () => {
  devDb = await startDevDb({ dataDir: join(dataDir, 'db') });
  const config = loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: devDb.uri,
    MONGODB_DATABASE: 'health',
    DATA_DIR: dataDir,
  });
  app = await startApp(config, createLogger('silent'));
});
afterAll(async () => {
  await app?.stop();
  await devDb?.stop();
});

async function health(): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${app.url}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

test('/healthz reports the database and scheduler up, says so when the database stops, and recovers', async () => {
  expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'up', scheduler: 'running' } });

  await devDb.stop();
  const down = await health();
  expect(down.status).toBe(503);
  expect(down.body.database).toBe('down');

  devDb = await startDevDb({ dataDir: join(dataDir, 'db'), port: devDb.port });
  const deadline = Date.now() + 20_000;
  let recovered = await health();
  while (recovered.status !== 200 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    recovered = await health();
  }
  expect(recovered).toEqual({ status: 200, body: { status: 'ok', database: 'up', scheduler: 'running' } });
});
