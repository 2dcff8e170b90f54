import type { RunningSimulator } from '../../../src/index.js';
import { NO_PAGE_EXAMPLE, TITLE_SEPARATOR } from '../../../src/conformance-title.js';

/**
 * One documented example: the endpoint it exercises (exactly as the simulator lists it in `sim.endpoints`), the
 * learn.microsoft.com page it comes from, and what it shows. `pageExample: false` marks a test written from the page's
 * prose because the page gives no example request/response.
 */
export interface DocumentedExample {
  endpoint: string;
  page: string;
  shows: string;
  pageExample?: false;
}

export function conformanceTitle(example: DocumentedExample): string {
  return [example.endpoint, example.shows, example.page, example.pageExample === false ? NO_PAGE_EXAMPLE : '']
    .filter((part) => part.length > 0)
    .join(TITLE_SEPARATOR);
}

/** A jest test for one documented example; its title carries the endpoint and the page for the conformance report. */
export function documented(example: DocumentedExample, run: () => Promise<void>): void {
  if (!example.page.startsWith('https://learn.microsoft.com/'))
    throw new Error(`not a documentation page: ${example.page}`);
  test(conformanceTitle(example), run);
}

export interface RawExchange {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
}

export interface ExampleRequest {
  method?: string;
  /** A path under the Graph base URL (`/users/…`), or an absolute URL. */
  path: string;
  headers?: Record<string, string>;
  /** JSON-serialised unless a string or bytes. */
  body?: unknown;
  /** Sent as `Authorization: Bearer …` unless undefined. */
  token?: string;
}

/** Sends a documented example request as the page writes it (no SDK in between) and reads the whole answer. */
export async function send(sim: RunningSimulator, request: ExampleRequest): Promise<RawExchange> {
  const url = /^https?:/.test(request.path) ? request.path : `${sim.graphBaseUrl}${request.path}`;
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
  let body: string | Uint8Array | undefined;
  if (typeof request.body === 'string' || request.body instanceof Uint8Array) body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, {
    method: request.method ?? 'GET',
    headers,
    redirect: 'manual',
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

type JsonKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean';

function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonKind;
}

/**
 * The places where `actual` does not have the documented response's shape: every property the page shows must be
 * present with the same JSON kind, recursively (each element of an array against the page's first element). Values
 * are the page's sample data and are not compared; `null` on the page accepts any kind, as the pages use it for
 * properties that are often unset. Returns `[]` when the shape matches.
 */
export function shapeDifferences(actual: unknown, documentedBody: unknown, at = '$'): string[] {
  const expected = kindOf(documentedBody);
  if (expected === 'null') return [];
  const found = kindOf(actual);
  if (found !== expected) return [`${at}: the page shows ${expected}, the simulator answered ${found}`];
  if (expected === 'array') {
    const [first] = documentedBody as unknown[];
    if (first === undefined) return [];
    return (actual as unknown[]).flatMap((element, index) => shapeDifferences(element, first, `${at}[${index}]`));
  }
  if (expected !== 'object') return [];
  const actualObject = actual as Record<string, unknown>;
  return Object.entries(documentedBody as Record<string, unknown>).flatMap(([key, value]) =>
    key in actualObject
      ? shapeDifferences(actualObject[key], value, `${at}.${key}`)
      : [`${at}.${key}: shown on the page, missing in the answer`],
  );
}

/** The answer has this status and the documented response's shape (see shapeDifferences). */
export function expectDocumentedAnswer(answer: RawExchange, status: number, documentedBody: unknown): void {
  expect(answer.status).toBe(status);
  expect(shapeDifferences(answer.body, documentedBody)).toEqual([]);
}

/** Graph's documented error shape (https://learn.microsoft.com/graph/errors#json-representation). */
export const GRAPH_ERROR_SHAPE = {
  error: { code: 'string', message: 'string', innerError: { date: 'string', 'request-id': 'string' } },
} as const;
