import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { SigningKeys } from './keys.js';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** Entra's v1.0 issuer: Graph accepts v1.0 access tokens, so Graph tokens carry it whatever endpoint issued them. */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** Entra's v2.0 issuer, used by tokens for APIs that accept v2.0 tokens, such as a Teams app's own API. */
export function v2Issuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export interface AppTokenRequest {
  tenantId: string;
  appId: string;
  servicePrincipalId: string;
  roles: string[];
  lifetimeSeconds: number;
}

export interface UserClaims {
  oid: string;
  preferredUsername: string;
  name: string;
}

/**
 * Claims as listed in https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference:
 * `aud`, `iss`, `iat`/`nbf`/`exp`, `tid`, `oid`, `sub`, `appid`/`azp`, `idtyp: app` and `roles` for app-only tokens.
 */
export async function signAppToken(keys: SigningKeys, request: AppTokenRequest): Promise<string> {
  return sign(keys, {
    aud: GRAPH_AUDIENCE,
    iss: v1Issuer(request.tenantId),
    tid: request.tenantId,
    // For app-only tokens `oid` and `sub` name the app's service principal in the tenant, not the app id.
    oid: request.servicePrincipalId,
    sub: request.servicePrincipalId,
    appid: request.appId,
    appidacr: '1',
    idtyp: 'app',
    roles: request.roles,
    ver: '1.0',
    lifetimeSeconds: request.lifetimeSeconds,
  });
}

/** A delegated Graph token (on-behalf-of): `scp` instead of `roles`, plus the user's `oid`, `upn` and `name`. */
export async function signDelegatedGraphToken(
  keys: SigningKeys,
  tenantId: string,
  appId: string,
  user: UserClaims,
  scopes: string[],
  lifetimeSeconds: number,
): Promise<string> {
  return sign(keys, {
    aud: GRAPH_AUDIENCE,
    iss: v1Issuer(tenantId),
    tid: tenantId,
    oid: user.oid,
    sub: user.oid,
    appid: appId,
    appidacr: '1',
    idtyp: 'user',
    scp: scopes.join(' '),
    upn: user.preferredUsername,
    unique_name: user.preferredUsername,
    name: user.name,
    ver: '1.0',
    lifetimeSeconds,
  });
}

/**
 * A Teams SSO token for the app's own API (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-token-graph):
 * v2.0 issuer, `aud` the app (client id or `api://.../{clientId}`), `scp: access_as_user`, `azp`, `preferred_username`.
 */
export async function signUserApiToken(
  keys: SigningKeys,
  tenantId: string,
  clientId: string,
  user: UserClaims,
  options: { audience: string; scopes: string[]; lifetimeSeconds: number },
): Promise<string> {
  return sign(keys, {
    aud: options.audience,
    iss: v2Issuer(tenantId),
    tid: tenantId,
    oid: user.oid,
    sub: user.oid,
    azp: clientId,
    azpacr: '0',
    scp: options.scopes.join(' '),
    preferred_username: user.preferredUsername,
    name: user.name,
    ver: '2.0',
    lifetimeSeconds: options.lifetimeSeconds,
  });
}

/**
 * An ID token (https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference): v2.0, `aud` the client
 * id, the `nonce` of the authorization request, `oid`, `sub`, `tid`, `preferred_username`, `name`.
 */
export async function signIdToken(
  keys: SigningKeys,
  tenantId: string,
  clientId: string,
  user: UserClaims,
  options: { nonce: string | undefined; lifetimeSeconds: number },
): Promise<string> {
  return sign(keys, {
    aud: clientId,
    iss: v2Issuer(tenantId),
    tid: tenantId,
    oid: user.oid,
    sub: user.oid,
    preferred_username: user.preferredUsername,
    name: user.name,
    ...(options.nonce !== undefined && { nonce: options.nonce }),
    ver: '2.0',
    lifetimeSeconds: options.lifetimeSeconds,
  });
}

async function sign(keys: SigningKeys, claims: JWTPayload & { lifetimeSeconds: number }): Promise<string> {
  const { lifetimeSeconds, ...payload } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...payload, uti: randomUUID().replace(/-/g, '') })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid })
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(keys.privateKey);
}

export type VerifyResult = { ok: true; claims: JWTPayload } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyToken(
  keys: SigningKeys,
  token: string,
  expected: { audience: string | string[]; issuer: string | string[] },
): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      audience: expected.audience,
      issuer: expected.issuer,
      algorithms: ['RS256'],
    });
    return { ok: true, claims: payload };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
