import { ConfidentialClientApplication } from '@azure/msal-node';
import type { GraphTenantConnection } from './connection.js';

/** Renew this long before expiry at most; short-lived tokens renew at `renewAtShare` of their life instead. */
const renewalMarginMs = 5 * 60_000;
const renewAtShare = 0.8;

interface HeldToken {
  readonly accessToken: string;
  readonly renewAt: number;
}

/**
 * App-only tokens for one customer tenant by client credentials. The token is kept in memory and
 * renewed before it expires; concurrent callers share one token request instead of each asking.
 */
export class AppTokenProvider {
  private readonly app: ConfidentialClientApplication;
  private readonly scope: string;
  private held: HeldToken | undefined;
  private pending: Promise<HeldToken> | undefined;
  private requested = 0;
  private readonly tenantId: string;

  constructor(connection: GraphTenantConnection) {
    this.tenantId = connection.tenantId;
    const authorityHost = new URL(connection.authorityHost);
    const tenantRoot = `${connection.authorityHost.replace(/\/+$/, '')}/${connection.tenantId}`;
    this.app = new ConfidentialClientApplication({
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
    this.scope = `${new URL(connection.graphBaseUrl).origin}/.default`;
  }

  /** How many token requests went to the authority (for counters and tests). */
  get tokenRequests(): number {
    return this.requested;
  }

  async accessToken(now = Date.now()): Promise<string> {
    if (this.held && now < this.held.renewAt) return this.held.accessToken;
    this.pending ??= this.acquire().finally(() => {
      this.pending = undefined;
    });
    return (await this.pending).accessToken;
  }

  /** Forgets the token, e.g. after Graph answered 401 to it. */
  invalidate(rejected: string): void {
    if (this.held?.accessToken === rejected) this.held = undefined;
  }

  private async acquire(): Promise<HeldToken> {
    this.requested += 1;
    // skipCache: our own renewal point decides when to renew; MSAL's cache would hand back the old token.
    const result = await this.app.acquireTokenByClientCredential({ scopes: [this.scope], skipCache: true });
    if (!result?.accessToken) throw new Error(`the authority returned no access token for tenant ${this.tenantId}`);
    const acquiredAt = Date.now();
    const expiresAt = result.expiresOn?.getTime() ?? acquiredAt + 60_000;
    const lifetime = Math.max(0, expiresAt - acquiredAt);
    const renewAt = Math.max(expiresAt - renewalMarginMs, acquiredAt + lifetime * renewAtShare);
    this.held = { accessToken: result.accessToken, renewAt };
    return this.held;
  }
}
