import type { Db, Filter } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { findTenantPage, type Page, type PageRequest } from '../http/pagination.js';
import type { RestoreRequest, RestoreStatus } from '../restore-model/model.js';
import { restoreRequestsCollection } from './collections.js';

/**
 * The tenant's restore requests as the portal, the bot and the letters read them; only this module writes them
 * (`RestoreService`). Every read leaves out the database's `_id`.
 */
export class RestoreRequests {
  private readonly requests: TenantCollection<RestoreRequest>;

  constructor(private readonly db: Db) {
    this.requests = restoreRequestsCollection.scoped(db);
  }

  get(tenantId: string, restoreId: string): Promise<RestoreRequest | null> {
    return this.requests.findOne(tenantId, { restoreId }, { projection: { _id: 0 } });
  }

  /**
   * One page of the tenant's restores, only of this status or requester when given (the portal's list, its approval
   * queue, a person's own restores).
   */
  page(
    tenantId: string,
    only: { status?: RestoreStatus | undefined; requestedBy?: string },
    request: PageRequest,
  ): Promise<Page<RestoreRequest>> {
    const filter: Filter<RestoreRequest> = {
      ...(only.status && { status: only.status }),
      ...(only.requestedBy !== undefined && { requestedBy: only.requestedBy }),
    };
    return findTenantPage(this.requests, tenantId, filter, request, 'restoreId');
  }

  /** The newest restores of the tenant, only those asked for by one of `requesters` when given. */
  newest(tenantId: string, limit: number, requesters?: readonly string[]): Promise<RestoreRequest[]> {
    const filter: Filter<RestoreRequest> = requesters ? { requestedBy: { $in: [...requesters] } } : {};
    return this.requests.find(tenantId, filter, { sort: { requestedAt: -1 }, limit, projection: { _id: 0 } }).toArray();
  }

  /** Of every tenant, oldest first: the restores awaiting approval and those decided since `since`. */
  awaitingOrDecidedSince(since: Date, limit: number): Promise<RestoreRequest[]> {
    return restoreRequestsCollection
      .raw(this.db)
      .find(
        { $or: [{ status: 'awaitingApproval' }, { 'approval.decidedAt': { $gte: since } }] },
        { sort: { requestedAt: 1 }, limit, projection: { _id: 0 } },
      )
      .toArray();
  }
}
