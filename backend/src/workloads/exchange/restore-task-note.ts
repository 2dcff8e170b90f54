import { joinFolderPath, splitFolderPath, type ItemVersion } from '../../catalog/index.js';
import {
  createMailboxFolder,
  getMailboxItem,
  listChildFolders,
  listFolderItems,
  mailboxFolderExists,
  type MailboxAddress,
  type MailboxItem,
} from '../../graph/index.js';
import type { ItemWriter, RecordIntent, RestoreWriteContext } from '../item-writer.js';
import type { RestoreItem } from '../../restore-model/model.js';
import { alreadyThere, ItemNotRestorable, type VerifyOutcome, type WriteOutcome } from '../../restore-model/outcome.js';
import type { TargetLocation } from '../../restore-model/target-location.js';
import { importFullFidelity } from './restore-import.js';

/** What the backup stored beside the stream: the mailbox item as listed, with its subject. */
interface StoredMailboxItem extends MailboxItem {
  subject: string;
}

const folderClass = { task: 'IPF.Task', note: 'IPF.StickyNote' } as const;
const defaultFolder = { task: 'tasks', note: 'notes' } as const;

const notExported = {
  en: 'this version was backed up without its full-fidelity export stream (the tenant had not consented to the mailbox import/export API then), and Graph has no other way to write a task or a note',
  it: "questa versione è stata salvata senza il flusso di esportazione completo (il tenant non aveva concesso l'API di importazione/esportazione delle cassette postali) e Graph non ha altro modo di scrivere un'attività o una nota",
};
const notPermitted = {
  en: 'the tenant has not consented to MailboxItem.ImportExport.All, the only way Graph writes a task or a note',
  it: "il tenant non ha concesso MailboxItem.ImportExport.All, l'unico modo in cui Graph scrive un'attività o una nota",
};

/**
 * Restores Outlook tasks and notes by importing their full-fidelity streams (the mailbox import/export API is the
 * only Graph v1.0 path to them). In place, an item goes back into its original folder while that folder exists;
 * otherwise, into another folder or mailbox, beneath the target mailbox's default Tasks or Notes folder, the restore's
 * folder and the original path below the default folder are created as folders of the item's class. Two items are the
 * same when subject and creation time match (an imported item keeps both); `overwrite` imports over the existing one
 * (import mode `update`, which keeps its id). After a crash, a copy with that identity that was not there before is
 * the interrupted attempt's and is taken as the restored item.
 * https://learn.microsoft.com/graph/import-exchange-mailbox-item, /graph/api/mailboxfolder-post-childfolders
 */
export class TaskNoteWriter implements ItemWriter {
  /** `user\nfolder path` -> folder id, for the folders found or created in this restore. */
  private readonly folders = new Map<string, Promise<string>>();

  constructor(private readonly context: RestoreWriteContext) {}

  async write(
    item: RestoreItem,
    version: ItemVersion,
    location: TargetLocation,
    intend: RecordIntent,
  ): Promise<WriteOutcome> {
    if (!version.fullFidelity) throw new ItemNotRestorable(notExported);
    const kind = kindOf(item);
    const original = await this.storedItem(version);
    const mailbox = await this.mailbox(location.id);
    const folderId = await this.folderFor(
      mailbox,
      kind,
      location.folderPath,
      splitFolderPath(item.containerPath),
      version,
    );
    const same = (await listFolderItems(this.context.graph, mailbox, folderId)).filter(
      (candidate) => identityOf(candidate) === identityOf(original),
    );
    if (item.state === 'writing') {
      const interrupted = same.find((candidate) => !(item.preexistingIds ?? []).includes(candidate.id));
      if (interrupted)
        return { state: 'restored', createdId: interrupted.id, targetName: item.name, restoredBy: 'import' };
    }
    await intend({
      targetResource: `mailbox:${location.id}`,
      targetPath: joinFolderPath(location.folderPath),
      preexistingIds: same.map((candidate) => candidate.id),
    });
    const existing = same[0];
    if (existing && this.context.conflictPolicy === 'skip') return { state: 'skipped', reason: alreadyThere };
    const replacing =
      existing && this.context.conflictPolicy === 'overwrite' && existing.changeKey
        ? { itemId: existing.id, changeKey: existing.changeKey }
        : undefined;
    const createdId = await importFullFidelity(this.context, location.id, version, async () => folderId, replacing);
    if (createdId === null) throw new ItemNotRestorable(notPermitted);
    return { state: 'restored', createdId, targetName: item.name, restoredBy: 'import' };
  }

