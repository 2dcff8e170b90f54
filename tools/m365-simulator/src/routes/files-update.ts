import { badRequest, GraphError } from '../http/errors.js';
import { jsonBody, ok } from '../http/odata.js';
import type { Handler } from '../http/types.js';
import { deleteItem, findChild, isWithin, relocateItem, setFileSystemInfo } from '../model/drive.js';
import type { DriveItemRecord, DriveRecord } from '../model/records.js';
import { itemNotFound, type DriveAddressing } from './files-addressing.js';
import { requireMatch } from './files-conditions.js';
import { conflictBehavior, freeName, nameAlreadyExists, requireValidName } from './files-naming.js';
import { renderItem } from './files-render.js';

interface ItemUpdate {
  name?: unknown;
  parentReference?: { id?: unknown; driveId?: unknown };
  fileSystemInfo?: { createdDateTime?: unknown; lastModifiedDateTime?: unknown };
  '@microsoft.graph.conflictBehavior'?: unknown;
}

/** The properties this simulator lets a PATCH change; any other one is refused rather than silently dropped. */
const UPDATABLE = new Set(['name', 'parentReference', 'fileSystemInfo', '@microsoft.graph.conflictBehavior']);

/**
 * `PATCH` of a driveItem: rename (`name`), move within the drive (`parentReference.id`), or both at once, and the
 * client's `fileSystemInfo` times (https://learn.microsoft.com/graph/api/driveitem-update,
 * https://learn.microsoft.com/graph/api/driveitem-move). `If-Match` with a stale tag is a 412; a name taken in the
 * destination is a 409 unless `@microsoft.graph.conflictBehavior` says `rename` or `replace`.
 */
export function updateItemHandler({ driveOf, itemOf, writerOf }: DriveAddressing): Handler {
  return (request) => {
    const drive = driveOf(request);
    const item = itemOf(request, drive);
    requireMatch(request, item);
    const update = jsonBody<ItemUpdate>(request);
    const refused = Object.keys(update).filter((key) => !UPDATABLE.has(key));
    if (refused.length > 0) throw badRequest(`The simulator cannot update: ${refused.join(', ')}.`, 'notSupported');
    if (item.parentId === null && (update.name !== undefined || update.parentReference !== undefined))
      throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be renamed or moved.');
    const parent = destinationOf(drive, item, update.parentReference);
    const name = update.name === undefined ? item.name : requireValidName(update.name);
    const behavior = conflictBehavior(
      update['@microsoft.graph.conflictBehavior'] ??
        request.query.get('@microsoft.graph.conflictBehavior') ??
        undefined,
      'fail',
    );
    const clash = findChild(drive, parent.id, name);
    const taken = clash !== undefined && clash.id !== item.id;
    if (taken && behavior === 'fail') throw nameAlreadyExists(name);
    if (taken && behavior === 'replace') deleteItem(drive, clash);
    const finalName = taken && behavior === 'rename' ? freeName(drive, parent.id, name) : name;
    setFileSystemInfo(item, update.fileSystemInfo);
    const updated = relocateItem(
      drive,
      item,
      { parentId: parent.id, name: finalName },
      new Date().toISOString(),
      writerOf(request),
    );
    return ok(renderItem(drive, updated));
  };
}

/** The new parent: the current one unless `parentReference.id` names a folder of the same drive outside the item. */
function destinationOf(
  drive: DriveRecord,
  item: DriveItemRecord,
  reference: ItemUpdate['parentReference'],
): DriveItemRecord {
  const current = drive.items.get(item.parentId ?? drive.rootId) as DriveItemRecord;
  if (reference === undefined) return current;
  if (reference.driveId !== undefined && reference.driveId !== drive.id)
    throw badRequest('Items cannot be moved between drives with this request.', 'invalidRequest');
  if (typeof reference.id !== 'string')
    throw badRequest('parentReference.id must give the id of the destination folder.', 'invalidRequest');
  const parent = drive.items.get(reference.id);
  if (!parent) throw itemNotFound(`item ${reference.id}`);
  if (!parent.isFolder) throw badRequest('The destination is not a folder.', 'invalidRequest');
  if (isWithin(drive, parent, item)) throw badRequest('A folder cannot be moved into itself.', 'invalidRequest');
  return parent;
}
