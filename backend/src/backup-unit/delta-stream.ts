import type { Filter } from 'mongodb';
import type { Catalog, DeltaCursor, DeltaRound, ItemVersion } from '../catalog/index.js';
import { deltaPagesFrom, type PrefetchedDeltaPage } from './delta-prefetch.js';
import type { GraphDeltaPage, GraphReader, GraphResource } from './ports.js';

/** Thrown by the Graph layer when a delta token is no longer valid and a full round must start over. */
export interface ResyncSignal {
  /** Where to start the new round, when Graph says (drive 410 `Location`). */
  location?: string;
}

/** The round a page belongs to, and the versions recorded in it so far (a round may report an item twice). */
export interface DeltaRoundState {
  round: DeltaRound;
  /** `id` and version key of each version made durable in this round. */
  recorded: Set<string>;
}

export interface DeltaStreamOptions<T> {
  catalog: Catalog;
  graph: GraphReader;
  resource: GraphResource;
  resourceId: string;
  /** Names what the cursor tracks, e.g. `mail:<folderId>` or `drive`. */
  stream: string;
  /** The stream's saved cursor when the caller loaded every cursor of the resource at once. */
  saved?: DeltaCursor | null;
  /** The first request of a full round. */
  startLink: string;
  /** The answer to the stream's next request when it was sent ahead in a batch (delta-prefetch.ts). */
  prefetched?: PrefetchedDeltaPage<T>;
  maxPageSize?: number;
  /** Versions a resync round owns: after the round, those it did not see are closed as deleted. */
  scope: Filter<ItemVersion>;
  runId: string;
  /** Makes the page durable (content, then catalog rows). Runs before the cursor moves. */
  onPage(page: GraphDeltaPage<T>, round: DeltaRoundState): Promise<void>;
  /** Recognises the Graph layer's resync error. */
  resyncOf(error: unknown): ResyncSignal | null;
  /** Called after every durable page, e.g. to renew a job lock. */
  onProgress?(): Promise<void>;
}

export interface DeltaStreamResult {
  pages: number;
  round: DeltaRound;
  resyncs: number;
  closedUnseen: number;
}

const maxResyncsPerRun = 3;

/**
 * Runs one delta round for one stream, resuming where the last durable page left off. The cursor
 * moves only after `onPage` has made the page durable, so a crash repeats at most one page. The
 * first round of a stream has nothing to compare with; a resync round ends by closing what it did
 * not see; an incremental round applies what changed.
 */
export async function syncDeltaStream<T>(options: DeltaStreamOptions<T>): Promise<DeltaStreamResult> {
  const { catalog, resourceId, stream } = options;
  const saved = options.saved !== undefined ? options.saved : await catalog.deltaCursor(resourceId, stream);
  let link = saved?.link ?? options.startLink;
  let round: DeltaRound = !saved ? 'initial' : saved.roundComplete ? 'incremental' : saved.round;
  let fullRoundStartedAt = saved?.roundComplete ? null : (saved?.fullRoundStartedAt ?? null);
  const result: DeltaStreamResult = { pages: 0, round, resyncs: 0, closedUnseen: 0 };
  let recorded = new Set<string>();
  const paging = {
    resource: options.resource,
    ...(options.maxPageSize !== undefined && { maxPageSize: options.maxPageSize }),
  };
  let prefetched = options.prefetched;

  for (;;) {
    try {
      const pages = deltaPagesFrom<T>(options.graph, link, paging, prefetched);
      prefetched = undefined;
      for await (const page of pages) {
        await options.onPage(page, { round, recorded });
        result.pages += 1;
        if (page.deltaLink) {
          if (round === 'resync' && fullRoundStartedAt) {
            result.closedUnseen += await catalog.closeUnseen(
              resourceId,
              options.scope,
              fullRoundStartedAt,
              options.runId,
            );
          }
          await catalog.saveDeltaCursor(resourceId, stream, {
            link: page.deltaLink,
            roundComplete: true,
            round: 'incremental',
            fullRoundStartedAt: null,
          });
          await options.onProgress?.();
          return result;
        }
        if (page.nextLink) {
          link = page.nextLink;
          await catalog.saveDeltaCursor(resourceId, stream, { link, roundComplete: false, round, fullRoundStartedAt });
        }
        await options.onProgress?.();
      }
      throw new Error(`the delta round for ${stream} ended without a deltaLink`);
    } catch (error) {
      const resync = options.resyncOf(error);
      if (!resync) throw error;
      result.resyncs += 1;
      if (result.resyncs > maxResyncsPerRun) {
        throw new Error(`Graph asked for a full resync of ${stream} ${result.resyncs} times in one run`, {
          cause: error,
        });
      }
      // Everything is enumerated again; versions not seen by the end of the round are closed.
      link = resync.location ?? options.startLink;
      round = 'resync';
      recorded = new Set();
      fullRoundStartedAt = new Date();
      result.round = round;
      await catalog.saveDeltaCursor(resourceId, stream, { link, roundComplete: false, round, fullRoundStartedAt });
    }
  }
}
