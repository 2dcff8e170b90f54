import { fileURLToPath } from 'node:url';
import type { RunningSimulator } from '@custodia/m365-simulator';
import type { RunningApp } from '@custodia/teams-app';
import { tenantRecords } from '@custodia/backend/tenants/tenant-store';
import { startProductOnSimulator } from '../../../test-support/product-on-simulator.js';

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
  /** Configuration beside the test's own, as `npm start` reads it (`DEMO_MORE_PEOPLE`, …). */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * The real product (`startApp` on the demo tenant: setup done, a Gold licence, one nightly job), serving tab/dist at
 * `/tab`, the development sign-in and the API from one origin, with the headers it sends in production (its
 * Content-Security-Policy included, so a page the policy would break fails its test).
 */
export async function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  // The demo's provider is its own directory beside the customer's (the simulator serves both), as in production.
  const { app, sim, stop } = await startProductOnSimulator('tab', options.environment);
  if (options.undoSetup) {
    await tenantRecords.scoped(app.database.db).updateOne(
      sim.tenantId,
      {},
      {
        $unset: { 'setup.dataLocation': '', 'setup.workloads': '', 'setup.adminConsent': '', 'setup.confirmation': '' },
      },
    );
  }
  return { url: app.url, app, sim, stop };
}
