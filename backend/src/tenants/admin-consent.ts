/**
 * Finds out whether a tenant's administrator has granted our application its permissions
 * (admin consent): in production by asking Entra for an app-only token for that tenant.
 */
export interface AdminConsentProbe {
  isGranted(tenantId: string): Promise<boolean>;
}

/** The address an administrator follows to grant consent, on the configured authority. */
export function adminConsentUrl(authorityHost: string, tenantId: string, clientId: string, redirectUri: string): string {
  const url = new URL(`${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/adminconsent`);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', 'https://graph.microsoft.com/.default');
  url.searchParams.set('redirect_uri', redirectUri);
  return url.toString();
}
