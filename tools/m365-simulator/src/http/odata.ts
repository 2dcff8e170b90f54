import { badRequest } from './errors.js';
import type { GraphRequest, GraphResponse } from './types.js';

/**
 * Applies `$select` (https://learn.microsoft.com/graph/query-parameters#select-parameter): only the named properties,
 * plus `id` and OData annotations, which Graph always returns.
 */
export function applySelect<T extends object>(entity: T, select: string | null): Partial<T> {
  if (!select) return entity;
  const wanted = new Set(select.split(',').map((name) => name.trim().toLowerCase()));
  const selected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key === 'id' || key.startsWith('@') || wanted.has(key.toLowerCase())) selected[key] = value;
  }
  return selected as Partial<T>;
}

/** The page size a client asked for with `Prefer: odata.maxpagesize=N` (https://learn.microsoft.com/graph/delta-query-messages). */
export function preferredPageSize(request: GraphRequest, fallback: number, maximum: number): number {
  const prefer = request.headers['prefer'];
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const match = /odata\.maxpagesize=(\d+)/i.exec(text);
  const asked = match?.[1] ? Number(match[1]) : fallback;
  return request.strict.pageSize(Math.max(1, Math.min(asked, maximum)));
}

export function topParameter(request: GraphRequest, fallback: number, maximum: number): number {
  const top = request.query.get('$top');
  if (top === null) return fallback;
  const value = Number(top);
  if (!Number.isInteger(value) || value < 1) throw badRequest(`Invalid value '${top}' for $top.`);
  return Math.min(value, maximum);
}

/** A link back to the same request path with the given query, as Graph builds `@odata.nextLink` and `@odata.deltaLink`. */
export function linkTo(request: GraphRequest, query: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of request.query)
    if (!(key in query) && !key.startsWith('$skiptoken')) params.set(key, value);
  for (const [key, value] of Object.entries(query)) if (value !== '') params.set(key, value);
  const path = request.path
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)).replace(/%3A/gi, ':').replace(/%40/g, '@'))
    .join('/');
  return `${request.graphBaseUrl}${path}?${params.toString().replace(/%24/g, '$')}`;
}

export function ok(body: object, headers: Record<string, string> = {}): GraphResponse {
  return { status: 200, headers, body };
}

/**
 * A page of a plain collection (`/users`, `/groups`, children): `$top` sets the page size, `@odata.nextLink` carries
 * an opaque `$skiptoken` (https://learn.microsoft.com/graph/paging). `count` becomes `@odata.count` on the first page
 * only, as Graph gives it (https://learn.microsoft.com/graph/query-parameters#skiptoken-parameter).
 */
export function pageOf<T extends object>(
  request: GraphRequest,
  items: readonly T[],
  options: { defaultSize: number; maxSize: number; context?: string; count?: number },
): GraphResponse {
  const size = topParameter(request, preferredPageSize(request, options.defaultSize, options.maxSize), options.maxSize);
  const skipToken = request.query.get('$skiptoken');
  const offset = skipToken ? decodeOffset(skipToken) : 0;
  const page = items.slice(offset, offset + size).map((item) => applySelect(item, selectWithExpanded(request)));
  const body: Record<string, unknown> = {};
  if (options.context) body['@odata.context'] = `${request.graphBaseUrl}/$metadata#${options.context}`;
  if (options.count !== undefined && offset === 0) body['@odata.count'] = options.count;
  body['value'] = page;
  if (offset + size < items.length)
    body['@odata.nextLink'] = linkTo(request, { $skiptoken: encodeOffset(offset + size) });
  return ok(body);
}

/** `$select` plus the navigation properties named in `$expand`, which Graph returns whatever `$select` says. */
function selectWithExpanded(request: GraphRequest): string | null {
  const select = request.query.get('$select');
  const expand = request.query.get('$expand');
  if (!select || !expand) return select;
  const expanded = expand.split(',').map((part) => part.split('(')[0]?.trim() ?? '');
  return [select, ...expanded].join(',');
}

function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeOffset(token: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
  if (!match?.[1]) throw badRequest('The $skiptoken is not valid.', 'InvalidSkipToken');
  return Number(match[1]);
}

export function jsonBody<T>(request: GraphRequest): T {
  try {
    return JSON.parse(request.body.toString('utf8')) as T;
  } catch {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}