  /** Reads the restored item back: its class, subject, categories and creation time must be the backed-up ones. */
  async verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome> {
    const userId = (item.targetResource ?? '').replace(/^mailbox:/, '');
    const mailbox = await this.mailbox(userId);
    const folderPath = splitFolderPath(item.targetPath ?? item.containerPath);
    const folderId = await this.folderFor(
      mailbox,
      kindOf(item),
      folderPath,
      splitFolderPath(item.containerPath),
      version,
    );
    const original = await this.storedItem(version);
    const restored = await getMailboxItem(this.context.graph, mailbox, folderId, createdId);
    const differences: string[] = [];
    if (restored.type !== original.type) differences.push('type');
    if (restored.subject !== original.subject) differences.push('subject');
    if (JSON.stringify(restored.categories ?? []) !== JSON.stringify(original.categories ?? []))
      differences.push('categories');
    if (restored.createdDateTime !== original.createdDateTime) differences.push('createdDateTime');
    return { verified: differences.length === 0, differences };
  }

  private async storedItem(version: ItemVersion): Promise<StoredMailboxItem> {
    if (!version.content) throw new Error('the backup of this item no longer exists');
    return JSON.parse(
      (await this.context.store.read(this.context.tenantId, version.content)).toString('utf8'),
    ) as StoredMailboxItem;
  }

  private async mailbox(userId: string): Promise<MailboxAddress> {
    return { mailboxId: await this.context.fullFidelity.mailboxOf(userId), userId };
  }

  /**
   * The folder an item goes into: its original folder when restored in place and that folder still exists, else the
   * path beneath the target's default folder of its class, created where missing.
   */
  private folderFor(
    mailbox: MailboxAddress,
    kind: 'task' | 'note',
    folderPath: readonly string[],
    originalPath: readonly string[],
    version: ItemVersion,
  ): Promise<string> {
    const key = `${mailbox.userId}\n${kind}\n${joinFolderPath(folderPath)}`;
    let folder = this.folders.get(key);
    if (!folder) {
      folder = this.resolveFolder(mailbox, kind, folderPath, originalPath, version);
      this.folders.set(key, folder);
      folder.catch(() => this.folders.delete(key));
    }
    return folder;
  }

  private async resolveFolder(
    mailbox: MailboxAddress,
    kind: 'task' | 'note',
    folderPath: readonly string[],
    originalPath: readonly string[],
    version: ItemVersion,
  ): Promise<string> {
    const originalFolderId = version.containerId.slice(version.containerId.indexOf(':') + 1);
    const inPlace = joinFolderPath(folderPath) === joinFolderPath(originalPath);
    if (inPlace && (await mailboxFolderExists(this.context.graph, mailbox, originalFolderId))) return originalFolderId;
    let current = await this.context.fullFidelity.wellKnownFolderId(mailbox.userId, defaultFolder[kind]);
    const prefix = folderPath.slice(0, Math.max(0, folderPath.length - originalPath.length));
    for (const name of [...prefix, ...originalPath.slice(1)]) {
      const children = await listChildFolders(this.context.graph, mailbox, current);
      const found = children.find((child) => child.displayName.toLocaleLowerCase() === name.toLocaleLowerCase());
      current =
        found?.id ??
        (
          await createMailboxFolder(this.context.graph, mailbox, current, {
            displayName: name,
            type: folderClass[kind],
          })
        ).id;
    }
    return current;
  }
}

function kindOf(item: RestoreItem): 'task' | 'note' {
  if (item.kind !== 'task' && item.kind !== 'note') throw new Error(`not a task or note: ${item.kind}`);
  return item.kind;
}

/** Subject and creation time: what an imported copy keeps of the item it came from. */
function identityOf(item: {
  subject?: string;
  singleValueExtendedProperties?: { value: string }[];
  createdDateTime?: string;
}): string {
  const subject = item.subject ?? item.singleValueExtendedProperties?.[0]?.value ?? '';
  return `${subject}\n${item.createdDateTime ?? ''}`;
}
