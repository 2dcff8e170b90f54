import { GraphRequestError, GraphResyncRequired, isResyncSignal, type GraphFailureDetails } from './errors.js';

interface GraphErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    innerError?: Record<string, unknown>;
    innererror?: Record<string, unknown>;
  };
}

export interface FailedCall {
  readonly tenantId: string;
  readonly resource: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
}

/** The typed error for a final non-2xx answer (its body must be buffered or small). */
export async function errorFromResponse(response: Response, call: FailedCall): Promise<GraphRequestError> {
  const text = await response.text().catch(() => '');
  return errorFromParts(response.status, response.headers, parseErrorBody(text), call);
}

/** The typed error for a sub-response of a batch, or any answer already parsed. */
export function errorFromParts(status: number, headers: Headers, body: unknown, call: FailedCall): GraphRequestError {
  const error = (body as GraphErrorBody | undefined)?.error;
  const inner = error?.innerError ?? error?.innererror;
  const innerRequestId = inner?.['request-id'];
  const details: GraphFailureDetails = {
    ...call,
    status,
    code: typeof error?.code === 'string' ? error.code : `http${status}`,
    graphMessage: typeof error?.message === 'string' ? error.message : '',
    requestId:
      headers.get('request-id') ??
      (typeof innerRequestId === 'string' ? innerRequestId : undefined) ??
      headers.get('client-request-id') ??
      undefined,
  };
  if (isResyncSignal(status, details.code))
    return new GraphResyncRequired(details, headers.get('location') ?? undefined);
  return new GraphRequestError(details);
}

function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: { message: text.slice(0, 500) } };
  }
}
