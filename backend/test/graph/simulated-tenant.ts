import type { RunningSimulator } from '@custodia/m365-simulator';
import type { GraphTenantConnection } from '../../src/graph/index.js';

/** The gateway's configuration for a running simulator, as production reads it for Microsoft's endpoints. */
export function connectionTo(simulator: RunningSimulator): GraphTenantConnection {
  return {
    tenantId: simulator.tenantId,
    clientId: simulator.app.clientId,
    clientSecret: simulator.app.clientSecret,
    graphBaseUrl: simulator.graphBaseUrl,
    authorityHost: simulator.authorityHost,
  };
}
