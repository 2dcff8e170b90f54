import { decodeJwt } from 'jose';
import { guidFrom } from '../util/ids.js';
import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import { authorityOf } from './authority.js';
import { redeemAuthorizationCode } from './authorization-code-grant.js';
import { authenticateClient } from './client-auth.js';
import { redeemRefreshToken } from './refresh-token-grant.js';
import { oauthError } from './oauth-error.js';
import { signAppToken, signDelegatedGraphToken, v2Issuer, verifyToken } from './tokens.js';

/**
 * Application permissions the simulated app registration holds by default (a backup app's admin-consented roles).
 * The mailbox import/export API needs its own permissions
 * (https://learn.microsoft.com/graph/api/resources/mailbox-import-export-api-overview); a tenant that did not consent
 * to them is started with `appRoles` or changed with `control.setAppRoles`.
 */
export const APP_ROLES: readonly string[] = [
  'User.Read.All',
  'Group.Read.All',
  'Mail.ReadWrite',
  'Mail.Send',
  'Calendars.ReadWrite',
  'Contacts.ReadWrite',
  'Files.ReadWrite.All',
  'Sites.ReadWrite.All',
  'ChannelMessage.Read.All',
  'Team.ReadBasic.All',
  'MailboxFolder.ReadWrite.All',
  'MailboxItem.Read.All',
  'MailboxItem.ImportExport.All',
];

const DELEGATED_SCOPES = [
  'User.Read',
  'Mail.ReadWrite',
  'Calendars.ReadWrite',
  'Contacts.ReadWrite',
  'Files.ReadWrite.All',
];

function tokenResponse(context: SimulatorContext, accessToken: string): GraphResponse {
  context.issuedTokenIds.add(String(decodeJwt(accessToken)['uti'] ?? ''));
  return {
    status: 200,
    headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body: {
      token_type: 'Bearer',
      expires_in: context.strict.tokenLifetimeSeconds,
      ext_expires_in: context.strict.tokenLifetimeSeconds,
      access_token: accessToken,
    },
  };
}

/**
 * `POST /{tenant}/oauth2/v2.0/token`: client credentials with a secret
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow), on-behalf-of
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow) and, for a single-page
 * application, the authorization code (`authorization-code-grant.ts`). `origin` is the browser's `Origin` header.
 */
export async function issueToken(
  context: SimulatorContext,
  tenantSegment: string,
  form: URLSearchParams,
  authorization: string | undefined,
  origin: string | undefined,
): Promise<GraphResponse> {
  const { tenant } = context;
  const authority = authorityOf(context, tenantSegment);
  if (!authority) {
    return oauthError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    );
  }
  // A single-page application is a public client: it proves itself with PKCE, not a secret.
  if (form.get('grant_type') === 'authorization_code') return redeemAuthorizationCode(context, form, origin);
  if (form.get('grant_type') === 'refresh_token') return redeemRefreshToken(context, form, origin);
  // The assertion's audience: the token endpoint as discovery names it, or as Entra's public host writes it.
  const client = await authenticateClient(context, form, authorization, [
    `${context.url}/${tenantSegment}/oauth2/v2.0/token`,
    `${context.url.replace(/^http:/, 'https:')}/${tenantSegment}/oauth2/v2.0/token`,
    `https://login.microsoftonline.com/${tenantSegment}/oauth2/v2.0/token`,
  ]);
  if (!client.ok) return client.refusal;
  const { clientId } = client;
  const scope = form.get('scope') ?? '';
  const grantType = form.get('grant_type');
  if (grantType === 'client_credentials') {
    // An app token is for one tenant: `common` and `organizations` name none (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    if (authority.kind === 'multi-tenant')
      return oauthError(
        400,
        'invalid_request',
        50059,
        'No tenant-identifying information found in either the request or implied by any provided credentials.',
      );
    // Client credentials take only `{resource}/.default` scopes.
    if (!/^https:\/\/graph\.microsoft\.com\/\.default$/i.test(scope.trim())) {
      return oauthError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    return tokenResponse(
      context,
      await signAppToken(context.keys, {
        tenantId: tenant.id,
        appId: clientId,
        servicePrincipalId: guidFrom(tenant.id, 'servicePrincipal', clientId),
        // The roles consented at the time the token is issued: a consent change reaches tokens issued afterwards.
        roles: [...context.appRoles],
        lifetimeSeconds: context.strict.tokenLifetimeSeconds,
      }),
    );
  }
  if (
    grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
    form.get('requested_token_use') === 'on_behalf_of'
  ) {
    return onBehalfOf(context, clientId, form.get('assertion') ?? '', scope);
  }
  return oauthError(
    400,
    'unsupported_grant_type',
    70003,
    `The app requested an unsupported grant type '${grantType ?? ''}'.`,
  );
}

async function onBehalfOf(
  context: SimulatorContext,
  clientId: string,
  assertion: string,
  scope: string,
): Promise<GraphResponse> {
  const { tenant } = context;
  const verified = await verifyToken(context.keys, assertion, {
    audience: [clientId, `api://${clientId}`, ...apiAudiences(clientId)],
    issuer: v2Issuer(tenant.id),
  });
  if (!verified.ok) {
    return verified.reason === 'expired'
      ? oauthError(
          400,
          'invalid_grant',
          500133,
          'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
        )
      : oauthError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
  }
  const user = tenant.findUser(String(verified.claims['oid'] ?? ''));
  if (!user) return oauthError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');
  const requested = scope
    .split(' ')
    .filter((value) => value.length > 0)
    .map((value) => value.replace(/^https:\/\/graph\.microsoft\.com\//i, ''));
  const scopes =
    requested.includes('.default') || requested.length === 0
      ? DELEGATED_SCOPES
      : requested.filter((value) => value !== 'offline_access');
  const token = await signDelegatedGraphToken(
    context.keys,
    tenant.id,
    clientId,
    { oid: user.id, preferredUsername: user.userPrincipalName, name: user.displayName },
    scopes,
    context.strict.tokenLifetimeSeconds,
  );
  return tokenResponse(context, token);
}

/** Teams SSO audiences: `api://{host}/{clientId}` as registered for a tab (any host). */
function apiAudiences(clientId: string): string[] {
  return [`api://localhost/${clientId}`, `api://127.0.0.1/${clientId}`];
}

/** Instance discovery, answered so msal-node can validate the authority (it also accepts `knownAuthorities` instead). */
export function instanceDiscovery(context: SimulatorContext): GraphResponse {
  const host = new URL(context.url).host;
  return {
    status: 200,
    body: {
      tenant_discovery_endpoint: `${context.url}/${context.tenant.id}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    },
  };
}
