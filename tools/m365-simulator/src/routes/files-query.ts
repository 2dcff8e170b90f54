import { badRequest } from '../http/errors.js';
import type { GraphRequest } from '../http/types.js';

/** Properties a drive item or drive collection can be sorted by with `$orderby` (driveitem-list-children, drive-list). */
const ORDERABLE = new Set(['name', 'size', 'createdDateTime', 'lastModifiedDateTime']);

/**
 * Applies `$orderby=property [asc|desc]` (https://learn.microsoft.com/graph/query-parameters#orderby-parameter) to
 * rendered entities; one property of the sortable ones, anything else is refused with 400.
 */
export function orderedBy<T extends Record<string, unknown>>(request: GraphRequest, entities: T[]): T[] {
  const orderby = request.query.get('$orderby');
  if (orderby === null) return entities;
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(orderby);
  const property = [...ORDERABLE].find((name) => name.toLowerCase() === match?.[1]?.toLowerCase());
  if (!match || !property) throw badRequest(`The $orderby '${orderby}' is not supported.`, 'invalidRequest');
  const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  return [...entities].sort((a, b) => direction * compare(a[property], b[property]));
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

/** The navigation properties named in `$expand`; only those listed in `supported` may be expanded, others get 400. */
export function expanded(request: GraphRequest, supported: readonly string[]): Set<string> {
  const expand = request.query.get('$expand');
  const names = new Set<string>();
  if (expand === null) return names;
  for (const part of expand.split(',')) {
    const name = part.split('(')[0]?.trim() ?? '';
    if (!supported.includes(name)) throw badRequest(`Expanding '${name}' is not supported.`, 'invalidRequest');
    names.add(name);
  }
  return names;
}
