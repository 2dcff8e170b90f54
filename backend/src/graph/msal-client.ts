import { ConfidentialClientApplication } from '@azure/msal-node';
import type { GraphTenantConnection } from './connection.js';

/**
 * MSAL's confidential client for one customer tenant, with the authority's endpoints from configuration (Entra, or
 * the tenant simulator on loopback).
 */
export function confidentialClient(connection: GraphTenantConnection): ConfidentialClientApplication {
  const authorityHost = new URL(connection.authorityHost);
  const tenantRoot = `${connection.authorityHost.replace(/\/+$/, '')}/${connection.tenantId}`;
  return new ConfidentialClientApplication({
    auth: {
      clientId: connection.clientId,
      clientSecret: connection.clientSecret,
      // MSAL only accepts https authority names; the name is an identifier here, because the
      // endpoints below come from configuration and are called as written (http on loopback).
      authority: `https://${authorityHost.host}/${connection.tenantId}`,
      knownAuthorities: [authorityHost.host],
      authorityMetadata: JSON.stringify({
        issuer: `${tenantRoot}/v2.0`,
        token_endpoint: `${tenantRoot}/oauth2/v2.0/token`,
        authorization_endpoint: `${tenantRoot}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${tenantRoot}/oauth2/v2.0/logout`,
        jwks_uri: `${tenantRoot}/discovery/v2.0/keys`,
      }),
    },
  });
}

/**
 * Tokens ask for `{resource}/.default`. Microsoft's clouds name Graph by its https origin (graph.microsoft.com,
 * graph.microsoft.us...); a local stand-in for Graph (the simulator) answers for the public cloud's Graph, as the
 * real one would.
 */
export function graphScope(graphBaseUrl: string): string {
  const { protocol, origin } = new URL(graphBaseUrl);
  return protocol === 'https:' ? `${origin}/.default` : 'https://graph.microsoft.com/.default';
}
