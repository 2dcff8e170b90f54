import { joinFolderPath, splitFolderPath, type ItemVersion } from '../../catalog/index.js';
import { outlookItemPath, type OutlookItemSegment } from '../../graph/index.js';
import type { ItemWriter, RecordIntent, RestoreWriteContext } from '../item-writer.js';
import type { RestoreItem } from '../../restore-model/model.js';
import { alreadyThere, type VerifyOutcome, type WriteOutcome } from '../../restore-model/outcome.js';
import type { TargetLocation } from '../../restore-model/target-location.js';
import { OutlookItemIndex, type MarkedEntity } from './restore-outlook-index.js';
import { importFullFidelity } from './restore-import.js';
import { backedUpJson, importedItemDifferences, type GraphJson } from './restore-outlook-json.js';

/** Why a contact or event recreated through JSON is never reported as verified, whatever its read-back shows. */
export const outlookJsonFallbackDifference =
  'recreated through JSON (the tenant has not consented to the mailbox import/export API, or the backup has no ' +
  "full-fidelity stream): what Graph does not let a client write (organizer, attendees' responses, online meeting, " +
  'photo) is not carried, and attendees are named in the body instead of invited';

/** Where items of one target folder are listed and created. */
export interface OutlookContainer {
  /** Lists the folder's items and creates new ones (`POST`): a contact folder's contacts, a calendar's events. */
  itemsPath: string;
  /** The folder's id, when read-back can check it (`parentFolderId`). */
  folderId?: string;
  /** The folder an import writes into when read-back cannot check it (a calendar: events have no parentFolderId). */
  importFolderId?: string;
  /** The folder's well-known name when its id is not known otherwise (an empty default Contacts folder). */
  wellKnownName?: string;
}

export type OutlookJson = GraphJson & MarkedEntity;

/**
 * Restores Outlook items kept as their Graph JSON (contacts, events) exactly as mail is restored: into their folder
 * (recreated as needed); the conflict policy applied to items of the same identity in that folder; the intent
 * recorded before the POST; a restore marker on the created item, so a worker resuming after a crash deletes the copy
 * an interrupted attempt may have left and writes it again, never leaving two.
 */
export abstract class OutlookJsonWriter<T extends OutlookJson> implements ItemWriter {
  private readonly indexes = new Map<string, OutlookItemIndex<T>>();

  constructor(protected readonly context: RestoreWriteContext) {}

  /** Under which a single item is read and deleted: `contacts`, `events`. */
  protected abstract readonly itemSegment: OutlookItemSegment;
  /** `$select` for listing a folder: what `identityOf` reads. */
  protected abstract readonly identitySelect: string;
  /** The folder at `folderPath` (created where missing); `originalPath` is where the item was backed up from. */
  protected abstract container(
    userId: string,
    folderPath: readonly string[],
    originalPath: readonly string[],
  ): Promise<OutlookContainer>;
  /** What makes two items the same item for the conflict policy. */
  protected abstract identityOf(item: T): string;
  /** The JSON that creates the backed-up item, marker included. */
  protected abstract toCreate(original: T, marker: string): GraphJson;
  /** The fields where the read-back item differs from the backup. */
  protected abstract differences(original: T, restored: T, container: OutlookContainer): string[];
  /** Headers for the read-back (events ask for their original time zone). */
  protected readBackHeaders(_original: T): Record<string, string> {
    return {};
  }

  async write(
    item: RestoreItem,
    version: ItemVersion,
    location: TargetLocation,
    intend: RecordIntent,
  ): Promise<WriteOutcome> {
    const userId = location.id;
    const container = await this.container(userId, location.folderPath, splitFolderPath(version.containerPath));
    const index = this.index(userId, container);
    const original = await backedUpJson<T>(this.context, version);

    // An earlier attempt may have created this item before its outcome was recorded: remove that copy (JSON copies
    // carry the item's marker; an imported copy is the one with its identity that was not there before the attempt).
    if (item.state === 'writing') await index.deleteInterruptedCopy(item, this.identityOf(original));

    const identity = this.identityOf(original);
    const existing = await index.withIdentity(identity);
    if (existing.length > 0 && this.context.conflictPolicy === 'skip')
      return { state: 'skipped', reason: alreadyThere };
    await intend({
      targetResource: `mailbox:${userId}`,
      targetPath: joinFolderPath(location.folderPath),
      preexistingIds: existing,
    });
    if (this.context.conflictPolicy === 'overwrite') for (const id of existing) await index.delete(id);

    const imported = await importFullFidelity(this.context, userId, version, () => this.folderIdOf(userId, container));
    if (imported) {
      index.remember(imported, identity, undefined);
      return { state: 'restored', createdId: imported, targetName: version.name, restoredBy: 'import' };
    }
    const json = this.toCreate(original, item.marker);
    await this.context.pacer.take(userId, Buffer.byteLength(JSON.stringify(json)));
    const created = await this.context.graph.sendJson<{ id: string }>('POST', container.itemsPath, json, {
      resource: { kind: 'mailbox', userId },
    });
    index.remember(created.id, identity, item.marker);
    return { state: 'restored', createdId: created.id, targetName: version.name, restoredBy: 'json' };
  }

  /** The id of the folder (contact folder, calendar) an import writes into. */
  private async folderIdOf(userId: string, container: OutlookContainer): Promise<string> {
    const folderId = container.importFolderId ?? container.folderId;
    if (folderId) return folderId;
    if (container.wellKnownName) return this.context.fullFidelity.wellKnownFolderId(userId, container.wellKnownName);
    throw new Error(`no folder id for ${container.itemsPath}`);
  }

  async verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome> {
    const userId = (item.targetResource ?? '').replace(/^mailbox:/, '');
    const original = await backedUpJson<T>(this.context, version);
    const container = await this.container(
      userId,
      splitFolderPath(item.targetPath ?? ''),
      splitFolderPath(version.containerPath),
    );
    const restored = await this.context.graph.getJson<T>(outlookItemPath(userId, this.itemSegment, createdId), {
      resource: { kind: 'mailbox', userId },
      headers: this.readBackHeaders(original),
    });
    if (item.restoredBy === 'import') {
      const differences = importedItemDifferences(original, restored);
      if (container.folderId && restored.parentFolderId !== container.folderId) differences.push('folder');
      return { verified: differences.length === 0, differences };
    }
    return {
      verified: false,
      differences: [outlookJsonFallbackDifference, ...this.differences(original, restored, container)],
    };
  }

  private index(userId: string, container: OutlookContainer): OutlookItemIndex<T> {
    let index = this.indexes.get(container.itemsPath);
    if (!index) {
      index = new OutlookItemIndex<T>(this.context.graph, {
        userId,
        path: container.itemsPath,
        select: this.identitySelect,
        itemSegment: this.itemSegment,
        identityOf: (listed) => this.identityOf(listed),
      });
      this.indexes.set(container.itemsPath, index);
    }
    return index;
  }
}
