import type { Db, Filter } from 'mongodb';
import { ApiError } from '../api/http/api-error.js';
import { tenantOf } from '../api/http/schemas.js';
import type { Principal } from '../auth/principal.js';
import { resourcesCollection, type ProtectedResource } from '../catalog/index.js';
import { readSettings } from '../settings/settings-store.js';

/**
 * Which backed-up accounts a caller may browse: every account of the tenant for the portal's restore roles; only
 * their own mailbox and OneDrive for a person using "My backups". Anything outside answers 404, as if it did not
 * exist, so ids of other people's accounts cannot be probed.
 */
export interface BackupScope {
  readonly tenantId: string;
  /** Set for self-service: the signed-in person's Entra object id. */
  readonly ownerUserId?: string;
}

export function tenantScope(principal: Principal): BackupScope {
  return { tenantId: tenantOf(principal) };
}

/** "My backups": the caller's own data, and only while the tenant allows self-service restore. */
export async function ownScope(db: Db, principal: Principal): Promise<BackupScope> {
  const tenantId = tenantOf(principal);
  const settings = await readSettings(db, tenantId);
  if (!settings.selfServiceRestore) throw new ApiError(403, 'self_service_disabled');
  return { tenantId, ownerUserId: principal.userId };
}

export function resourceFilter(scope: BackupScope): Filter<ProtectedResource> {
  return scope.ownerUserId === undefined
    ? {}
    : { ownerUserId: scope.ownerUserId, kind: { $in: ['mailbox', 'onedrive'] } };
}

export async function resourcesInScope(db: Db, scope: BackupScope): Promise<ProtectedResource[]> {
  return resourcesCollection
    .scoped(db)
    .find(scope.tenantId, resourceFilter(scope), { sort: { displayName: 1 } })
    .toArray();
}

/** The account if the scope reaches it, else 404. */
export async function resourceInScope(db: Db, scope: BackupScope, resourceId: string): Promise<ProtectedResource> {
  const resource = await resourcesCollection.scoped(db).findOne(scope.tenantId, { resourceId });
  const allowed =
    resource &&
    (scope.ownerUserId === undefined ||
      (resource.ownerUserId === scope.ownerUserId && (resource.kind === 'mailbox' || resource.kind === 'onedrive')));
  if (!allowed) throw new ApiError(404, 'not_found', undefined, { what: 'account' });
  return resource;
}
