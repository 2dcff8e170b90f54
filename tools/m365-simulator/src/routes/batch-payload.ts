import { badRequest } from '../http/errors.js';

export interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** JSON batching (https://learn.microsoft.com/graph/json-batching#batch-size-limitations): at most 20 requests. */
const MAX_BATCH = 20;

const REQUIRED = ['id', 'method', 'url'] as const;

/**
 * The `requests` of a batch, checked as https://learn.microsoft.com/graph/json-batching#creating-a-batch-request lists
 * them: `id`, `method` and `url` required, ids unique ignoring case, a `body` only with a `Content-Type` header,
 * `dependsOn` naming requests of the batch. A malformed batch is refused whole with 400, none of it run.
 */
export function readBatchRequests(payload: unknown): BatchRequest[] {
  const requests = (payload as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw badRequest('Invalid batch payload format.');
  if (requests.length > MAX_BATCH) throw badRequest(`The number of batch requests exceeds the limit of ${MAX_BATCH}.`);
  for (const [index, entry] of requests.entries()) checkEntry(entry, index);
  const checked = requests as BatchRequest[];
  const ids = new Set(checked.map((entry) => entry.id.toLowerCase()));
  if (ids.size !== checked.length) throw badRequest('Batch request ids must be unique.');
  for (const entry of checked) {
    for (const dependency of entry.dependsOn ?? [])
      if (!ids.has(dependency.toLowerCase()))
        throw badRequest(`Request ${entry.id} depends on unknown request ${dependency}.`);
  }
  return checked;
}

function checkEntry(entry: unknown, index: number): void {
  if (typeof entry !== 'object' || entry === null) throw badRequest('Invalid batch payload format.');
  const fields = entry as Record<string, unknown>;
  for (const name of REQUIRED) {
    if (typeof fields[name] !== 'string' || fields[name] === '')
      throw badRequest(`Batch request at index ${index} is missing the required property '${name}'.`);
  }
  const headers = (fields['headers'] ?? {}) as Record<string, unknown>;
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (fields['body'] !== undefined && !hasContentType)
    throw badRequest(`Write request id : ${String(fields['id'])} does not contain Content-Type header or body.`);
}
