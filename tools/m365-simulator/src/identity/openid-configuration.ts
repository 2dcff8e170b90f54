import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import type { Authority } from './authority.js';
import { v2Issuer } from './tokens.js';

/**
 * OpenID discovery document (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri).
 * A tenant's names its issuer; `common` and `organizations` name the `{tenantid}` template instead, which a client
 * fills with the `tid` of the token it validates.
 */
export function openIdConfiguration(context: SimulatorContext, authority: Authority): GraphResponse {
  const tenantSpecific = authority.kind === 'tenant';
  const base = `${context.url}/${tenantSpecific ? context.tenant.id : authority.segment}`;
  return {
    status: 200,
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: tenantSpecific ? v2Issuer(context.tenant.id) : v2Issuer('{tenantid}'),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${context.url}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'nonce',
        'oid',
        'tid',
        'preferred_username',
        'name',
      ],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: tenantSpecific ? 'EU' : null,
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
  };
}
