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

/** Reads of one round of batches: five batches of 20 at once, however large the directory. */
const readsPerRound = 100;

/** A sub-request's answer, or undefined where the batch gave none. */
export type BatchedAnswer = { status: number; body: unknown } | undefined;

/**
 * The answers to independent GETs, in their order, sent 20 to a JSON batch (https://learn.microsoft.com/graph/json-batching)
 * rather than one request each, one after the other. Graph still counts, and throttles, each sub-request.
 */
export async function batchedReads(graph: DirectoryReads, paths: readonly string[]): Promise<BatchedAnswer[]> {
  const answers: BatchedAnswer[] = [];
  for (let start = 0; start < paths.length; start += readsPerRound) {
    const round = paths.slice(start, start + readsPerRound);
    const batch = round.map((url, index) => ({ id: String(index), method: 'GET' as const, url }));
    const answered = await graph.batch(batch, { resource: directoryResource });
    answers.push(...round.map((_, index) => answered[index]));
  }
  return answers;
}

/**
 * One thing per key, read in batches (batchedReads): a 200 is the thing, a 404 is `notFound` when given (a user
 * without a OneDrive, a group without a team), and any other answer is read again alone with `alone`, so that its
 * error reaches the caller exactly as the single read's would.
 */
export async function readEach<T>(
  graph: DirectoryReads,
  keys: readonly string[],
  read: { path(key: string): string; alone(key: string): Promise<T> },
  notFound?: { value: T },
): Promise<Map<string, T>> {
  const answers = await batchedReads(
    graph,
    keys.map((key) => read.path(key)),
  );
  const things = new Map<string, T>();
  for (const [index, key] of keys.entries()) {
    const answer = answers[index];
    if (answer?.status === 200) things.set(key, answer.body as T);
    else if (answer?.status === 404 && notFound) things.set(key, notFound.value);
    else things.set(key, await read.alone(key));
  }
  return things;
}
