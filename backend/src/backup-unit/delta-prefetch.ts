import type { Catalog, DeltaCursor } from '../catalog/index.js';
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
  /** For a stream never polled: its first request and how many items Graph counts in its container, when known. */
  firstRound?: { startLink: string; itemCount: number | undefined };
  sync(prefetched: PrefetchedDeltaPage<T> | undefined): Promise<void>;
}

export interface PollOptions<T> {
  /**
   * Told the items of the pages sent ahead, before any stream of the batch syncs: the new and changed ones among them
   * will be stored when their streams sync (every item of a first round, which finds nothing of its stream in the
   * catalog; an incremental round's, but for a replay of a version already held).
   */
  onItemsAhead?(items: readonly T[]): void;
}

/**
 * Whether a folder's delta stream must be polled this run, given the folder's item count as Graph listed it at the
 * start of the run ("totalItemCount: The number of items in the mailFolder", learn.microsoft.com/graph/api/resources/
 * mailfolder; the same on mailboxFolder, /graph/api/resources/mailboxfolder). A folder Graph counts empty, whose
 * catalog holds no open version and whose last round (if any) completed has nothing the delta could report: no item
 * to add, change or remove. It is skipped, and its saved token, if any, stays as it was: once the folder holds items
 * again its count says so and the next poll from that token (or a first round) reports every change since. An item
 * that arrives after the listing is found by the next run, as one that arrives after a poll would be. Every other
 * folder is polled, however its count looks: an edit, a flag or a move within equal counts changes no count
 * (learn.microsoft.com/graph/delta-query-messages), and a folder emptied since the last run is polled so that its
 * deletions arrive the documented way (`@removed`). An unknown count is polled.
 */
export async function needsDeltaPoll(
  context: { catalog: Pick<Catalog, 'browse'>; resource: { resourceId: string } },
  containerId: string,
  totalItemCount: number | undefined,
  saved: DeltaCursor | null,
): Promise<boolean> {
  if (totalItemCount !== 0) return true;
  if (saved !== null && !saved.roundComplete) return true;
  // One version visible now is enough to tell (the catalog's folder browse, limited to one).
  const visible = await context.catalog.browse(context.resource.resourceId, containerId, new Date(), 1);
  return visible.length > 0;
}

/** Graph's ceiling on requests in one batch: also how many streams' first pages are held at once. */
const streamsPerBatch = 20;

/**
 * Syncs delta streams of one resource one after the other, in the order given, their next requests sent ahead 20 to
 * a JSON batch when their last round completed: an incremental poll that finds nothing then costs a twentieth of an
 * HTTP request (Graph still counts, and throttles, each sub-request). A stream never polled goes in the batch too when
 * Graph counts few enough items in its container that its whole first round fits one page, and the first rounds of
 * one batch together hold at most a page (`maxPageSize` items): no page sent ahead waits behind more than about a
 * page of reads, so what it lists is as fresh as a page read in turn. A stream in the middle of a round, or a large or
 * uncounted first round, is synced alone with its own requests, and a stream whose batched answer is not a delta page
 * sends its own request as before, so every error (an expired token's resync included) is handled where it always
 * was. https://learn.microsoft.com/graph/json-batching, /graph/delta-query-messages
 */
export async function syncPolledStreams<T>(
  graph: GraphReader,
  resource: GraphResource,
  maxPageSize: number,
  streams: readonly PolledDeltaStream<T>[],
  options: PollOptions<T> = {},
): Promise<void> {
  let group: PolledDeltaStream<T>[] = [];
  let firstRoundItems = 0;
  const syncGroup = async (): Promise<void> => {
    const chunk = group;
    group = [];
    firstRoundItems = 0;
    if (chunk.length === 0) return;
    const ahead = await sendAhead<T>(graph, resource, maxPageSize, chunk);
    if (ahead.size > 0) options.onItemsAhead?.([...ahead.values()].flatMap(({ page }) => page.items));
    for (const [index, stream] of chunk.entries()) await stream.sync(ahead.get(index));
  };
  for (const stream of streams) {
    const count = firstRoundAhead(stream, maxPageSize);
    if (!stream.saved?.roundComplete && count === undefined) {
      await syncGroup();
      await stream.sync(undefined);
      continue;
    }
    if (count !== undefined && firstRoundItems + count > maxPageSize) await syncGroup();
    group.push(stream);
    firstRoundItems += count ?? 0;
    if (group.length === streamsPerBatch) await syncGroup();
  }
  await syncGroup();
}

/** How many items a never-polled stream's first round would bring ahead, when it may go in a batch at all. */
function firstRoundAhead<T>(stream: PolledDeltaStream<T>, maxPageSize: number): number | undefined {
  const count = stream.saved === null ? stream.firstRound?.itemCount : undefined;
  return count !== undefined && count <= maxPageSize ? count : undefined;
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
  const reads: BatchedRead[] = streams.flatMap((stream, index) => {
    const url = stream.saved?.roundComplete
      ? stream.saved.link
      : firstRoundAhead(stream, maxPageSize) !== undefined
        ? stream.firstRound?.startLink
        : undefined;
    return url === undefined
      ? []
      : [{ id: String(index), method: 'GET' as const, url, headers: { Prefer: `odata.maxpagesize=${maxPageSize}` } }];
  });
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
