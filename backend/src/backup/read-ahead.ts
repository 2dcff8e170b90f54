import type { GraphDeltaPage, GraphReader, GraphResource } from './ports.js';

/** A first read a unit will make: the path it will ask for, and the page size it will ask with if it pages. */
export interface ReadAhead {
  path: string;
  maxPageSize?: number;
}

interface CollectionPage {
  value?: unknown[];
  '@odata.nextLink'?: string;
}

/**
 * Sends independent first reads of one resource ahead, together in JSON batches, and answers a reader that serves
 * each from its batched answer the first time it is asked for by the same path (then follows `@odata.nextLink` as
 * usual). Only 200 answers are kept: any other read goes to Graph on its own when asked, so its error is handled
 * exactly as before. Graph still counts, and throttles, each sub-request. https://learn.microsoft.com/graph/json-batching
 */
export async function readAhead(
  graph: GraphReader,
  resource: GraphResource,
  reads: readonly ReadAhead[],
): Promise<GraphReader> {
  // One read alone gains nothing from a batch.
  if (reads.length < 2) return graph;
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
    if (read && answer.status === 200 && answer.body !== undefined) bodies.set(read.path, answer.body);
  }
  return new ReadAheadGraph(graph, bodies);
}

class ReadAheadGraph implements GraphReader {
  constructor(
    private readonly graph: GraphReader,
    private readonly bodies: Map<string, unknown>,
  ) {}

  getJson<T>(path: string, options: { resource: GraphResource }): Promise<T> {
    const body = this.take(path);
    return body === undefined ? this.graph.getJson<T>(path, options) : Promise.resolve(body as T);
  }

  async *pages<T>(
    path: string,
    options: { resource: GraphResource; maxPageSize?: number; headers?: Record<string, string> },
  ): AsyncGenerator<T[]> {
    const first = this.take(path) as CollectionPage | undefined;
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
