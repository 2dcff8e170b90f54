import { createHash } from 'node:crypto';
import { joinFolderPath, type ItemVersion } from '../../catalog/index.js';
import type { ItemWriter, RecordIntent, RestoreWriteContext } from '../item-writer.js';
import type { RestoreItem } from '../../restore-model/model.js';
import { alreadyThere, isGraphStatus, type VerifyOutcome, type WriteOutcome } from '../../restore-model/outcome.js';
import type { TargetLocation } from '../../restore-model/target-location.js';
import {
  driveChildByNamePath,
  driveChildrenPath,
  driveItemCheckSelect,
  driveItemContentPath,
  driveItemPath,
  type GraphDriveItem,
} from '../../graph/index.js';
import { DriveFolderPaths } from './restore-drive-folders.js';
import { uploadFromStore } from './restore-file-upload.js';

type DriveItemInfo = Pick<GraphDriveItem, 'id' | 'name' | 'size'>;

/**
 * Restores files into their folder path (recreated as needed) through upload sessions streamed from the content
 * store, keeping the modified time. Conflicts are items of the same name in the target folder: skip leaves them,
 * overwrite replaces their content (a new version), keep-both writes beside them as "name 1.ext".
 */
export class FileWriter implements ItemWriter {
  private readonly folders = new Map<string, DriveFolderPaths>();

  constructor(private readonly context: RestoreWriteContext) {}

  async write(
    item: RestoreItem,
    version: ItemVersion,
    location: TargetLocation,
    intend: RecordIntent,
  ): Promise<WriteOutcome> {
    const driveId = location.id;
    const parentId = await this.folderPaths(driveId).ensure(location.folderPath);
    const targetPath = joinFolderPath(location.folderPath);

    // An earlier attempt chose a name and may have finished: if that file holds exactly the backup, it is done.
    if (item.state === 'writing' && item.targetName && item.targetPath === targetPath) {
      const written = await this.child(driveId, parentId, item.targetName);
      if (
        written &&
        written.size === version.size &&
        (await this.sha256(driveId, written.id)) === version.content!.sha256
      ) {
        return { state: 'restored', createdId: written.id, targetName: item.targetName };
      }
    }

    const existing = await this.child(driveId, parentId, version.name);
    if (existing && this.context.conflictPolicy === 'skip') return { state: 'skipped', reason: alreadyThere };
    const targetName =
      existing && this.context.conflictPolicy === 'keepBoth'
        ? await this.freeName(driveId, parentId, version.name)
        : version.name;
    await intend({ targetResource: `drive:${driveId}`, targetPath, targetName });
    const created = await uploadFromStore(this.context, {
      driveId,
      parentId,
      name: targetName,
      version,
      // The name is ours now (free, or the one overwrite replaces): a leftover from an earlier attempt is replaced.
      conflictBehavior: existing || item.state === 'writing' ? 'replace' : 'fail',
    });
    return { state: 'restored', createdId: created.id, targetName };
  }

  async verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome> {
    const driveId = (item.targetResource ?? '').replace(/^drive:/, '');
    const resource = { kind: 'drive', driveId } as const;
    const restored = await this.context.graph.getJson<DriveItemInfo>(
      driveItemPath(driveId, createdId, driveItemCheckSelect),
      { resource },
    );
    const differences: string[] = [];
    if (restored.name !== item.targetName) differences.push('name');
    if (restored.size !== version.size) differences.push('size');
    if ((await this.sha256(driveId, createdId)) !== version.content!.sha256) differences.push('content');
    return { verified: differences.length === 0, differences };
  }

  private async child(driveId: string, parentId: string, name: string): Promise<DriveItemInfo | undefined> {
    const path = driveChildByNamePath(driveId, parentId, name, driveItemCheckSelect);
    try {
      return await this.context.graph.getJson<DriveItemInfo>(path, { resource: { kind: 'drive', driveId } });
    } catch (error) {
      if (isGraphStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** "name 1.ext", "name 2.ext"…: the first name not taken in the folder, as OneDrive's rename does. */
  private async freeName(driveId: string, parentId: string, name: string): Promise<string> {
    const taken = new Set<string>();
    const listing = `${driveChildrenPath(driveId, parentId)}?$select=name`;
    for await (const page of this.context.graph.pages<{ name: string }>(listing, {
      resource: { kind: 'drive', driveId },
      maxPageSize: 1000,
    })) {
      for (const child of page) taken.add(child.name.toLocaleLowerCase());
    }
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    for (let counter = 1; ; counter++) {
      const candidate = `${stem} ${counter}${extension}`;
      if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
    }
  }

  private async sha256(driveId: string, itemId: string): Promise<string> {
    const { stream } = await this.context.graph.getStream(driveItemContentPath(driveId, itemId), {
      resource: { kind: 'drive', driveId },
    });
    const hash = createHash('sha256');
    for await (const chunk of stream) hash.update(chunk as Uint8Array);
    return hash.digest('hex');
  }

  private folderPaths(driveId: string): DriveFolderPaths {
    let paths = this.folders.get(driveId);
    if (!paths) this.folders.set(driveId, (paths = new DriveFolderPaths(this.context.graph, driveId)));
    return paths;
  }
}
