import { Readable } from 'node:stream';
import type { SimulatorContext } from '../context.js';
import { dispatch } from '../http/dispatch.js';
import { errorBody } from '../http/errors.js';
import { jsonBody, ok } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import { newRequestId } from '../util/ids.js';
import { readBatchRequests, type BatchRequest } from './batch-payload.js';

interface BatchAnswer {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Graph's JSON content type, as inner responses carry it (https://learn.microsoft.com/graph/json-batching#example-json-batch-response). */
const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

async function bodyOf(response: GraphResponse): Promise<unknown> {
  const { body } = response;
  // An inner response without content carries `body: null`.
  if (body === undefined) return null;
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('base64');
  }
  // Non-JSON bodies come back base64-encoded in a batch response.
  return Buffer.isBuffer(body) ? body.toString('base64') : body;
}

/** The inner response's headers with its `Content-Type`, as the page's example shows them. */
function innerHeaders(response: GraphResponse): Record<string, string> {
  const headers = { ...(response.headers ?? {}) };
  const contentType = headers['content-type'];
  delete headers['content-type'];
  const isJson = response.body !== undefined && !Buffer.isBuffer(response.body) && !(response.body instanceof Readable);
  if (contentType ?? isJson) headers['Content-Type'] = contentType ?? JSON_CONTENT_TYPE;
  return headers;
}

/**
 * `POST /$batch`: each sub-request goes through routing, limits and counters on its own, so it may get its own 429;
 * requests without `dependsOn` run together; a request whose dependency failed gets 424 Failed Dependency.
 */
export function registerBatchRoute(router: Router, context: SimulatorContext): void {
  router.add('POST', '/$batch', { resource: 'directory', query: [] }, async (request) => {
    const requests = readBatchRequests(jsonBody<unknown>(request));
    const byId = new Map(requests.map((entry) => [entry.id.toLowerCase(), entry]));
    const outcomes = new Map<string, Promise<BatchAnswer>>();
    const run = (entry: BatchRequest): Promise<BatchAnswer> => {
      let outcome = outcomes.get(entry.id.toLowerCase());
      if (!outcome) {
        outcome = runOne(context, router, request, entry, (id) => run(byId.get(id.toLowerCase()) as BatchRequest));
        outcomes.set(entry.id.toLowerCase(), outcome);
      }
      return outcome;
    };
    // In strict mode the answers come in a shuffled order, as the page allows: a client must match them by id.
    return ok({ responses: context.strict.order(await Promise.all(requests.map(run))) });
  });
}

async function runOne(
  context: SimulatorContext,
  router: Router,
  outer: GraphRequest,
  entry: BatchRequest,
  run: (id: string) => Promise<{ status: number }>,
): Promise<BatchAnswer> {
  const dependencies = await Promise.all((entry.dependsOn ?? []).map(run));
  if (dependencies.some((dependency) => dependency.status >= 400)) {
    return {
      id: entry.id,
      status: 424,
      headers: { 'Content-Type': JSON_CONTENT_TYPE },
      body: errorBody('FailedDependency', 'A request this one depends on failed.', newRequestId(), undefined),
    };
  }
  const body =
    entry.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body));
  const headers = Object.fromEntries(
    Object.entries(entry.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
  );
  const response = await dispatch(context, router, {
    method: entry.method.toUpperCase(),
    target: entry.url.startsWith('/') ? entry.url : `/${entry.url}`,
    headers,
    body,
    caller: outer.caller,
    requestId: newRequestId(),
    batched: true,
  });
  const result = await bodyOf(response).finally(() => response.onDone?.());
  return { id: entry.id, status: response.status, headers: innerHeaders(response), body: result };
}
