import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { tenantOf } from '../http/schemas.js';
import type { Request } from 'restify';
import type { Principal } from '../access/principal.js';
import { ResourceReads, type ProtectedResource } from '../catalog/index.js';
import { readSettings } from '../settings/settings-store.js';
import type { RestoreRouteServices } from './restore-api-services.js';

/**
 * Which backed-up accounts a caller may browse: every account of the tenant for the portal's restore roles; only
 * their own mailbox and OneDrive for a person using "My backups". Anything outside answers 404, as if it did not
 * exist, so ids of other people's accounts cannot be probed.
 */
export interface BackupScope {
  readonly tenantId: string;
  /** Set for self-service: the signed-in person's Entra object id. */
  readonly ownerUserId?: string;
  /** Self-service: asks Microsoft 365, as the person, to confirm the accounts are theirs before data leaves. */
  readonly confirmOwnership?: (resources: readonly ProtectedResource[]) => Promise<void>;
}

/** What a scope is decided from: the route's caller and the services. */
export interface ScopeInput {
  readonly principal: Principal;
  readonly services: RestoreRouteServices;
  readonly request: Request;
}

export function tenantScope({ principal }: { principal: Principal }): BackupScope {
  return { tenantId: tenantOf(principal) };
}

/** "My backups": the caller's own data, and only while the tenant allows self-service restore. */
export async function ownScope({ principal, services, request }: ScopeInput): Promise<BackupScope> {
  const tenantId = tenantOf(principal);
  const settings = await readSettings(services.db, tenantId);
  if (!settings.selfServiceRestore) throw new ApiError(403, 'self_service_disabled');
  const ownership = services.restore?.ownership;
  const assertion = (request.header('authorization') ?? '').replace(/^Bearer\s+/i, '');
  return {
    tenantId,
    ownerUserId: principal.userId,
    ...(ownership && {
      confirmOwnership: (resources) => ownership.confirm(tenantId, assertion, principal.userId, resources),
    }),
  };
}

export async function resourcesInScope(db: Db, scope: BackupScope): Promise<ProtectedResource[]> {
  return new ResourceReads(db).byName(scope.tenantId, scope.ownerUserId);
}

/** The account if the scope reaches it, else 404. */
export async function resourceInScope(db: Db, scope: BackupScope, resourceId: string): Promise<ProtectedResource> {
  const resource = await new ResourceReads(db).get(scope.tenantId, resourceId);
  const allowed =
    resource &&
    (scope.ownerUserId === undefined ||
      (resource.ownerUserId === scope.ownerUserId && (resource.kind === 'mailbox' || resource.kind === 'onedrive')));
  if (!allowed) throw new ApiError(404, 'not_found', undefined, { what: 'account' });
  return resource;
}
