import { Readable } from 'node:stream';
import type { SimulatorContext } from '../context.js';
import { dispatch } from '../http/dispatch.js';
import { badRequest, errorBody } from '../http/errors.js';
import { jsonBody, ok } from '../http/odata.js';
import type { Router } from '../http/router.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';
import { newRequestId } from '../util/ids.js';

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** JSON batching (https://learn.microsoft.com/graph/json-batching): at most 20 requests. */
const MAX_BATCH = 20;

async function bodyOf(response: GraphResponse): Promise<unknown> {
  const { body } = response;
  if (body === undefined) return undefined;
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('base64');
  }
  // Non-JSON bodies come back base64-encoded in a batch response.
  return Buffer.isBuffer(body) ? body.toString('base64') : body;
}

/**
 * `POST /$batch`: each sub-request goes through routing, limits and counters on its own, so it may get its own 429;
 * requests without `dependsOn` run together; a request whose dependency failed gets 424 Failed Dependency.
 */
export function registerBatchRoute(router: Router, context: SimulatorContext): void {
  router.add('POST', '/$batch', { resource: 'directory' }, async (request) => {
    const { requests } = jsonBody<{ requests?: BatchRequest[] }>(request);
    if (!Array.isArray(requests) || requests.length === 0)
      throw badRequest('Invalid batch payload format.', 'BadRequest');
    if (requests.length > MAX_BATCH)
      throw badRequest(`The number of batch requests exceeds the limit of ${MAX_BATCH}.`, 'BadRequest');
    const ids = new Set(requests.map((entry) => entry.id));
    if (ids.size !== requests.length) throw badRequest('Batch request ids must be unique.', 'BadRequest');
    for (const entry of requests) {
      for (const dependency of entry.dependsOn ?? [])
        if (!ids.has(dependency)) throw badRequest(`Request ${entry.id} depends on unknown request ${dependency}.`);
    }
    const outcomes = new Map<
      string,
      Promise<{ id: string; status: number; headers: Record<string, string>; body?: unknown }>
    >();
    const run = (entry: BatchRequest) => {
      let outcome = outcomes.get(entry.id);
      if (!outcome) {
        outcome = runOne(context, router, request, entry, (id) =>
          run(requests.find((candidate) => candidate.id === id) as BatchRequest),
        );
        outcomes.set(entry.id, outcome);
      }
      return outcome;
    };
    const responses = await Promise.all(requests.map(run));
    return ok({ responses });
  });
}

async function runOne(
  context: SimulatorContext,
  router: Router,
  outer: GraphRequest,
  entry: BatchRequest,
  run: (id: string) => Promise<{ status: number }>,
) {
  const dependencies = await Promise.all((entry.dependsOn ?? []).map(run));
  if (dependencies.some((dependency) => dependency.status >= 400)) {
    return {
      id: entry.id,
      status: 424,
      headers: {},
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
    headers: { 'content-type': 'application/json', ...headers },
    body,
    caller: outer.caller,
    requestId: newRequestId(),
  });
  const result = await bodyOf(response).finally(() => response.onDone?.());
  return {
    id: entry.id,
    status: response.status,
    headers: response.headers ?? {},
    ...(result === undefined ? {} : { body: result }),
  };
}
