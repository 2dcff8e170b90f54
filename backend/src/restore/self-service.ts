import type { Db } from 'mongodb';
import { Catalog, ResourceReads, type ItemVersion } from '../catalog/index.js';
import type { NewRestoreRequest, RestoreRequest, RestoreSelection } from '../restore-model/model.js';
import type { RestoreService } from './restore-service.js';
import { resolveSelection } from './selection.js';

/** How self-service restores name their requester, so a user's own restores can be listed and no one else's. */
export function selfServiceRequester(userObjectId: string): string {
  return `self-service:${userObjectId}`;
}

/** A self-service user asked for something that is not theirs, by whatever id. */
export class SelfServiceScopeError extends Error {
  readonly messages = {
    en: 'You can restore only items of your own mailbox and OneDrive.',
    it: 'Puoi ripristinare solo elementi della tua casella di posta e del tuo OneDrive.',
  };

  constructor() {
    super('the selection reaches outside the signed-in user’s own mailbox and OneDrive');
    this.name = 'SelfServiceScopeError';
  }
}

export interface SelfServiceRequest {
  selection: RestoreSelection;
  /** Self-service restores go back to the user's own data only: in place or into a new folder. */
  target: { type: 'original' } | { type: 'newFolder' };
  conflictPolicy: NewRestoreRequest['conflictPolicy'];
  language: NewRestoreRequest['language'];
}

/**
 * What a signed-in end user may do: browse, search and restore items of their own mailbox and OneDrive (catalog
 * `ownerUserId`), nothing else. Every selection is resolved and checked before it is queued, so another user's
 * item cannot be reached by version id, folder id, resource id or search.
 */
export class SelfServiceRestore {
  constructor(
    private readonly db: Db,
    private readonly restores: RestoreService,
  ) {}

  /** The resource ids (mailbox, OneDrive) the user owns. */
  ownResources(tenantId: string, userObjectId: string): Promise<string[]> {
    return new ResourceReads(this.db).personalResourceIds(tenantId, userObjectId);
  }

  async search(tenantId: string, userObjectId: string, words: string[], limit = 100): Promise<ItemVersion[]> {
    const resourceIds = await this.ownResources(tenantId, userObjectId);
    if (resourceIds.length === 0) return [];
    return new Catalog(this.db, tenantId).search({ words, resourceIds, limit });
  }

  async browse(
    tenantId: string,
    userObjectId: string,
    resourceId: string,
    containerId: string,
    at?: Date,
  ): Promise<ItemVersion[]> {
    await this.requireOwn(tenantId, userObjectId, [resourceId]);
    return new Catalog(this.db, tenantId).browse(resourceId, containerId, at);
  }

  /**
   * Queues a restore of the user's own items; refuses the whole request if any item is someone else's. When the
   * tenant wants OneDrive self-service restores approved and the selection holds OneDrive items, it waits instead.
   */
  async restore(
    tenantId: string,
    userObjectId: string,
    request: SelfServiceRequest,
    policy: { oneDriveNeedsApproval: boolean },
  ): Promise<RestoreRequest> {
    if (request.target.type !== 'original' && request.target.type !== 'newFolder') throw new SelfServiceScopeError();
    const selection = await this.confined(tenantId, userObjectId, request.selection);
    const versions = await resolveSelection(this.db, new Catalog(this.db, tenantId), selection);
    if (versions.length === 0) throw new SelfServiceScopeError();
    const resourceIds = new Set(versions.map((version) => version.resourceId));
    await this.requireOwn(tenantId, userObjectId, [...resourceIds]);
    const touchesOneDrive = versions.some((version) => version.kind === 'file');
    return this.restores.request(
      tenantId,
      selfServiceRequester(userObjectId),
      { ...request, selection },
      policy.oneDriveNeedsApproval && touchesOneDrive ? { awaitApproval: 'oneDriveSelfService' } : {},
    );
  }

  /** Searches are narrowed to the user's resources; every other selection must name only them. */
  private async confined(
    tenantId: string,
    userObjectId: string,
    selection: RestoreSelection,
  ): Promise<RestoreSelection> {
    const own = await this.ownResources(tenantId, userObjectId);
    if (selection.type === 'search') {
      const wanted = selection.resourceIds ?? own;
      if (wanted.some((resourceId) => !own.includes(resourceId))) throw new SelfServiceScopeError();
      return { ...selection, resourceIds: wanted };
    }
    if (selection.type !== 'versions' && !own.includes(selection.resourceId)) throw new SelfServiceScopeError();
    return selection;
  }

  private async requireOwn(tenantId: string, userObjectId: string, resourceIds: readonly string[]): Promise<void> {
    const own = new Set(await this.ownResources(tenantId, userObjectId));
    if (resourceIds.some((resourceId) => !own.has(resourceId))) throw new SelfServiceScopeError();
  }
}
