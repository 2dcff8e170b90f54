import type { GraphResponse } from './types.js';

/**
 * A Graph error with the documented JSON shape `{ error: { code, message, innerError: { request-id, date } } }`
 * (https://learn.microsoft.com/graph/errors). Handlers throw it; the server renders it.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(what: string): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', `The specified object was not found in the store: ${what}`);
}

export function badRequest(message: string, code = 'BadRequest'): GraphError {
  return new GraphError(400, code, message);
}

export function errorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string | undefined,
): { error: object } {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
      },
    },
  };
}

export function errorResponse(error: GraphError, requestId: string, clientRequestId?: string): GraphResponse {
  return {
    status: error.status,
    headers: error.headers,
    body: errorBody(error.code, error.message, requestId, clientRequestId),
  };
}
