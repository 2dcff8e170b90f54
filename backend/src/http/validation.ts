import type { z } from 'zod';
import { ApiError } from './api-error.js';

export type InputLocation = 'params' | 'query' | 'body';

export interface ValidationIssue {
  location: InputLocation;
  path: string;
  code: string;
}

/** Parses one part of a request, turning every problem into a detail of one `invalid_request`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ValidationIssue[] = result.error.issues.map((issue) => ({
    location,
    path: [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? [issue.keys.join(',')] : [])].join('.'),
    code: issue.code,
  }));
  throw new ApiError(400, 'invalid_request', details);
}
