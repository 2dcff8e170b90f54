import { randomUUID } from 'node:crypto';
import type { GraphResponse } from '../http/types.js';

/**
 * Entra's OAuth error shape (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response):
 * `error`, `error_description` as `AADSTS{code}: {text}` then `\r\n`-separated `Trace ID`, `Correlation ID` and
 * `Timestamp` lines, `error_codes`, `timestamp`, `trace_id`, `correlation_id`.
 */
export function oauthError(status: number, error: string, code: number, description: string): GraphResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/**
 * Codes and refresh tokens of a single-page application are redeemed only by the browser, cross-origin
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas).
 */
export function spaRedemptionNotCrossOrigin(): GraphResponse {
  return oauthError(
    400,
    'invalid_request',
    9002327,
    "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  );
}
