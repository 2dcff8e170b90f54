import type { z } from 'zod';
import { ApiError } from './api-error.js';

export type InputLocation = 'params' | 'query' | 'body';

export interface ValidationIssue {
  location: InputLocation;
  path: string;
  code: string;
}

/**
 * Where a request's text holds U+0000. No text may: PostgreSQL's jsonb under the embedded database cannot store it,
 * so a ticket, a name or a job carrying one failed its insert with a 500 (found by the schemathesis run).
 */
function nulCharacterPaths(value: unknown, path: readonly string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacterPaths(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulCharacterPaths(item, [...path, key]));
  }
  return [];
}

/** Parses one part of a request, turning every problem into a detail of one `invalid_request`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const withNul = nulCharacterPaths(value);
  if (withNul.length > 0) {
    const details: ValidationIssue[] = withNul.map((path) => ({ location, path, code: 'nul_character' }));
    throw new ApiError(400, 'invalid_request', details);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ValidationIssue[] = result.error.issues.map((issue) => ({
    location,
    path: [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? [issue.keys.join(',')] : [])].join('.'),
    code: issue.code,
  }));
  throw new ApiError(400, 'invalid_request', details);
}
