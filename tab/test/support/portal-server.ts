import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSimulator } from '@custodia/m365-simulator';
import { createLogger, loadConfig, startApp, type RunningApp } from '@custodia/teams-app';
import { tenantRecords } from '@custodia/backend/tenants/tenant-store';

export const tabDist = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface PortalServer {
  readonly url: string;
  readonly app: RunningApp;
  readonly sim: RunningSimulator;
  stop(): Promise<void>;
}

export interface PortalServerOptions {
  /** Undo the demo tenant's setup, so that the portal walks it as a new customer would. */
  readonly undoSetup: boolean;
}

/**
 * The real product (`startApp` on the demo tenant: setup done, a Gold licence, one nightly job), serving tab/dist at
 * `/tab`, the development sign-in and the API from one origin, with the headers it sends in production (its
 * Content-Security-Policy included, so a page the policy would break fails its test).
 */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'custodia-tab-'));
  const mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) throw new Error('MONGODB_URI is not set: run through jest');
  const config = loadConfig({
    PORT: '0',
    SIMULATOR_PORT: '0',
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: `tab_${Date.now().toString(36)}`,
    DATA_DIR: dataDir,
    // In demo mode the provider's directory defaults to the demo tenant itself, which would make its admin a
    // (refused) provider operator; the provider here is another directory, as in production.
    PROVIDER_TENANT_ID: randomUUID(),
  });
  const app = await startApp(config, createLogger('silent'));
  const sim = app.microsoft365.demo;
  if (!sim) throw new Error('the product did not start on the tenant simulator');
  if (options.undoSetup) {
    await tenantRecords.scoped(app.database.db).updateOne(
      sim.tenantId,
      {},
      {
        $unset: { 'setup.dataLocation': '', 'setup.workloads': '', 'setup.adminConsent': '', 'setup.confirmation': '' },
      },
    );
  }

  return {
    url: app.url,
    app,
    sim,
    async stop() {
      await app.database.db.dropDatabase().catch(() => undefined);
      await app.stop();
    },
  };
}
