import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '@custodia/m365-simulator';
import { createLogger, loadConfig, startApp, type RunningApp } from '@custodia/teams-app';

export interface ProductOnSimulator {
  readonly app: RunningApp;
  readonly sim: RunningSimulator;
  /** Drops the test's database and stops the product. */
  stop(): Promise<void>;
}

/**
 * The whole product (`startApp`) on the tenant simulator's demo tenant, on free ports, over the test run's database
 * server (`MONGODB_URI` from jest's global setup) in a database of its own, silent; `environment` adds to or
 * overrides the configuration.
 */
export async function startProductOnSimulator(
  name: string,
  environment: Readonly<Record<string, string>> = {},
): Promise<ProductOnSimulator> {
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run through jest');
  const config = loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: `${name}_${Date.now().toString(36)}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), `custodia-${name}-`)),
    ...environment,
  });
  const app = await startApp(config, createLogger('silent'));
  const sim = app.microsoft365.demo;
  if (!sim) throw new Error('the product did not start on the tenant simulator');
  return {
    app,
    sim,
    async stop() {
      await app.database.db.dropDatabase().catch(() => undefined);
      await app.stop();
    },
  };
}
