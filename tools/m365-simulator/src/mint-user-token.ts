import { decodeJwt } from 'jose';
import { contexts, type RunningSimulator } from './simulator.js';
import { signUserApiToken } from './identity/tokens.js';

export interface MintUserTokenOptions {
  /** Defaults to the app's client id (a v2.0 token for the app's own API, as Teams SSO issues with accessTokenAcceptedVersion 2). */
  audience?: string;
  scopes?: string[];
  expiresInSeconds?: number;
}

/**
 * A Teams-style SSO token for a tenant user (`getAuthToken` in a tab): signed by the simulator's authority, with
 * `aud`, `scp: access_as_user`, `tid`, `oid`, `preferred_username`, `name`
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-overview).
 * A negative `expiresInSeconds` gives an already expired token.
 */
export async function mintUserToken(
  sim: RunningSimulator,
  user: { id: string } | { oid: string },
  options: MintUserTokenOptions = {},
): Promise<string> {
  const context = contexts.get(sim);
  if (!context) throw new Error('mintUserToken: not a simulator started by startSimulator');
  const id = 'oid' in user ? user.oid : user.id;
  const found = context.tenant.findUser(id);
  if (!found) throw new Error(`mintUserToken: no user ${id} in the tenant`);
  const token = await signUserApiToken(
    context.keys,
    context.tenant.id,
    context.tenant.app.clientId,
    { oid: found.id, preferredUsername: found.userPrincipalName, name: found.displayName },
    {
      audience: options.audience ?? context.tenant.app.clientId,
      scopes: options.scopes ?? ['access_as_user'],
      lifetimeSeconds: options.expiresInSeconds ?? 3600,
    },
  );
  context.issuedTokenIds.add(String(decodeJwt(token)['uti'] ?? ''));
  return token;
}
