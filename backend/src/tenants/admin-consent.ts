import { decodeJwt } from 'jose';
import { notConsentedCodes } from '../graph/errors.js';

/**
 * Finds out whether a tenant's administrator has granted our application its permissions
 * (admin consent), and which: in production by asking Entra for an app-only token for that tenant.
 */
export interface AdminConsentProbe {
  /** The application permissions granted in the tenant, or null when nothing was consented. */
  grantedPermissions(tenantId: string): Promise<readonly string[] | null>;
}

/** The address an administrator follows to grant consent, on the configured authority. */
export function adminConsentUrl(
  authorityHost: string,
  tenantId: string,
  clientId: string,
  redirectUri: string,
): string {
  const url = new URL(`${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', 'https://graph.microsoft.com/.default');
  url.searchParams.set('redirect_uri', redirectUri);
  return url.toString();
}

/**
 * Asks the tenant's token endpoint for an app-only Graph token with our client credentials:
 * Entra issues one only once an administrator of that tenant has consented to the application.
 */
export class ClientCredentialsConsentProbe implements AdminConsentProbe {
  constructor(private readonly app: { authorityHost: string; clientId: string; clientSecret: string }) {}

  async grantedPermissions(tenantId: string): Promise<readonly string[] | null> {
    const endpoint = `${this.app.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: this.app.clientId,
        client_secret: this.app.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
        grant_type: 'client_credentials',
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { error_codes?: unknown; access_token?: unknown };
    if (response.ok) return rolesOf(body.access_token);
    const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
    if (codes.some((code) => notConsentedCodes.has(Number(code)))) return null;
    throw new Error(`admin consent check for tenant ${tenantId}: token endpoint answered ${response.status}`);
  }
}

/**
 * The application permissions in an app-only token: its `roles` claim, which lists exactly what the tenant's
 * administrator granted (learn.microsoft.com/entra/identity-platform/access-token-claims-reference, roles). Read from
 * our own token only to tell the administrator what is missing; Graph itself enforces them.
 */
function rolesOf(token: unknown): string[] {
  if (typeof token !== 'string') return [];
  const roles = decodeJwt(token)['roles'];
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}
