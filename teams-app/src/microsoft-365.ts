import { demoProviderTenant, demoTenant, startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
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
  /**
   * Who operates for the provider when the configuration names nobody: the demo provider's operator on the simulator;
   * on Microsoft, none (the operators recorded stay as they are).
   */
  readonly defaultProviderOperators: readonly string[] | undefined;
  /** The provider's mailbox when the configuration names none: the demo provider's on the simulator. */
  readonly defaultProviderMailbox: string | undefined;
  /** In simulator mode, the demo tenant to seed. */
  readonly demo: RunningSimulator | undefined;
  connectionFor(tenantId: string): GraphTenantConnection;
  stop(): Promise<void>;
}

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
      defaultProviderOperators: undefined,
      defaultProviderMailbox: undefined,
      demo: undefined,
      connectionFor: (tenantId) => ({ tenantId, graphBaseUrl, authorityHost, ...graphApp }),
      stop: async () => undefined,
    };
  }
  // The demo customer, and beside it the provider's own directory (its operator, its letters' mailbox, its own app).
  const sim = await startSimulator({
    port: config.simulatorPort,
    tenant: demoTenant({ morePeople: config.demoMorePeople }),
    moreTenants: [demoProviderTenant()],
  });
  const [provider] = sim.moreTenants;
  if (!provider) throw new Error('the simulator did not start the demo provider tenant');
  const [operator, mailbox] = provider.control.listUsers();
  return {
    mode: 'simulator',
    authorityHost: sim.authorityHost,
    app: sim.app,
    jwksUri: `${sim.authorityHost}/${sim.tenantId}/discovery/v2.0/keys`,
    // The simulator issues Entra's real issuer, as a token from Microsoft would carry.
    issuerHost: 'https://login.microsoftonline.com',
    providerTenantId: config.provider.tenantId ?? provider.tenantId,
    defaultProviderOperators: operator ? [operator.userPrincipalName.toLowerCase()] : [],
    defaultProviderMailbox: mailbox?.userPrincipalName,
    demo: sim,
    // Each tenant through the app registered in it: the customer's consented app, the provider's own.
    connectionFor: (tenantId) => ({
      tenantId,
      graphBaseUrl: sim.graphBaseUrl,
      authorityHost: sim.authorityHost,
      ...(tenantId === provider.tenantId ? provider.app : sim.app),
    }),
    stop: () => sim.stop(),
  };
}
