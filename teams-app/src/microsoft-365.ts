import { startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import type { GraphTenantConnection } from '@custodia/backend/graph/index';
import type { AppConfig } from './config.js';

/** Where Custodia finds Microsoft 365: Microsoft itself, or the built-in tenant simulator for demos. */
export interface Microsoft365 {
  readonly mode: 'microsoft' | 'simulator';
  readonly authorityHost: string;
  readonly app: { clientId: string; clientSecret: string };
  /** Sign-in tokens are checked against this tenant's keys for the simulator, the common endpoint otherwise. */
  readonly jwksUri: string | undefined;
  readonly issuerHost: string | undefined;
  /** The provider's own directory (the telco's operators sign in from it). */
  readonly providerTenantId: string;
  /** In simulator mode, the demo tenant to seed. */
  readonly demo: RunningSimulator | undefined;
  connectionFor(tenantId: string): GraphTenantConnection;
  stop(): Promise<void>;
}

const demoProviderTenantId = '00000000-0000-4000-8000-00000000c0de';

/** Connects to Microsoft as configured, or starts the simulator with the demo tenant when Graph is not configured. */
export async function connectMicrosoft365(config: AppConfig): Promise<Microsoft365> {
  if (config.graphBaseUrl && config.authorityHost && config.graphApp && config.provider.tenantId) {
    const { graphBaseUrl, authorityHost, graphApp } = config;
    return {
      mode: 'microsoft',
      authorityHost,
      app: graphApp,
      jwksUri: undefined,
      issuerHost: undefined,
      providerTenantId: config.provider.tenantId,
      demo: undefined,
      connectionFor: (tenantId) => ({ tenantId, graphBaseUrl, authorityHost, ...graphApp }),
      stop: async () => undefined,
    };
  }
  const sim = await startSimulator({ port: config.simulatorPort, tenant: 'demo' });
  return {
    mode: 'simulator',
    authorityHost: sim.authorityHost,
    app: sim.app,
    jwksUri: `${sim.authorityHost}/${sim.tenantId}/discovery/v2.0/keys`,
    // The simulator issues Entra's real issuer, as a token from Microsoft would carry.
    issuerHost: 'https://login.microsoftonline.com',
    // The telco's own directory is not the demo customer's; without one configured, nobody is a provider operator.
    providerTenantId: config.provider.tenantId ?? demoProviderTenantId,
    demo: sim,
    connectionFor: (tenantId) => ({
      tenantId,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
      ...sim.app,
    }),
    stop: () => sim.stop(),
  };
}
