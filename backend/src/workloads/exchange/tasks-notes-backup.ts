import { joinFolderPath, searchTermsOf, type DeltaCursor, type ItemKind } from '../../catalog/index.js';
import {
  needsDeltaPoll,
  syncPolledStreams,
  type PolledDeltaStream,
  type PrefetchedDeltaPage,
} from '../../backup-unit/delta-prefetch.js';
import { syncDeltaStream } from '../../backup-unit/delta-stream.js';
import { recordDeltaPage, type PageRecipe } from '../../backup-unit/page-recorder.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import {
  getMailboxItem,
  isPermissionMissing,
  listMailboxFolders,
  mailboxItemDeltaPath,
  type MailboxAddress,
  type MailboxFolder,
  type MailboxItem,
} from '../../graph/index.js';
import type { BackedUpFolder } from './catalog-folders.js';
import { recordMailboxFolders } from './catalog-folders.js';
import { fullFidelityExporter } from './full-fidelity-export.js';

/** The folder classes backed up here, the catalog kind of their items and the prefix of their catalog folders. */
const classes: Record<string, { kind: ItemKind; prefix: 'tasks' | 'notes' }> = {
  'IPF.Task': { kind: 'task', prefix: 'tasks' },
  'IPF.StickyNote': { kind: 'note', prefix: 'notes' },
};

/** Items per item-delta page. */
const itemPageSize = 500;

interface ClassFolder extends BackedUpFolder {
  kind: ItemKind;
  prefix: 'tasks' | 'notes';
  totalItemCount?: number;
}

/**
 * Backs up a mailbox's Outlook tasks and notes, which Graph v1.0 reaches only through the mailbox import/export API:
 * their folders from the mailbox's folder list, their items by item delta, each stored as its full-fidelity export
 * stream (what a restore imports) beside a small JSON of the item and its subject (what browse and search show).
 * Without the tenant's consent to that API the unit says so once and backs up no task or note.
 * https://learn.microsoft.com/graph/api/resources/mailbox-import-export-api-overview
 */
export async function backupTasksAndNotes(context: UnitContext, userId: string): Promise<void> {
  const exporter = fullFidelityExporter(context, userId);
  let mailbox: MailboxAddress;
  let folders: ClassFolder[];
  try {
    [mailbox, folders] = await exporter.withMailbox(async (mailboxId) => {
      const address = { mailboxId, userId };
      return [address, classFolders(await listMailboxFolders(context.graph, address))] as const;
    });
  } catch (error) {
    if (!isPermissionMissing(error)) throw error;
    context.progress.warn({ code: 'tasks_notes_not_permitted', params: {} });
    return;
  }
  for (const prefix of ['tasks', 'notes'] as const) {
    await recordMailboxFolders(
      context,
      prefix,
      folders.filter((folder) => folder.prefix === prefix),
    );
  }
  const cursors = await context.catalog.deltaCursorsOf(context.resource.resourceId);
  // A folder empty at Graph and in the catalog is not polled (needsDeltaPoll says why that loses no change).
  const polled: PolledDeltaStream<MailboxItem>[] = [];
  for (const folder of folders) {
    const saved = cursors.get(`${folder.prefix}:${folder.id}`) ?? null;
    if (!(await needsDeltaPoll(context, `${folder.prefix}:${folder.id}`, folder.totalItemCount, saved))) continue;
    polled.push({
      saved,
      firstRound: { startLink: mailboxItemDeltaPath(mailbox.mailboxId, folder.id), itemCount: folder.totalItemCount },
      sync: (prefetched) => backupFolder(context, mailbox, folder, saved, prefetched),
    });
  }
  await syncPolledStreams<MailboxItem>(context.graph, { kind: 'mailbox', userId }, itemPageSize, polled);
}

/** Task and note folders with their paths (`Attività/Progetti`); a subfolder's path continues its parent's. */
function classFolders(all: readonly MailboxFolder[]): ClassFolder[] {
  const byId = new Map(all.map((folder) => [folder.id, folder]));
  const pathOf = (folder: MailboxFolder, depth = 0): string[] => {
    const parent = byId.get(folder.parentFolderId);
    return parent && parent.type === folder.type && depth < 64
      ? [...pathOf(parent, depth + 1), folder.displayName]
      : [folder.displayName];
  };
  return all.flatMap((folder) => {
    const kind = classes[folder.type];
    if (!kind) return [];
    const parent = byId.get(folder.parentFolderId);
    return [
      {
        id: folder.id,
        displayName: folder.displayName,
        path: joinFolderPath(pathOf(folder)),
        parentId: parent && parent.type === folder.type ? parent.id : null,
        ...(folder.wellKnownName ? { wellKnownName: folder.wellKnownName } : {}),
        ...(folder.totalItemCount !== undefined && { totalItemCount: folder.totalItemCount }),
        ...kind,
      },
    ];
  });
}

async function backupFolder(
  context: UnitContext,
  mailbox: MailboxAddress,
  folder: ClassFolder,
  saved: DeltaCursor | null,
  prefetched: PrefetchedDeltaPage<MailboxItem> | undefined,
): Promise<void> {
  const containerId = `${folder.prefix}:${folder.id}`;
  // The subject read with each item's content, for the version that toVersion builds next.
  const subjects = new Map<string, string>();
  const recipe: PageRecipe<MailboxItem> = {
    idOf: (item) => item.id,
    isRemoved: (item) => item['@removed'] !== undefined,
    isContent: () => true,
    versionKeyOf: (item) => item.changeKey ?? item.id,
    concurrency: 4,
    fetchContent: async (item) => {
      const read = await getMailboxItem(context.graph, mailbox, folder.id, item.id);
      subjects.set(item.id, read.subject);
      return context.store.put(context.tenantId, Buffer.from(JSON.stringify(read), 'utf8'), 'item');
    },
    toVersion: (item, content) => {
      const name = subjects.get(item.id) ?? '';
      subjects.delete(item.id);
      return {
        resourceId: context.resource.resourceId,
        kind: folder.kind,
        graphId: item.id,
        versionKey: item.changeKey ?? item.id,
        containerId,
        containerPath: folder.path,
        size: content.size,
        content,
        name,
        ...(item.lastModifiedDateTime !== undefined && { itemDate: new Date(item.lastModifiedDateTime) }),
        searchTerms: searchTermsOf(name),
        properties: {},
      };
    },
    addFullFidelity: (versions) => fullFidelityExporter(context, mailbox.userId).addStreams(versions),
  };
  await syncDeltaStream<MailboxItem>({
    catalog: context.catalog,
    graph: context.graph,
    resource: { kind: 'mailbox', userId: mailbox.userId },
    resourceId: context.resource.resourceId,
    stream: containerId,
    saved,
    ...(prefetched && { prefetched }),
    startLink: mailboxItemDeltaPath(mailbox.mailboxId, folder.id),
    maxPageSize: itemPageSize,
    scope: { containerId },
    runId: context.runId,
    resyncOf: context.resyncOf,
    onPage: async (page, round) => {
      await recordDeltaPage(context, page.items, recipe, round);
    },
    onProgress: () => context.progress.checkpoint(),
  });
}
