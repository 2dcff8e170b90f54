import type { DeltaCursor } from '../catalog/index.js';
import type { BatchedRead, GraphDeltaPage, GraphReader, GraphResource } from './ports.js';

/** The answer to a delta stream's next request, sent ahead in a JSON batch with other streams' requests. */
export interface PrefetchedDeltaPage<T> {
  /** The request sent: the answer stands for the stream's next page only while the stream resumes from it. */
  link: string;
  page: GraphDeltaPage<T>;
}

/** One delta stream of a resource and how it is synced, given its next page when that was sent ahead. */
export interface PolledDeltaStream<T> {
  saved: DeltaCursor | null;
  sync(prefetched: PrefetchedDeltaPage<T> | undefined): Promise<void>;
}

/** Graph's ceiling on requests in one batch: also how many streams' first pages are held at once. */
const streamsPerBatch = 20;

/**
 * Syncs delta streams of one resource one after the other, in the order given, their next requests sent ahead 20 to
 * a JSON batch when their last round completed: an incremental poll that finds nothing then costs a twentieth of an
 * HTTP request (Graph still counts, and throttles, each sub-request). Every stream is still polled on every run, as
 * Graph's per-folder delta requires (https://learn.microsoft.com/graph/delta-query-messages). A stream in the middle
 * of a round, or whose batched answer is not a delta page, sends its own request as before, so every error (an
 * expired token's resync included) is handled where it always was. https://learn.microsoft.com/graph/json-batching
 */
export async function syncPolledStreams<T>(
  graph: GraphReader,
  resource: GraphResource,
  maxPageSize: number,
  streams: readonly PolledDeltaStream<T>[],
): Promise<void> {
  for (let offset = 0; offset < streams.length; offset += streamsPerBatch) {
    const chunk = streams.slice(offset, offset + streamsPerBatch);
    const ahead = await sendAhead<T>(graph, resource, maxPageSize, chunk);
    for (const [index, stream] of chunk.entries()) await stream.sync(ahead.get(index));
  }
}

/** The stream's pages from `link`: the page sent ahead first when it answers that very link, then Graph's. */
export async function* deltaPagesFrom<T>(
  graph: GraphReader,
  link: string,
  paging: { resource: GraphResource; maxPageSize?: number },
  prefetched: PrefetchedDeltaPage<T> | undefined,
): AsyncGenerator<GraphDeltaPage<T>> {
  if (prefetched?.link !== link) {
    yield* graph.deltaPages<T>(link, paging);
    return;
  }
  yield prefetched.page;
  if (prefetched.page.nextLink !== undefined) yield* graph.deltaPages<T>(prefetched.page.nextLink, paging);
}

async function sendAhead<T>(
  graph: GraphReader,
  resource: GraphResource,
  maxPageSize: number,
  streams: readonly PolledDeltaStream<T>[],
): Promise<Map<number, PrefetchedDeltaPage<T>>> {
  const reads: BatchedRead[] = streams.flatMap((stream, index) =>
    stream.saved?.roundComplete
      ? [
          {
            id: String(index),
            method: 'GET',
            url: stream.saved.link,
            headers: { Prefer: `odata.maxpagesize=${maxPageSize}` },
          },
        ]
      : [],
  );
  const ahead = new Map<number, PrefetchedDeltaPage<T>>();
  // One read alone gains nothing from a batch.
  if (reads.length < 2) return ahead;
  const links = new Map(reads.map((read) => [read.id, read.url]));
  for (const answer of await graph.batch(reads, { resource })) {
    const link = links.get(answer.id);
    const page = answer.status === 200 ? deltaPageOf<T>(answer.body) : undefined;
    if (link !== undefined && page) ahead.set(Number(answer.id), { link, page });
  }
  return ahead;
}

interface DeltaCollection {
  value?: unknown;
  '@odata.nextLink'?: unknown;
  '@odata.deltaLink'?: unknown;
}

/** A delta page, or undefined when the body is not one (the stream then asks Graph itself). */
function deltaPageOf<T>(body: unknown): GraphDeltaPage<T> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const collection = body as DeltaCollection;
  const nextLink = typeof collection['@odata.nextLink'] === 'string' ? collection['@odata.nextLink'] : undefined;
  const deltaLink = typeof collection['@odata.deltaLink'] === 'string' ? collection['@odata.deltaLink'] : undefined;
  if (!Array.isArray(collection.value) || (nextLink === undefined) === (deltaLink === undefined)) return undefined;
  return {
    items: collection.value as T[],
    ...(nextLink !== undefined && { nextLink }),
    ...(deltaLink !== undefined && { deltaLink }),
  };
}
