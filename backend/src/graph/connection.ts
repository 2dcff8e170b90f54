/** Where one customer tenant's Graph and token authority live, and the app registration that reads it. */
export interface GraphTenantConnection {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Graph root including the version, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly graphBaseUrl: string;
  /** Entra authority host, e.g. `https://login.microsoftonline.com`; the tenant id is appended. */
  readonly authorityHost: string;
}

/**
 * Graph's published limits (GRAPH-NOTES.md) and how politely we approach them. Budgets aim at
 * `budgetShare` of each published limit so that a sliding window never sees more than that share.
 */
export interface GraphLimits {
  /** Requests in flight at once on one mailbox (Outlook allows 4). */
  mailboxConcurrency: number;
  /** Outlook: requests per app and mailbox per window. */
  mailboxRequestsPerWindow: number;
  mailboxWindowMs: number;
  /** SharePoint/OneDrive resource units per app and tenant per minute (1,250 for tenants up to 1k licences). */
  sharePointUnitsPerMinute: number;
  /** Directory resource units per app and tenant per 10 s (3,500 for small tenants). */
  directoryUnitsPer10s: number;
  /** Teams: requests per second per app on one team. */
  teamRequestsPerSecond: number;
  /** Share of each published limit we allow ourselves over any sliding window. */
  budgetShare: number;
  /** Divides every budget window; set it to the simulator's time scale in tests and benchmarks. */
  timeScale: number;
  /** Budget units a worker reserves from the shared bucket at once (fewer database writes). */
  reservationBlock: number;
  /** Attempts per request before it fails (the first attempt included). */
  maxAttempts: number;
  /** First backoff step for 5xx and connection resets without Retry-After; doubles per attempt. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultGraphLimits: Readonly<GraphLimits> = Object.freeze({
  mailboxConcurrency: 4,
  mailboxRequestsPerWindow: 10_000,
  mailboxWindowMs: 10 * 60_000,
  sharePointUnitsPerMinute: 1_250,
  directoryUnitsPer10s: 3_500,
  teamRequestsPerSecond: 4,
  budgetShare: 0.95,
  timeScale: 1,
  reservationBlock: 10,
  maxAttempts: 8,
  backoffBaseMs: 500,
  backoffMaxMs: 60_000,
});

export function resolveGraphLimits(overrides: Partial<GraphLimits> = {}): GraphLimits {
  const limits = { ...defaultGraphLimits, ...overrides };
  if (limits.budgetShare <= 0 || limits.budgetShare > 1) throw new Error('GraphLimits.budgetShare must be in (0, 1]');
  if (limits.timeScale <= 0) throw new Error('GraphLimits.timeScale must be positive');
  if (limits.maxAttempts < 1) throw new Error('GraphLimits.maxAttempts must be at least 1');
  return limits;
}
