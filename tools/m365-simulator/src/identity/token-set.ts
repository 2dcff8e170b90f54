import { decodeJwt } from 'jose';
import type { SimulatorContext } from '../context.js';
import type { GraphResponse } from '../http/types.js';
import type { UserRecord } from '../model/records.js';
import { oauthError } from './oauth-error.js';
import { signDelegatedGraphToken, signIdToken, signUserApiToken, type UserClaims } from './tokens.js';

/**
 * Tokens for the app's own API live an hour, as the SSO tokens Teams hands a tab do (access tokens last 60 to 90
 * minutes by default: https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes).
 */
const API_TOKEN_LIFETIME_SECONDS = 3600;
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

type Resource =
  { kind: 'api'; scope: string } | { kind: 'graph'; scopes: string[] } | { kind: 'unknown'; name: string };

/** Which resource the scopes name: the app's own API (`access_as_user`), Graph (the default), or another one. */
function resourceOf(clientId: string, scopes: readonly string[]): Resource {
  const named = scopes.filter((scope) => !OIDC_SCOPES.has(scope.toLowerCase()));
  const api = new RegExp(`^(api://([^/]+/)?)?${clientId}/access_as_user$`, 'i');
  const apiScope = named.find((scope) => api.test(scope));
  if (apiScope) return { kind: 'api', scope: apiScope };
  const graph = named.map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//i, ''));
  const foreign = graph.find((scope) => scope.includes('/'));
  if (foreign) return { kind: 'unknown', name: foreign.slice(0, foreign.lastIndexOf('/')) };
  return { kind: 'graph', scopes: graph.length > 0 && !graph.includes('.default') ? graph : ['User.Read'] };
}

export interface TokenSetRequest {
  clientId: string;
  user: UserRecord;
  scopes: string[];
  nonce: string | undefined;
  /** `client_info=1` in the request: MSAL asks for the account's ids this way. */
  clientInfo: boolean;
  /** The 24 hours of the sign-in's first refresh token, kept by the ones redeemed for it. */
  refreshExpiresAt?: number;
}

/**
 * The successful token response of the auth code flow
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2): the access
 * token for the resource the scopes name (the app's own API, or Graph), `scope`, `expires_in`, a `refresh_token`
 * when `offline_access` was asked for, an `id_token` when `openid` was, and `client_info` when the request asked.
 */
export async function issueTokenSet(context: SimulatorContext, request: TokenSetRequest): Promise<GraphResponse> {
  const { tenant } = context;
  const resource = resourceOf(request.clientId, request.scopes);
  if (resource.kind === 'unknown')
    return oauthError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource.name} was not found in the tenant named ${tenant.displayName}.`,
    );
  const { user } = request;
  const claims: UserClaims = { oid: user.id, preferredUsername: user.userPrincipalName, name: user.displayName };
  const lifetime = resource.kind === 'api' ? API_TOKEN_LIFETIME_SECONDS : context.strict.tokenLifetimeSeconds;
  const accessToken =
    resource.kind === 'api'
      ? await signUserApiToken(context.keys, tenant.id, request.clientId, claims, {
          audience: request.clientId,
          scopes: ['access_as_user'],
          lifetimeSeconds: lifetime,
        })
      : await signDelegatedGraphToken(context.keys, tenant.id, request.clientId, claims, resource.scopes, lifetime);
  context.issuedTokenIds.add(String(decodeJwt(accessToken)['uti'] ?? ''));
  const granted =
    resource.kind === 'api'
      ? resource.scope
      : resource.scopes.map((scope) => `https://graph.microsoft.com/${scope}`).join(' ');
  const refreshToken = request.scopes.includes('offline_access')
    ? context.signIns.issueRefreshToken(
        { clientId: request.clientId, userId: user.id, scopes: request.scopes },
        request.refreshExpiresAt,
      )
    : undefined;
  const idToken = request.scopes.includes('openid')
    ? await signIdToken(context.keys, tenant.id, request.clientId, claims, {
        nonce: request.nonce,
        lifetimeSeconds: API_TOKEN_LIFETIME_SECONDS,
      })
    : undefined;
  const clientInfo = request.clientInfo
    ? Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.id })).toString('base64url')
    : undefined;
  return {
    status: 200,
    headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body: {
      token_type: 'Bearer',
      scope: granted,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      ...(refreshToken !== undefined && { refresh_token: refreshToken }),
      ...(idToken !== undefined && { id_token: idToken }),
      ...(clientInfo !== undefined && { client_info: clientInfo }),
    },
  };
}
