export interface GraphFailureDetails {
  /** HTTP status of the last attempt; 0 when no response arrived (connection reset, refused, timed out). */
  readonly status: number;
  /** Graph error code (`ErrorItemNotFound`, `syncStateNotFound`...) or the network error code. */
  readonly code: string;
  readonly graphMessage: string;
  /** Graph `request-id` of the last attempt, for Microsoft support. */
  readonly requestId: string | undefined;
  readonly tenantId: string;
  /** The resource label (`mailbox:<id>`, `drive:<id>`, `directory`, `team:<id>`). */
  readonly resource: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
}

/**
 * A Graph call that failed for good: after retries, or at once for an error retrying cannot fix.
 * `message` is English; `messages` carries the same sentence in English and Italian for the job log.
 */
export class GraphRequestError extends Error implements GraphFailureDetails {
  readonly status: number;
  readonly code: string;
  readonly graphMessage: string;
  readonly requestId: string | undefined;
  readonly tenantId: string;
  readonly resource: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly messages: { readonly en: string; readonly it: string };

  constructor(details: GraphFailureDetails) {
    const outcome = details.status === 0 ? `no response (${details.code})` : `${details.status} ${details.code}`;
    const reference = `tenant ${details.tenantId}, ${details.resource}, request id ${details.requestId ?? '-'}`;
    const en = `Microsoft Graph ${details.method} ${details.url} failed with ${outcome} after ${details.attempts} attempt(s) (${reference})${details.graphMessage ? `: ${details.graphMessage}` : ''}`;
    const it = `Microsoft Graph ${details.method} ${details.url} non riuscita: ${outcome} dopo ${details.attempts} tentativo/i (tenant ${details.tenantId}, ${details.resource}, id richiesta ${details.requestId ?? '-'})${details.graphMessage ? `: ${details.graphMessage}` : ''}`;
    super(en);
    this.name = 'GraphRequestError';
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.tenantId = details.tenantId;
    this.resource = details.resource;
    this.method = details.method;
    this.url = details.url;
    this.attempts = details.attempts;
    this.messages = { en, it };
  }
}

/**
 * A delta token (or the sync state behind it) is no longer valid: the caller must enumerate the
 * resource again from scratch (from `location` when Graph gave one) and reconcile with its catalog.
 */
export class GraphResyncRequired extends GraphRequestError {
  /** Where a drive says the new full enumeration starts (the `Location` header of the 410). */
  readonly location: string | undefined;

  constructor(details: GraphFailureDetails, location: string | undefined) {
    super(details);
    this.name = 'GraphResyncRequired';
    this.location = location;
  }
}

const resyncCodes = new Set(['syncstatenotfound', 'syncstateinvalid', 'resyncrequired']);

/** 410 Gone, or an Outlook sync-state error under another status, means the delta token is dead. */
export function isResyncSignal(status: number, code: string): boolean {
  return status === 410 || resyncCodes.has(code.toLowerCase());
}

/**
 * AADSTS codes Entra answers to an app-only token request when our app is not consented in the tenant: app not found
 * in the directory (700016), no service principal (7000229), consent required (65001), tenant not found (90002)
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
export const notConsentedCodes: ReadonlySet<number> = new Set([700016, 7000229, 65001, 90002]);

/**
 * Entra refused the app-only token for the tenant because its administrator never consented to the app, or revoked
 * the consent: no Graph call can succeed until an administrator consents again. `code` is `AADSTS<number>`.
 */
export class GraphConsentMissing extends GraphRequestError {
  constructor(details: GraphFailureDetails) {
    super(details);
    this.name = 'GraphConsentMissing';
  }
}

/** The AADSTS number of an MSAL token failure (`ServerError.errorNo`, Entra's first `error_codes` entry), if any. */
export function entraErrorNumber(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('errorNo' in error)) return undefined;
  const number = Number(error.errorNo);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}
