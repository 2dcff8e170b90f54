import { badRequest } from '../http/errors.js';
import { preferredPageSize, topParameter } from '../http/odata.js';
import type { GraphRequest, GraphResponse } from '../http/types.js';

/**
 * OData query options of the mailbox API's lists: "$select, $filter, $top, $skip, $orderby, $count, and $expand"
 * (https://learn.microsoft.com/graph/api/mailbox-list-folders, /graph/api/mailboxfolder-list-items), paged by `$skip`
 * in `@odata.nextLink`. `$filter` takes `eq`/`ne`/`ge`/`gt`/`le`/`lt` comparisons of the properties the caller
 * allows, joined by `and` (as the docs' examples do); anything else is refused rather than ignored.
 */

type Row = Record<string, unknown>;

const OPERATORS: Record<string, (order: number) => boolean> = {
  eq: (order) => order === 0,
  ne: (order) => order !== 0,
  ge: (order) => order >= 0,
  gt: (order) => order > 0,
  le: (order) => order <= 0,
  lt: (order) => order < 0,
};

export interface QueryableProperty {
  kind: 'string' | 'date' | 'number';
}

function compareValues(left: unknown, right: unknown, kind: QueryableProperty['kind']): number {
  if (kind === 'date') return Math.sign(new Date(String(left)).getTime() - new Date(String(right)).getTime());
  if (kind === 'number') return Math.sign(Number(left) - Number(right));
  const a = String(left ?? '').toLowerCase();
  const b = String(right ?? '').toLowerCase();
  return a === b ? 0 : a < b ? -1 : 1;
}

function filterOf(expression: string | null, properties: Record<string, QueryableProperty>): (row: Row) => boolean {
  if (!expression) return () => true;
  const names = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  const clauses = expression.split(/\s+and\s+/i).map((clause) => {
    const match = /^\s*(\w+)\s+(eq|ne|ge|gt|le|lt)\s+(?:'((?:[^']|'')*)'|(null)|([0-9][0-9T:.\-Z+]*))\s*$/i.exec(
      clause,
    );
    const name = match?.[1] ? names.get(match[1].toLowerCase()) : undefined;
    const operator = match?.[2]?.toLowerCase();
    if (!match || !name || !operator)
      throw badRequest(`The $filter clause '${clause.trim()}' is not supported.`, 'ErrorInvalidUrlQueryFilter');
    const property = properties[name] as QueryableProperty;
    const value = match[4] ? null : (match[3]?.replace(/''/g, "'") ?? match[5] ?? '');
    if (property.kind === 'date' && value !== null && Number.isNaN(new Date(value).getTime()))
      throw badRequest(`'${value}' is not a date.`, 'ErrorInvalidUrlQueryFilter');
    const test = OPERATORS[operator] as (order: number) => boolean;
    return (row: Row) => {
      const actual = row[name];
      if (value === null || actual === null || actual === undefined)
        return operator === 'eq' ? (actual ?? null) === value : operator === 'ne' ? (actual ?? null) !== value : false;
      return test(compareValues(actual, value, property.kind));
    };
  });
  return (row) => clauses.every((clause) => clause(row));
}

function orderOf(expression: string | null, properties: Record<string, QueryableProperty>) {
  if (!expression) return undefined;
  const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(expression);
  const name = match?.[1]
    ? Object.keys(properties).find((key) => key.toLowerCase() === match[1]?.toLowerCase())
    : undefined;
  if (!match || !name)
    throw badRequest(`The $orderby '${expression}' is not supported.`, 'ErrorInvalidUrlQueryOrderBy');
  const direction = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
  const kind = (properties[name] as QueryableProperty).kind;
  return (a: Row, b: Row) => direction * compareValues(a[name], b[name], kind);
}

function skipOf(request: GraphRequest): number {
  const raw = request.query.get('$skip');
  if (raw === null) return 0;
  const skip = Number(raw);
  if (!Number.isInteger(skip) || skip < 0) throw badRequest(`Invalid value '${raw}' for $skip.`);
  return skip;
}

/** `$select`: the named properties plus those Graph always returns (`id`, annotations, and any listed in `always`). */
export function selectOf(entity: Row, select: string | null, always: readonly string[] = []): Row {
  if (!select) return entity;
  const wanted = new Set([...select.split(','), ...always].map((name) => name.trim().toLowerCase()));
  return Object.fromEntries(
    Object.entries(entity).filter(([key]) => key === 'id' || key.startsWith('@') || wanted.has(key.toLowerCase())),
  );
}

export interface ListOptions {
  /** The `@odata.context` after `$metadata#`. */
  context: string;
  /** Absolute path the nextLink repeats, e.g. `/admin/exchange/mailboxes/MBX:…/folders('…')/items`. */
  linkPath: string;
  properties: Record<string, QueryableProperty>;
  /** Renders the rows once filtered, sorted and paged (`$select` and `$expand` are the caller's). */
  present: (row: Row) => Row;
}

/** Filters, sorts, counts and pages rendered rows; the nextLink re-encodes the query with the next `$skip`. */
export function listPage(request: GraphRequest, rows: Row[], options: ListOptions): GraphResponse {
  const filtered = rows.filter(filterOf(request.query.get('$filter'), options.properties));
  const order = orderOf(request.query.get('$orderby'), options.properties);
  if (order) filtered.sort(order);
  const size = topParameter(request, preferredPageSize(request, 10, 1000), 1000);
  const skip = skipOf(request);
  const body: Row = { '@odata.context': `${request.graphBaseUrl}/$metadata#${options.context}` };
  if (/^true$/i.test(request.query.get('$count') ?? '')) body['@odata.count'] = filtered.length;
  body['value'] = filtered.slice(skip, skip + size).map(options.present);
  if (skip + size < filtered.length) {
    const query = new URLSearchParams();
    for (const [key, value] of request.query) if (key !== '$skip') query.append(key, value);
    query.append('$skip', String(skip + size));
    body['@odata.nextLink'] = `${request.graphBaseUrl}${options.linkPath}?${query.toString()}`;
  }
  return { status: 200, body };
}
