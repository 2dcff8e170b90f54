import { badRequest } from '../http/errors.js';
import { linkTo, preferredPageSize, topParameter } from '../http/odata.js';
import type { GraphRequest } from '../http/types.js';

export interface SkipPage<T> {
  page: T[];
  /** `@odata.count` when the request asks `$count=true`. */
  count?: number;
  nextLink?: string;
}

function skipParameter(request: GraphRequest): number {
  const text = request.query.get('$skip');
  if (text === null) return 0;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw badRequest(`Invalid value '${text}' for $skip.`);
  return value;
}

/**
 * An Outlook collection page: `$top` (or `Prefer: odata.maxpagesize`) items from `$skip`, with an `@odata.nextLink`
 * that carries the next `$skip` ("This API uses the $skip value to keep count of all the items it has gone through",
 * https://learn.microsoft.com/graph/api/user-list-messages), and the count of all items for `$count=true`.
 */
export function skipPage<T>(
  request: GraphRequest,
  items: readonly T[],
  sizes: { defaultSize: number; maxSize: number },
): SkipPage<T> {
  const size = topParameter(request, preferredPageSize(request, sizes.defaultSize, sizes.maxSize), sizes.maxSize);
  const skip = skipParameter(request);
  const count = /^true$/i.test(request.query.get('$count') ?? '') ? items.length : undefined;
  const more = skip + size < items.length;
  return {
    page: items.slice(skip, skip + size),
    ...(count !== undefined && { count }),
    ...(more && { nextLink: linkTo(request, { $top: String(size), $skip: String(skip + size) }) }),
  };
}

/** The JSON of a collection page, annotations first, as Graph writes them. */
export function collectionBody(context: string, page: SkipPage<unknown>, value: unknown[]): Record<string, unknown> {
  return {
    '@odata.context': context,
    ...(page.count !== undefined && { '@odata.count': page.count }),
    value,
    ...(page.nextLink !== undefined && { '@odata.nextLink': page.nextLink }),
  };
}
