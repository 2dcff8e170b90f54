import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { Catalog, type ItemVersion } from '../catalog/index.js';
import type { RestoreSelection } from '../restore-model/model.js';
import { maxItemsPerRestore, resolveSelection, SelectionTooLargeError } from '../restore/selection.js';
import { resourceInScope, resourcesInScope, type BackupScope } from './backup-scope.js';
import { pointInTimeOf } from './point-in-time.js';
import { toSelection, type SelectionInput } from './request-schemas.js';

/**
 * A selection as the engine takes it, checked before anything is queued: the point in time resolved, every account
 * it names inside the caller's scope, and at least one backed-up item in it, so a mistake is answered now and not
 * discovered later in a failed background job. Self-service searches are narrowed to the person's own accounts.
 */
export async function checkedSelection(
  db: Db,
  scope: BackupScope,
  input: SelectionInput,
): Promise<{ selection: RestoreSelection; versions: ItemVersion[] }> {
  let selection = toSelection(input, await pointInTimeOf(db, scope.tenantId, input));
  if (selection.type === 'folder' || selection.type === 'resource') {
    await resourceInScope(db, scope, selection.resourceId);
  } else if (selection.type === 'search') {
    if (selection.resourceIds) {
      for (const resourceId of selection.resourceIds) await resourceInScope(db, scope, resourceId);
    } else if (scope.ownerUserId !== undefined) {
      selection = { ...selection, resourceIds: (await resourcesInScope(db, scope)).map((r) => r.resourceId) };
    }
  }
  let versions: ItemVersion[];
  try {
    versions = await resolveSelection(db, new Catalog(db, scope.tenantId), selection);
  } catch (error) {
    if (error instanceof SelectionTooLargeError) {
      throw new ApiError(422, 'selection_too_large', undefined, { count: error.count, limit: maxItemsPerRestore });
    }
    throw error;
  }
  if (versions.length === 0) throw new ApiError(422, 'selection_empty');
  // Exact versions are checked one by one: an id of someone else's item reads as unknown.
  const resources = [];
  for (const resourceId of new Set(versions.map((version) => version.resourceId))) {
    resources.push(await resourceInScope(db, scope, resourceId));
  }
  await scope.confirmOwnership?.(resources);
  return { selection, versions };
}
