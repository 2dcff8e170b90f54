import type { Document, Filter, FindCursor, FindOptions } from 'mongodb';
import { z } from 'zod';
import type { TenantCollection, TenantOwned } from '../db/index.js';
import { ApiError } from './api-error.js';

export const defaultPageSize = 50;
export const maxPageSize = 200;

/**
 * The query of every list: `limit`, an opaque `cursor`, `sort` (a field, `-field` for descending)
 * and the list's own filters, each a plain string so that `?a[$ne]=x` objects are refused.
 */
export function listQuery<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sortFields: S,
  defaultSort: S[number] | `-${S[number]}`,
  filters: F,
) {
  const sortValues = sortFields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
    cursor: z.string().max(512).optional(),
    sort: z.enum(sortValues).default(defaultSort),
    ...filters,
  });
}

/** A page of a list: the items and the cursor of the next page (null on the last). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  sort: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const cursorSchema = z.strictObject({
  sort: z.string(),
  value: z.union([z.string(), z.number(), z.strictObject({ date: z.iso.datetime() })]),
  tie: z.string(),
});

type CursorValue = z.infer<typeof cursorSchema>['value'];

function encodeCursor(sort: string, value: unknown, tie: string): string {
  const encoded: CursorValue = value instanceof Date ? { date: value.toISOString() } : (value as string | number);
  return Buffer.from(JSON.stringify({ sort, value: encoded, tie })).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): { value: unknown; tie: string } {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ApiError(400, 'invalid_cursor');
  }
  if (parsed.sort !== sort) throw new ApiError(400, 'invalid_cursor');
  const { value } = parsed;
  return { value: typeof value === 'object' ? new Date(value.date) : value, tie: parsed.tie };
}

/** Keyset pagination over one tenant's records (see `findPage`). */
export function findTenantPage<T extends TenantOwned>(
  collection: TenantCollection<T>,
  tenantId: string,
  filter: Filter<T>,
  request: PageRequest,
  tieField = 'id',
): Promise<Page<T>> {
  return findPage<T>((query, options) => collection.find(tenantId, query, options), filter, request, tieField);
}

/**
 * Keyset pagination: sorted by the requested field, ties broken by `tieField` (unique), so pages
 * neither skip nor repeat rows written meanwhile.
 */
export async function findPage<T extends Document>(
  find: (filter: Filter<T>, options: FindOptions) => FindCursor<unknown>,
  filter: Filter<T>,
  request: PageRequest,
  tieField: string,
): Promise<Page<T>> {
  const descending = request.sort.startsWith('-');
  const field = descending ? request.sort.slice(1) : request.sort;
  const direction = descending ? -1 : (1 as const);
  const beyond = descending ? '$lt' : '$gt';
  let query: Document = filter;
  if (request.cursor) {
    const { value, tie } = decodeCursor(request.cursor, request.sort);
    const after: Document =
      field === tieField
        ? { [field]: { [beyond]: value } }
        : { $or: [{ [field]: { [beyond]: value } }, { [field]: value, [tieField]: { [beyond]: tie } }] };
    query = { $and: [filter, after] };
  }
  const sort: Record<string, 1 | -1> =
    field === tieField ? { [field]: direction } : { [field]: direction, [tieField]: direction };
  const rows = await find(query as Filter<T>, { sort, limit: request.limit + 1, projection: { _id: 0 } }).toArray();
  const items = rows.slice(0, request.limit) as unknown as T[];
  const last = items.at(-1) as Document | undefined;
  const nextCursor =
    rows.length > request.limit && last ? encodeCursor(request.sort, last[field], String(last[tieField])) : null;
  return { items, nextCursor };
}

/** The same contract over a list held in memory (the knowledge base): the cursor is an offset. */
export function pageArray<T>(all: readonly T[], request: { limit: number; cursor?: string | undefined }): Page<T> {
  const offset = offsetOf(request.cursor);
  return offsetPage(all.slice(offset, offset + request.limit + 1), offset, request.limit);
}

/** The offset an offset cursor names (0 without one). */
export function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new ApiError(400, 'invalid_cursor');
  return offset;
}

/** A page from up to `limit + 1` rows read at `offset`: the extra row only says that another page follows. */
export function offsetPage<T>(rows: readonly T[], offset: number, limit: number): Page<T> {
  const next = offset + limit;
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? Buffer.from(String(next)).toString('base64url') : null,
  };
}
