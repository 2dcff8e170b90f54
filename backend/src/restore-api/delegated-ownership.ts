import { ApiError } from '../http/api-error.js';
import type { ProtectedResource } from '../catalog/index.js';
import { inboxFolderPath, signedInUserIdPath, userDriveIdPath } from '../graph/index.js';
import { OnBehalfOfRefused, type OnBehalfOfGraph } from '../graph/on-behalf-of.js';

/**
 * Before a person's own data is restored or exported, Microsoft 365 confirms, with the person's delegated access,
 * that the mailbox and OneDrive are theirs: a second check, independent of our catalog's, so that a mistake in our
 * scoping could not hand one person another's data.
 */
export interface DelegatedOwnership {
  confirm(
    tenantId: string,
    userAssertion: string,
    userId: string,
    resources: readonly ProtectedResource[],
  ): Promise<void>;
}

export class GraphDelegatedOwnership implements DelegatedOwnership {
  constructor(private readonly graph: OnBehalfOfGraph) {}

  async confirm(
    tenantId: string,
    userAssertion: string,
    userId: string,
    resources: readonly ProtectedResource[],
  ): Promise<void> {
    try {
      const me = await this.graph.getJson<{ id: string }>(tenantId, userAssertion, signedInUserIdPath);
      if (me.id !== userId) throw new ApiError(403, 'not_yours');
      for (const resource of resources) await this.confirmOne(tenantId, userAssertion, resource);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof OnBehalfOfRefused) throw new ApiError(502, 'delegated_access_failed');
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 403 || status === 404) throw new ApiError(403, 'not_yours');
      throw new ApiError(502, 'delegated_access_failed');
    }
  }

  private async confirmOne(tenantId: string, userAssertion: string, resource: ProtectedResource): Promise<void> {
    const owner = resource.ownerUserId ?? resource.graphId;
    if (resource.kind === 'mailbox') {
      await this.graph.getJson(tenantId, userAssertion, inboxFolderPath(owner));
      return;
    }
    const drive = await this.graph.getJson<{ id: string }>(tenantId, userAssertion, userDriveIdPath(owner));
    if (drive.id !== (resource.driveId ?? resource.graphId)) throw new ApiError(403, 'not_yours');
  }
}
