import { decodeJwt } from 'jose';
import { tenantHostsOf, type RunningSimulator } from './simulator.js';
import { signUserApiToken } from './identity/tokens.js';

export interface MintUserTokenOptions {
  /**
   * Defaults to the first tenant's app's client id (a v2.0 token for the app's own API, as Teams SSO issues with
   * accessTokenAcceptedVersion 2): the multi-tenant app a person of any of the simulator's tenants signs in to.
   */
  audience?: string;
  scopes?: string[];
  expiresInSeconds?: number;
}

/**
 * A Teams-style SSO token for a tenant user (`getAuthToken` in a tab): signed by the simulator's authority, with
 * `aud`, `scp: access_as_user`, `tid`, `oid`, `preferred_username`, `name`
 * (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-overview).
 * A negative `expiresInSeconds` gives an already expired token. The user may be of any tenant the simulator serves;
 * the token names that tenant (`tid`, issuer).
 */
export async function mintUserToken(
  sim: RunningSimulator,
  user: { id: string } | { oid: string },
  options: MintUserTokenOptions = {},
): Promise<string> {
  const tenants = tenantHostsOf.get(sim);
  if (!tenants) throw new Error('mintUserToken: not a simulator started by startSimulator');
  const id = 'oid' in user ? user.oid : user.id;
  const home = tenants.all.find(({ context: candidate }) => candidate.tenant.findUser(id));
  const found = home?.context.tenant.findUser(id);
  if (!home || !found) throw new Error(`mintUserToken: no user ${id} in the simulator's tenants`);
  const { context } = home;
  const app = tenants.primary.context.tenant.app;
  const token = await signUserApiToken(
    context.keys,
    context.tenant.id,
    app.clientId,
    { oid: found.id, preferredUsername: found.userPrincipalName, name: found.displayName },
    {
      audience: options.audience ?? app.clientId,
      scopes: options.scopes ?? ['access_as_user'],
      lifetimeSeconds: options.expiresInSeconds ?? 3600,
    },
  );
  context.issuedTokenIds.add(String(decodeJwt(token)['uti'] ?? ''));
  return token;
}
