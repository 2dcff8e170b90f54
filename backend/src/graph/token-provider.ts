import type { ConfidentialClientApplication } from '@azure/msal-node';
import type { GraphTenantConnection } from './connection.js';
import { confidentialClient, graphScope } from './msal-client.js';

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

  /** `clock` decides when the held token is due for renewal (tests move it forward). */
  constructor(
    connection: GraphTenantConnection,
    private readonly clock: () => number = Date.now,
  ) {
    this.tenantId = connection.tenantId;
    this.app = confidentialClient(connection);
    this.scope = graphScope(connection.graphBaseUrl);
  }

  /** How many token requests went to the authority (for counters and tests). */
  get tokenRequests(): number {
    return this.requested;
  }

  async accessToken(): Promise<string> {
    if (this.held && this.clock() < this.held.renewAt) return this.held.accessToken;
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
    const lifetime = Math.max(0, (result.expiresOn?.getTime() ?? Date.now()) - Date.now());
    const renewAfter = Math.max(lifetime - renewalMarginMs, lifetime * renewAtShare);
    this.held = { accessToken: result.accessToken, renewAt: this.clock() + renewAfter };
    return this.held;
  }
}
