import { GraphRequestError } from '../graph/errors.js';
import { resourceLabel } from '../graph/resource.js';
import type { GraphDeltaPage, GraphReader, GraphResource } from './ports.js';

/** A first read a unit will make: the path it will ask for, and the page size it will ask with if it pages. */
export interface ReadAhead {
  path: string;
  maxPageSize?: number;
  /**
   * Refusals the reader handles itself and would get again if it asked alone (a tolerated 400 or 404): such an answer
   * from the batch stands, thrown as Graph's error, instead of the read being sent again.
   */
  keptRefusals?: readonly number[];
}

/** A reader that serves reads sent ahead; `peek` shows an answer without using it up, to plan the next reads. */
export interface ReadAheadReader extends GraphReader {
  peek(path: string): unknown;
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown };
}

interface CollectionPage {
  value?: unknown[];
  '@odata.nextLink'?: string;
}

/**
 * Sends independent first reads of one resource ahead, together in JSON batches, and answers a reader that serves
 * each from its batched answer the first time it is asked for by the same path (then follows `@odata.nextLink` as
 * usual). Only 200 answers are kept, and the refusals a read names as its own to handle (`keptRefusals`, thrown as
 * Graph's error, of `tenantId`): any other read goes to Graph on its own when asked, so its error is handled exactly
 * as before. Graph still counts, and throttles, each sub-request. https://learn.microsoft.com/graph/json-batching
 */
export async function readAhead(
  graph: GraphReader,
  resource: GraphResource,
  reads: readonly ReadAhead[],
  tenantId = '',
): Promise<ReadAheadReader> {
  // A single read goes in a batch too: one HTTP request either way, and its answer is there to peek at.
  if (reads.length === 0) return new ReadAheadGraph(graph, new Map());
  const answers = await graph.batch(
    reads.map((read, index) => ({
      id: String(index),
      method: 'GET' as const,
      url: read.path,
      ...(read.maxPageSize !== undefined && { headers: { Prefer: `odata.maxpagesize=${read.maxPageSize}` } }),
    })),
    { resource },
  );
  const bodies = new Map<string, unknown>();
  for (const answer of answers) {
    const read = reads[Number(answer.id)];
    if (!read) continue;
    if (answer.status === 200 && answer.body !== undefined) bodies.set(read.path, answer.body);
    else if (read.keptRefusals?.includes(answer.status))
      bodies.set(read.path, refusal(answer.status, answer.body, read.path, resource, tenantId));
  }
  return new ReadAheadGraph(graph, bodies);
}

/** Graph's error for a refused batched read, as the reader would have got it alone (the query left out, as there). */
function refusal(
  status: number,
  body: unknown,
  path: string,
  resource: GraphResource,
  tenantId: string,
): GraphRequestError {
  const error = (typeof body === 'object' && body !== null ? (body as GraphErrorBody) : {}).error;
  return new GraphRequestError({
    status,
    code: typeof error?.code === 'string' ? error.code : `http${status}`,
    graphMessage: typeof error?.message === 'string' ? error.message : '',
    requestId: undefined,
    tenantId,
    resource: resourceLabel(resource),
    method: 'GET',
    url: path.split('?')[0] ?? path,
    attempts: 1,
  });
}

class ReadAheadGraph implements ReadAheadReader {
  constructor(
    private readonly graph: GraphReader,
    private readonly bodies: Map<string, unknown>,
  ) {}

  getJson<T>(path: string, options: { resource: GraphResource }): Promise<T> {
    const body = this.take(path);
    if (body instanceof GraphRequestError) return Promise.reject(body);
    return body === undefined ? this.graph.getJson<T>(path, options) : Promise.resolve(body as T);
  }

  peek(path: string): unknown {
    const body = this.bodies.get(path);
    if (body !== undefined && !(body instanceof GraphRequestError)) return body;
    return this.graph instanceof ReadAheadGraph ? this.graph.peek(path) : undefined;
  }

  async *pages<T>(
    path: string,
    options: { resource: GraphResource; maxPageSize?: number; headers?: Record<string, string> },
  ): AsyncGenerator<T[]> {
    const taken = this.take(path);
    if (taken instanceof GraphRequestError) throw taken;
    const first = taken as CollectionPage | undefined;
    if (first === undefined) {
      yield* this.graph.pages<T>(path, options);
      return;
    }
    yield (first.value ?? []) as T[];
    const next = first['@odata.nextLink'];
    if (next !== undefined) yield* this.graph.pages<T>(next, options);
  }

  deltaPages<T>(
    link: string,
    options: { resource: GraphResource; maxPageSize?: number },
  ): AsyncIterable<GraphDeltaPage<T>> {
    return this.graph.deltaPages<T>(link, options);
  }

  getStream(...args: Parameters<GraphReader['getStream']>): ReturnType<GraphReader['getStream']> {
    return this.graph.getStream(...args);
  }

  sendJson<T>(...args: Parameters<GraphReader['sendJson']>): Promise<T> {
    return this.graph.sendJson<T>(...args);
  }

  batch(...args: Parameters<GraphReader['batch']>): ReturnType<GraphReader['batch']> {
    return this.graph.batch(...args);
  }

  /** A batched answer serves its path once: a later read of the same path asks Graph again. */
  private take(path: string): unknown {
    const body = this.bodies.get(path);
    this.bodies.delete(path);
    return body;
  }
}
