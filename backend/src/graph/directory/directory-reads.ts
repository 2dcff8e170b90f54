import { GraphRequestError } from '../errors.js';
import type { ResourceKey } from '../resource.js';

/** What reads of the customer's directory need of the Graph gateway: single reads, paged lists and JSON batches. */
export interface DirectoryReads {
  getJson<T>(path: string, options: { resource: ResourceKey }): Promise<T>;
  /** Independent reads in JSON batches of at most 20, answered in request order. */
  batch(
    requests: readonly { id: string; method: 'GET'; url: string }[],
    options: { resource: ResourceKey },
  ): Promise<readonly { id: string; status: number; body: unknown }[]>;
  pages<T>(
    path: string,
    options: { resource: ResourceKey; maxPageSize?: number; headers?: Record<string, string> },
  ): AsyncIterable<T[]>;
}

/** Directory reads spend the tenant's directory budget (users, groups, sites and teams as listed). */
export const directoryResource = { kind: 'directory' } as const;

/** The largest page Graph gives of users and groups (`$top` up to 999: https://learn.microsoft.com/graph/paging). */
export const directoryPageSize = 999;

export function isNotFound(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status === 404;
}

/** The answer, or null when Graph says the thing does not exist (a user without a OneDrive, a group without a team). */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
