/**
 * Finds out whether a tenant's administrator has granted our application its permissions
 * (admin consent): in production by asking Entra for an app-only token for that tenant.
 */
export interface AdminConsentProbe {
  isGranted(tenantId: string): Promise<boolean>;
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
 * AADSTS codes Entra answers when our app is not consented in the tenant: app not found in the
 * directory (700016), no service principal (7000229), consent required (65001), tenant not found (90002).
 */
const notConsentedCodes = new Set([700016, 7000229, 65001, 90002]);

/**
 * Asks the tenant's token endpoint for an app-only Graph token with our client credentials:
 * Entra issues one only once an administrator of that tenant has consented to the application.
 */
export class ClientCredentialsConsentProbe implements AdminConsentProbe {
  constructor(private readonly app: { authorityHost: string; clientId: string; clientSecret: string }) {}

  async isGranted(tenantId: string): Promise<boolean> {
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
    if (response.ok) return true;
    const body = (await response.json().catch(() => ({}))) as { error_codes?: unknown };
    const codes = Array.isArray(body.error_codes) ? body.error_codes : [];
    if (codes.some((code) => notConsentedCodes.has(Number(code)))) return false;
    throw new Error(`admin consent check for tenant ${tenantId}: token endpoint answered ${response.status}`);
  }
}
