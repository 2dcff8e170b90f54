import type { NewItemVersion, StoredContent } from '../catalog/index.js';
import type { DeltaRoundState } from './delta-stream.js';
import { mapWithConcurrency } from './concurrency.js';
import type { UnitContext } from './unit-context.js';

export interface PageRecipe<T> {
  idOf(item: T): string;
  /** Deleted or moved out of this container (`@removed`, the `deleted` facet). */
  isRemoved(item: T): boolean;
  /** Items that are not content (a drive's folders, its root): handled by `onSkipped`, not recorded. */
  isContent(item: T): boolean;
  versionKeyOf(item: T): string;
  /** Reads the item's bytes from Graph into the content store. */
  fetchContent(item: T): Promise<StoredContent>;
  toVersion(item: T, content: StoredContent): NewItemVersion;
  /** How many content reads to keep in flight (the Graph layer enforces the per-mailbox limit). */
  concurrency: number;
  /** Exchange items: adds each new version's full-fidelity export stream before anything is made durable. */
  addFullFidelity?(versions: readonly NewItemVersion[]): Promise<void>;
}

export interface PageOutcome {
  stored: number;
  unchanged: number;
  removed: number;
  bytes: number;
}

/**
 * An item's version as the round records it: "The same resource might be returned more than once in a delta response"
 * (https://learn.microsoft.com/graph/delta-query-overview), and a version the round already made durable is neither
 * read nor counted again.
 */
const versionKey = <T>(recipe: PageRecipe<T>, item: T): string => `${recipe.idOf(item)}\n${recipe.versionKeyOf(item)}`;

/**
 * Makes one delta page durable: new and changed items' content into the store, the store flushed,
 * then their catalog rows; unchanged items touched on a resync round; removals closed.
 * Replaying the same page records nothing twice. The first round of a stream skips the lookup of
 * current versions: none can exist but its own, which the catalog's unique key absorbs.
 */
export async function recordDeltaPage<T>(
  context: UnitContext,
  items: readonly T[],
  recipe: PageRecipe<T>,
  state: DeltaRoundState,
): Promise<PageOutcome> {
  const { round, recorded } = state;
  const resourceId = context.resource.resourceId;
  const removedIds = items.filter((item) => recipe.isRemoved(item)).map((item) => recipe.idOf(item));
  const present = items.filter(
    (item) => !recipe.isRemoved(item) && recipe.isContent(item) && !recorded.has(versionKey(recipe, item)),
  );
  const current =
    round === 'initial'
      ? new Map<string, string>()
      : await context.catalog.currentVersions(
          resourceId,
          present.map((item) => recipe.idOf(item)),
        );
  const changed = present.filter((item) => current.get(recipe.idOf(item)) !== recipe.versionKeyOf(item));
  const unchangedIds = present
    .filter((item) => current.get(recipe.idOf(item)) === recipe.versionKeyOf(item))
    .map((item) => recipe.idOf(item));

  const versions = await mapWithConcurrency(changed, recipe.concurrency, async (item) => {
    try {
      return recipe.toVersion(item, await recipe.fetchContent(item));
    } catch (error) {
      if (!context.isItemUnreadable(error)) throw error;
      const itemId = recipe.idOf(item);
      context.progress.warn({ code: 'item_unreadable', params: { itemId, reason: (error as Error).message } }, itemId);
      return null;
    }
  });
  const stored = versions.filter((version): version is NewItemVersion => version !== null);
  await recipe.addFullFidelity?.(stored);

  // Named: a pack another unit flushed may have held some of these blobs and failed.
  await context.store.flush(
    context.tenantId,
    stored.flatMap((version) => [version.content, version.fullFidelity].filter((ref) => ref !== undefined)),
  );
  const capturedAt = new Date();
  await context.catalog.recordVersions(stored, context.runId, capturedAt, new Set(current.keys()));
  if (round === 'resync') await context.catalog.touchVersions(resourceId, unchangedIds, context.runId, capturedAt);
  const removed = await context.catalog.recordDeletions(resourceId, removedIds, context.runId, capturedAt);

  for (const item of present) recorded.add(versionKey(recipe, item));
  const bytes = stored.reduce((sum, version) => sum + version.size, 0);
  context.progress.addItems(stored.length, bytes);
  context.progress.addDeletions(removed);
  return { stored: stored.length, unchanged: unchangedIds.length, removed, bytes };
}
