import type { Db, Filter } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import { findTenantPage, type Page, type PageRequest } from '../http/pagination.js';
import { resourcesCollection } from './collections.js';
import type { ProtectedResource, ResourceKind } from './model.js';

/** The kinds a person owns and may restore from themselves ("My backups", self-service). */
const personalKinds: ResourceKind[] = ['mailbox', 'onedrive'];

/** What the Items list narrows accounts by, each applied by the database over every account, never a loaded page. */
export interface ResourceListFilter {
  readonly kind?: ResourceKind | undefined;
  /** Plain text, case ignored; matched against `displayName` and `ownerEmail`. */
  readonly contains?: string | undefined;
  /** A person's accounts (mailbox, OneDrive), or those of no person (sites, teams). */
  readonly owner?: 'person' | 'none' | undefined;
  /** One person's accounts, by their address (lower case): their own, and the teams they are a member of. */
  readonly person?: string | undefined;
  /** Only these accounts, or all but these (the accounts some job includes, for the protection filter). */
  readonly resourceIds?: { readonly only: readonly string[] } | { readonly except: readonly string[] } | undefined;
}

/**
 * The protected accounts (`resources`) as other modules read them: restore's scopes, the Items list, job coverage,
 * the licence's stored bytes and the bot's approval cards. Each read names its tenant; the lookups by account are
 * equalities on `resourceId` (index `tenant_resource`).
 */
export class ResourceReads {
  private readonly resources: TenantCollection<ProtectedResource>;

  constructor(db: Db) {
    this.resources = resourcesCollection.scoped(db);
  }

  get(tenantId: string, resourceId: string): Promise<ProtectedResource | null> {
    return this.resources.findOne(tenantId, { resourceId });
  }

  /** Every account of the tenant, or only a person's own mailbox and OneDrive, by name. */
  byName(tenantId: string, ownerUserId?: string): Promise<ProtectedResource[]> {
    const filter: Filter<ProtectedResource> =
      ownerUserId === undefined ? {} : { ownerUserId, kind: { $in: personalKinds } };
    return this.resources.find(tenantId, filter, { sort: { displayName: 1 } }).toArray();
  }

  /** The ids of a person's own mailbox and OneDrive. */
  async personalResourceIds(tenantId: string, ownerUserId: string): Promise<string[]> {
    const owned = await this.resources
      .find(tenantId, { ownerUserId, kind: { $in: personalKinds } }, { projection: { resourceId: 1 } })
      .toArray();
    return owned.map((resource) => resource.resourceId);
  }

  /** A keyset page of the Items list (ties broken by `resourceId`). */
  page(tenantId: string, filter: ResourceListFilter, request: PageRequest): Promise<Page<ProtectedResource>> {
    return findTenantPage(this.resources, tenantId, listFilter(filter), request, 'resourceId');
  }

  /** Whose seat each of these accounts uses; an account of no one (a site, a team) is absent or maps to undefined. */
  async ownersOf(tenantId: string, resourceIds: readonly string[]): Promise<Map<string, string | undefined>> {
    const resources = await this.resources
      .find(tenantId, { resourceId: { $in: [...resourceIds] } }, { projection: { resourceId: 1, ownerUserId: 1 } })
      .toArray();
    return new Map(resources.map((resource) => [resource.resourceId, resource.ownerUserId]));
  }

  /**
   * Bytes held for the current versions of every item of the tenant: the sum of what each account's last completed
   * backup counted (`resource-stored-bytes.ts`), one small document per account, never the versions themselves.
   */
  async storedBytesOfTenant(tenantId: string): Promise<number> {
    const resources = await this.resources.find(tenantId, {}, { projection: { _id: 0, storedBytes: 1 } }).toArray();
    return resources.reduce((sum, resource) => sum + (resource.storedBytes ?? 0), 0);
  }

  /** The accounts with one of these ids or owned by this person (an approval card names both). */
  withIdsOrOwner(tenantId: string, resourceIds: readonly string[], ownerUserId: string): Promise<ProtectedResource[]> {
    return this.resources
      .find(tenantId, { $or: [{ resourceId: { $in: [...resourceIds] } }, { ownerUserId }] })
      .toArray();
  }
}

/** The database filter of a {@link ResourceListFilter}: the conjunction of the parts it names. */
function listFilter({ kind, contains, owner, person, resourceIds }: ResourceListFilter): Filter<ProtectedResource> {
  const parts: Filter<ProtectedResource>[] = [];
  if (kind) parts.push({ kind });
  // Sites and teams have no owner's address: missing or null, never a string.
  if (owner) parts.push({ ownerEmail: owner === 'person' ? { $type: 'string' } : { $not: { $type: 'string' } } });
  if (person !== undefined) parts.push({ $or: [{ ownerEmail: person }, { 'members.email': person }] });
  if (contains !== undefined) {
    const pattern = { $regex: contains.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
    parts.push({ $or: [{ displayName: pattern }, { ownerEmail: pattern }] });
  }
  if (resourceIds) {
    parts.push({
      resourceId: 'only' in resourceIds ? { $in: [...resourceIds.only] } : { $nin: [...resourceIds.except] },
    });
  }
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
}
