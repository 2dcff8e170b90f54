import { searchTermsOf, type DeltaCursor, type ItemKind, type NewItemVersion } from '../../catalog/index.js';
import type { PrefetchedDeltaPage } from '../../backup-unit/delta-prefetch.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { fullFidelityExporter } from './full-fidelity-export.js';

/** An Outlook item that Graph serves as JSON and delta reports with `changeKey` and `@removed`. */
export interface OutlookJsonItem {
  id: string;
  '@removed'?: { reason: string };
  changeKey?: string;
}

/** Items per delta page of a stream of Outlook items kept as JSON. */
export const outlookJsonPageSize = 500;

export interface OutlookJsonStream<T extends OutlookJsonItem> {
  userId: string;
  kind: ItemKind;
  /** Cursor name and catalog container: `contacts:<folderId>`, `calendar`. */
  containerId: string;
  containerPath: string;
  startLink: string;
  saved: DeltaCursor | null;
  /** The stream's next page when it was sent ahead in a batch (delta-prefetch.ts). */
  prefetched?: PrefetchedDeltaPage<T> | undefined;
  /** What the catalog shows and searches: name, sender or organiser, date, restore properties. */
  describe(item: T): Pick<NewItemVersion, 'name' | 'from' | 'to' | 'itemDate' | 'properties'>;
}

/**
 * Backs up one delta stream of Outlook items kept as their JSON (contacts, events): each new or
 * changed item's JSON goes into the content store as one blob; the rest is as for mail.
 */
export async function backupOutlookJsonStream<T extends OutlookJsonItem>(
  context: UnitContext,
  stream: OutlookJsonStream<T>,
): Promise<void> {
  const resource = { kind: 'mailbox', userId: stream.userId } as const;
  const recipe: PageRecipe<T> = {
    idOf: (item) => item.id,
    isRemoved: (item) => item['@removed'] !== undefined,
    isContent: () => true,
    versionKeyOf: (item) => item.changeKey ?? item.id,
    concurrency: 1,
    fetchContent: (item) => context.store.put(context.tenantId, Buffer.from(JSON.stringify(item), 'utf8'), 'item'),
    toVersion: (item, content) => {
      const description = stream.describe(item);
      return {
        resourceId: context.resource.resourceId,
        kind: stream.kind,
        graphId: item.id,
        versionKey: item.changeKey ?? item.id,
        containerId: stream.containerId,
        containerPath: stream.containerPath,
        size: content.size,
        content,
        searchTerms: searchTermsOf(description.name, description.from, ...(description.to ?? [])),
        ...description,
      };
    },
    addFullFidelity: (versions) => fullFidelityExporter(context, stream.userId).addStreams(versions),
  };
  await syncDeltaStream<T>({
    catalog: context.catalog,
    graph: context.graph,
    resource,
    resourceId: context.resource.resourceId,
    stream: stream.containerId,
    saved: stream.saved,
    ...(stream.prefetched && { prefetched: stream.prefetched }),
    startLink: stream.startLink,
    maxPageSize: outlookJsonPageSize,
    scope: { containerId: stream.containerId },
    runId: context.runId,
    resyncOf: context.resyncOf,
    onPage: async (page, round) => {
      await recordDeltaPage(context, page.items, recipe, round);
    },
    onProgress: () => context.progress.checkpoint(),
  });
}
