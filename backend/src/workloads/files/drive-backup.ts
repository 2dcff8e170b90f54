import { childFolderPath, searchTermsOf, type NewItemVersion, type StoredContent } from '../../catalog/index.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { driveDeltaStart, driveItemContentPath, type GraphDriveItem } from '../../graph/index.js';

/** Parallel downloads per drive; the Graph layer enforces the tenant's SharePoint resource units. */
const downloadConcurrency = 4;

/**
 * Backs up one drive (a OneDrive or a SharePoint document library) by drive delta. Delta does not
 * return `parentReference.path`, and a folder always arrives before its children, so paths are
 * built from the folders seen, kept in the catalog across runs.
 * https://learn.microsoft.com/graph/api/driveitem-delta, /graph/api/driveitem-get-content
 */
export async function backupDrive(context: UnitContext, driveId: string): Promise<void> {
  const resourceId = context.resource.resourceId;
  const resource = { kind: 'drive', driveId } as const;
  const folderPaths = new Map<string, string>();
  for (const folder of await context.catalog.listFolders(resourceId)) {
    if (folder.deletedAt === null) folderPaths.set(folder.folderId, folder.path);
  }
  const containerOf = (item: GraphDriveItem): string => `file:${item.parentReference?.id ?? 'root'}`;

  const recipe: PageRecipe<GraphDriveItem> = {
    idOf: (item) => item.id,
    isRemoved: (item) => item.deleted !== undefined,
    isContent: (item) => item.file !== undefined,
    versionKeyOf: (item) => item.eTag ?? item.cTag ?? item.id,
    concurrency: downloadConcurrency,
    async fetchContent(item): Promise<StoredContent> {
      const { stream } = await context.graph.getStream(driveItemContentPath(driveId, item.id), { resource });
      return context.store.putStream(context.tenantId, stream, 'file');
    },
    toVersion: (item, content) => fileVersion(context, item, content, containerOf(item), folderPaths),
  };

  await syncDeltaStream<GraphDriveItem>({
    catalog: context.catalog,
    graph: context.graph,
    resource,
    resourceId,
    stream: 'drive',
    startLink: driveDeltaStart(driveId),
    scope: {},
    runId: context.runId,
    resyncOf: context.resyncOf,
    onPage: async (page, round) => {
      for (const item of page.items) {
        if (item.folder === undefined && item.root === undefined) continue;
        const folderId = `file:${item.id}`;
        if (item.deleted !== undefined) {
          folderPaths.delete(folderId);
          context.progress.addDeletions(
            await context.catalog.recordFolderDeleted(resourceId, folderId, context.runId, new Date()),
          );
          continue;
        }
        const parentPath = item.root ? '' : (folderPaths.get(containerOf(item)) ?? '');
        const path = item.root ? '' : childFolderPath(parentPath, item.name ?? '');
        folderPaths.set(folderId, path);
        await context.catalog.upsertFolder({
          resourceId,
          folderId,
          parentId: item.root ? null : containerOf(item),
          displayName: item.root ? '' : (item.name ?? ''),
          path,
          deletedAt: null,
          lastRunId: context.runId,
        });
      }
      await recordDeltaPage(context, page.items, recipe, round);
    },
    onProgress: () => context.progress.checkpoint(),
  });
}

function fileVersion(
  context: UnitContext,
  item: GraphDriveItem,
  content: StoredContent,
  containerId: string,
  folderPaths: Map<string, string>,
): NewItemVersion {
  const modified = item.fileSystemInfo?.lastModifiedDateTime ?? item.lastModifiedDateTime;
  return {
    resourceId: context.resource.resourceId,
    kind: 'file',
    graphId: item.id,
    versionKey: item.eTag ?? item.cTag ?? item.id,
    containerId,
    containerPath: folderPaths.get(containerId) ?? '',
    name: item.name ?? '',
    size: content.size,
    ...(modified !== undefined && { itemDate: new Date(modified) }),
    properties: {
      cTag: item.cTag,
      mimeType: item.file?.mimeType,
      hashes: item.file?.hashes,
      createdDateTime: item.fileSystemInfo?.createdDateTime ?? item.createdDateTime,
      lastModifiedDateTime: modified,
      lastModifiedBy: item.lastModifiedBy?.user?.email ?? item.lastModifiedBy?.user?.displayName,
    },
    content,
    searchTerms: searchTermsOf(item.name, item.lastModifiedBy?.user?.displayName),
  };
}
