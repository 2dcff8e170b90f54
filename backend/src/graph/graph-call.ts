import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { GraphRequestError } from './errors.js';
import type { RequestPolicy } from './request-policy.js';

export interface GraphCallSettings {
  /** Counter and error label of the resource (`mailbox:<id>`...). */
  readonly resourceLabel: string;
  readonly policy: RequestPolicy;
  /** Budget units to spend instead of the policy's (a batch spends one per sub-request). */
  readonly units?: number;
  /** Concurrency permits to hold (a batch to a mailbox holds one per parallel lane). */
  readonly permits?: number;
  /** Read the whole body inside the retry loop, so a reset mid-body repeats the request. */
  readonly bufferBody: boolean;
  /** Send no Authorization header (pre-authenticated upload and download URLs). */
  readonly anonymous: boolean;
  /** Safe to repeat after a 5xx or a reset, when the server may already have acted on it. */
  readonly idempotent: boolean;
}

/**
 * What one logical Graph call carries through the middleware chain, and what the chain reports back
 * (attempts, the typed failure) past the SDK, which would otherwise rewrap errors as GraphError.
 */
export class GraphCall implements MiddlewareOptions {
  attempts = 0;
  failure: GraphRequestError | undefined;
  /** The bearer token sent by the last attempt, so a 401 can discard exactly that token. */
  bearer: string | undefined;
  /** Whether a 401 already made this call fetch a fresh token: a second 401 stands. */
  tokenRenewed = false;

  constructor(readonly settings: GraphCallSettings) {}
}

export function callOf(context: Context): GraphCall {
  const call = context.middlewareControl?.getMiddlewareOptions(GraphCall);
  if (!(call instanceof GraphCall)) throw new Error('Graph request sent without GraphCall options');
  return call;
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  return (context.options?.method ?? 'GET').toUpperCase();
}

/** Replaces one header on the request, whatever shape the SDK gave the headers. */
export function setRequestHeader(context: Context, name: string, value: string | undefined): void {
  const headers = new Headers(context.options?.headers);
  if (value === undefined) headers.delete(name);
  else headers.set(name, value);
  context.options = { ...context.options, headers };
}
