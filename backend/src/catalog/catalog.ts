import type { Db, Filter } from 'mongodb';
import type { TenantCollection } from '../db/index.js';
import {
  deltaCursorsCollection,
  foldersCollection,
  itemVersionsCollection,
  resourcesCollection,
} from './collections.js';
import {
  countDateBuckets,
  dateBucketFieldsOf,
  monthsNewestFirst,
  wholeTenant,
  type DateBucketFields,
} from './date-buckets.js';
import type { CatalogFolder, DeltaCursor, ItemVersion, ProtectedResource, TeamMember } from './model.js';
import { mergeNewestFirst, searchNewestFirst, type FindAll } from './newest-first-search.js';
import { searchBucketsOf, searchWordsFilter, type SearchBucketField } from './search-buckets.js';
import { withoutNul } from './storable-text.js';
import { currentBytesOfResource } from './resource-stored-bytes.js';
import { isDuplicateKeyError } from '../db/index.js';

/** A version as a workload sees it, before the catalog stamps run and validity. */
export type NewItemVersion = Omit<
  ItemVersion,
  | 'tenantId'
  | 'firstRunId'
  | 'lastRunId'
  | 'lastSeenAt'
  | 'validFrom'
  | 'validTo'
  | 'deletedAt'
  | SearchBucketField
  | keyof DateBucketFields
>;

export interface CurrentVersionKey {
  graphId: string;
  versionKey: string;
}

/** Up to this many items are selected one equality each; more, with one `$in`. */
const itemByItemLimit = 16;
/** A search in up to this many resources walks each one's months apart; in more, the tenant's months. */
const resourcesSearchedApart = 8;

/**
 * The filters that select `graphIds` among a resource's versions: one equality per item for a short list (an
 * incremental run's few changes), one `$in` for a long one. The embedded database hands an equality on `graphId` to
 * its index but evaluates `$in` itself over every version of the resource, so a page of three changes in a mailbox of
 * 100,000 versions costs three lookups, not three reads of the mailbox. On MongoDB both are index lookups.
 */
function itemFilters(graphIds: readonly string[]): Filter<ItemVersion>[] {
  if (graphIds.length > itemByItemLimit) return [{ graphId: { $in: [...graphIds] } }];
  return graphIds.map((graphId) => ({ graphId }));
}

/**
 * Writes and reads one tenant's catalog. Every write is idempotent so that a unit replayed after
 * a crash, or a delta page Graph sends twice, records nothing twice.
 */
export class Catalog {
  private readonly resources: TenantCollection<ProtectedResource>;
  private readonly versions: TenantCollection<ItemVersion>;
  private readonly folders: TenantCollection<CatalogFolder>;
  private readonly cursors: TenantCollection<DeltaCursor>;

  constructor(
    private readonly db: Db,
    readonly tenantId: string,
  ) {
    this.resources = resourcesCollection.scoped(db);
    this.versions = itemVersionsCollection.scoped(db);
    this.folders = foldersCollection.scoped(db);
    this.cursors = deltaCursorsCollection.scoped(db);
  }

  /** Records the resources a run plans (new ones with the instant first seen), in one round trip. */
  async upsertResources(resources: readonly Omit<ProtectedResource, 'tenantId' | 'firstSeenAt'>[]): Promise<void> {
    const now = new Date();
    await this.resources.upsertMany(
      this.tenantId,
      resources.map((resource) => ({
        filter: { resourceId: resource.resourceId },
        update: { $set: { ...resource, tenantId: this.tenantId }, $setOnInsert: { firstSeenAt: now } },
      })),
    );
  }

  resource(resourceId: string): Promise<ProtectedResource | null> {
    return this.resources.findOne(this.tenantId, { resourceId });
  }

  /** Remembers a mailbox's primary mailbox id (ProtectedResource.mailboxId), or forgets it (null). */
  async rememberMailboxId(resourceId: string, mailboxId: string | null): Promise<void> {
    await this.resources.updateOne(
      this.tenantId,
      { resourceId },
      mailboxId === null ? { $unset: { mailboxId: '' } } : { $set: { mailboxId } },
    );
  }

  /** The team's members as this run read them, replacing those an earlier run recorded. */
  async recordTeamMembers(resourceId: string, members: readonly TeamMember[]): Promise<void> {
    await this.resources.updateOne(this.tenantId, { resourceId }, { $set: { members: [...members] } });
  }

  /** A completed backup of the resource: when, by which run, and the bytes its current versions now hold. */
  async markResourceBackedUp(resourceId: string, runId: string, at: Date): Promise<void> {
    const storedBytes = await currentBytesOfResource(this.db, this.tenantId, resourceId);
    await this.resources.updateOne(
      this.tenantId,
      { resourceId },
      { $set: { lastBackupAt: at, lastRunId: runId, storedBytes } },
    );
  }

  /** The current (open) version keys of the given items, to tell new and changed items from replays. */
  async currentVersions(resourceId: string, graphIds: readonly string[]): Promise<Map<string, string>> {
    if (graphIds.length === 0) return new Map();
    const rows = await Promise.all(
      itemFilters(graphIds).map((items) =>
        this.versions
          .find(this.tenantId, { resourceId, ...items, validTo: null }, { projection: { graphId: 1, versionKey: 1 } })
          .toArray(),
      ),
    );
    return new Map(rows.flat().map((row) => [row.graphId, row.versionKey]));
  }

  /** Confirms that unchanged items were still present in this run. */
  async touchVersions(resourceId: string, graphIds: readonly string[], runId: string, seenAt: Date): Promise<void> {
    await Promise.all(
      itemFilters(graphIds).map((items) =>
        this.versions.updateMany(
          this.tenantId,
          { resourceId, ...items, validTo: null },
          { $set: { lastRunId: runId, lastSeenAt: seenAt } },
        ),
      ),
    );
  }

  /**
   * Ends a full round (first run after a resync): every open version in the scope that the round
   * did not see since it began no longer exists at Graph.
   */
  async closeUnseen(
    resourceId: string,
    scope: Filter<ItemVersion>,
    roundStartedAt: Date,
    runId: string,
  ): Promise<number> {
    const at = new Date();
    const result = await this.versions.updateMany(
      this.tenantId,
      { ...scope, resourceId, validTo: null, lastSeenAt: { $lt: roundStartedAt } },
      { $set: { validTo: at, deletedAt: at, lastRunId: runId } },
    );
    return result.modifiedCount;
  }

  /**
   * Records new versions of one resource's items and closes the versions they replace (`replaces`:
   * the items that had an open version). The content must already be durable in the content store.
   */
  async recordVersions(
    versions: readonly NewItemVersion[],
    runId: string,
    capturedAt: Date,
    replaces: ReadonlySet<string> = new Set(versions.map((version) => version.graphId)),
  ): Promise<void> {
    if (versions.length === 0) return;
    const documents = versions.map((version) => ({
      ...withoutNul(version),
      ...searchBucketsOf(version.searchTerms),
      ...dateBucketFieldsOf(version.resourceId, version.itemDate),
      tenantId: this.tenantId,
      firstRunId: runId,
      lastRunId: runId,
      lastSeenAt: capturedAt,
      validFrom: capturedAt,
      validTo: null,
      deletedAt: null,
    }));
    try {
      await this.versions.insertMany(this.tenantId, documents);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    await countDateBuckets(this.db, this.tenantId, documents);
    const replacing = versions.filter((version) => replaces.has(version.graphId));
    if (replacing.length === 0) return;
    // Closes every replaced version: the open ones whose key is not the new key (one write for a long page).
    const resourceId = replacing[0]!.resourceId;
    const closing: Filter<ItemVersion>[] =
      replacing.length > itemByItemLimit
        ? [
            {
              graphId: { $in: replacing.map((version) => version.graphId) },
              $nor: replacing.map((version) => ({ graphId: version.graphId, versionKey: version.versionKey })),
            },
          ]
        : replacing.map((version) => ({ graphId: version.graphId, versionKey: { $ne: version.versionKey } }));
    await Promise.all(
      closing.map((items) =>
        this.versions.updateMany(
          this.tenantId,
          { resourceId, ...items, validTo: null },
          { $set: { validTo: capturedAt } },
        ),
      ),
    );
  }

  /** Closes the current version of items Graph reports as deleted (or moved out of the container). */
  async recordDeletions(resourceId: string, graphIds: readonly string[], runId: string, at: Date): Promise<number> {
    const results = await Promise.all(
      itemFilters(graphIds).map((items) =>
        this.versions.updateMany(
          this.tenantId,
          { resourceId, ...items, validTo: null },
          { $set: { validTo: at, deletedAt: at, lastRunId: runId } },
        ),
      ),
    );
    return results.reduce((sum, result) => sum + result.modifiedCount, 0);
  }

  /** Writes a folder only when it is new or differs from what the catalog holds (one write saved per folder per run). */
  async recordFolder(known: CatalogFolder | undefined, seen: Omit<CatalogFolder, 'tenantId'>): Promise<void> {
    await this.recordFolders(new Map(known ? [[seen.folderId, known]] : []), [seen]);
  }

  /**
   * recordFolder for a resource's whole folder list: the folders that are new or differ from `known` (the catalog's,
   * by folder id) in one round trip.
   */
  async recordFolders(
    known: ReadonlyMap<string, CatalogFolder>,
    seen: readonly Omit<CatalogFolder, 'tenantId'>[],
  ): Promise<void> {
    const changed = seen
      .map((folder) => withoutNul(folder))
      .filter((folder) => {
        const before = known.get(folder.folderId);
        return !(
          before !== undefined &&
          before.deletedAt === null &&
          before.displayName === folder.displayName &&
          before.path === folder.path &&
          before.parentId === folder.parentId &&
          before.wellKnownName === folder.wellKnownName
        );
      });
    await this.folders.upsertManyById(
      this.tenantId,
      changed.map((folder) => ({ id: this.folderRecordId(folder.resourceId, folder.folderId), fields: folder })),
    );
  }

  async upsertFolder(folder: Omit<CatalogFolder, 'tenantId'>): Promise<void> {
    await this.folders.upsertById(
      this.tenantId,
      this.folderRecordId(folder.resourceId, folder.folderId),
      withoutNul(folder),
    );
  }

  /** A folder that no longer exists at Graph: it and every item still open in it are closed. */
  async recordFolderDeleted(resourceId: string, folderId: string, runId: string, at: Date): Promise<number> {
    await this.folders.updateOne(
      this.tenantId,
      { resourceId, folderId },
      { $set: { deletedAt: at, lastRunId: runId } },
    );
    const result = await this.versions.updateMany(
      this.tenantId,
      { resourceId, containerId: folderId, validTo: null },
      { $set: { validTo: at, deletedAt: at, lastRunId: runId } },
    );
    await this.dropDeltaCursor(resourceId, folderId);
    return result.modifiedCount;
  }

  listFolders(resourceId: string): Promise<CatalogFolder[]> {
    return this.folders.find(this.tenantId, { resourceId }).toArray();
  }

  async deltaCursor(resourceId: string, stream: string): Promise<DeltaCursor | null> {
    return this.cursors.findById(this.tenantId, this.cursorId(resourceId, stream));
  }

  /** Moves a delta cursor; call only after the content and catalog rows of the page are durable. */
  async saveDeltaCursor(
    resourceId: string,
    stream: string,
    position: Pick<DeltaCursor, 'link' | 'roundComplete' | 'round' | 'fullRoundStartedAt'>,
  ): Promise<void> {
    await this.cursors.upsertById(this.tenantId, this.cursorId(resourceId, stream), {
      resourceId,
      stream,
      ...position,
      updatedAt: new Date(),
    });
  }

  /** Every delta cursor of a resource, by stream: one query for a unit instead of one per folder. */
  async deltaCursorsOf(resourceId: string): Promise<Map<string, DeltaCursor>> {
    const cursors = await this.cursors.find(this.tenantId, { resourceId }).toArray();
    return new Map(cursors.map((cursor) => [cursor.stream, cursor]));
  }

  /** Composite ids: point lookups by `_id` are the only ones FerretDB answers without a scan. */
  private cursorId(resourceId: string, stream: string): string {
    return `${this.tenantId}|${resourceId}|${stream}`;
  }

  private folderRecordId(resourceId: string, folderId: string): string {
    return `${this.tenantId}|${resourceId}|${folderId}`;
  }

  async dropDeltaCursor(resourceId: string, stream: string): Promise<void> {
    await this.cursors.deleteOne(this.tenantId, { resourceId, stream });
  }

  /** The versions visible at a point in time (default: now) in one container. */
  browse(
    resourceId: string,
    containerId: string,
    at: Date = new Date(),
    limit = 500,
    skip = 0,
  ): Promise<ItemVersion[]> {
    return this.versions
      .find(
        this.tenantId,
        { resourceId, containerId, ...visibleAt(at) },
        { sort: { itemDate: -1, graphId: 1 }, limit, skip },
      )
      .toArray();
  }

  /** Every version of one item, newest first. */
  history(resourceId: string, graphId: string): Promise<ItemVersion[]> {
    return this.versions.find(this.tenantId, { resourceId, graphId }, { sort: { validFrom: -1 } }).toArray();
  }

  /** Items currently present (not deleted) in a resource, for comparisons and restores. */
  currentItems(resourceId: string): Promise<ItemVersion[]> {
    return this.versions.find(this.tenantId, { resourceId, validTo: null }).toArray();
  }

  /**
   * Every version of the messages of one conversation in one mailbox, deleted ones included, newest first. Office.js
   * may give the id with the URL-safe base64 alphabet where Graph gave the standard one, or the other way round, so
   * both spellings are looked up.
   */
  conversation(resourceId: string, conversationId: string, limit = 100, skip = 0): Promise<ItemVersion[]> {
    const spellings = [
      ...new Set([
        conversationId,
        conversationId.replace(/-/g, '+').replace(/_/g, '/'),
        conversationId.replace(/\+/g, '-').replace(/\//g, '_'),
      ]),
    ];
    return this.versions
      .find(
        this.tenantId,
        { resourceId, 'properties.conversationId': { $in: spellings }, kind: 'message' },
        { sort: { itemDate: -1, graphId: 1, validFrom: -1 }, limit, skip },
      )
      .toArray();
  }

  /**
   * Search by words of subject/name, sender, recipients or attachment names; every word must match. Newest first,
   * walked a month or a day at a time (`newest-first-search.ts`), each named resource apart.
   */
  async search(query: {
    words: string[];
    resourceIds?: string[];
    from?: Date;
    to?: Date;
    limit?: number;
    skip?: number;
  }): Promise<ItemVersion[]> {
    const filter: Filter<ItemVersion> = { ...searchWordsFilter(query.words.map((w) => w.toLocaleLowerCase('it'))) };
    if (query.from || query.to) {
      filter.itemDate = { ...(query.from && { $gte: query.from }), ...(query.to && { $lt: query.to }) };
    }
    const skip = query.skip ?? 0;
    const wanted = skip + (query.limit ?? 100);
    const range = { from: query.from, to: query.to };
    const find: FindAll = (narrowed, limit) =>
      this.versions.find(this.tenantId, narrowed, limit === undefined ? {} : { limit }).toArray();
    const inScope = async (scope: string, scopeFilter: Filter<ItemVersion>) =>
      searchNewestFirst(
        find,
        scopeFilter,
        scope,
        await monthsNewestFirst(this.db, this.tenantId, scope, range),
        wanted,
      );
    const resourceIds = query.resourceIds;
    // A resource as an equality: the embedded database hands equalities to its indexes, not `$in`.
    const lists =
      resourceIds && resourceIds.length <= resourcesSearchedApart
        ? await Promise.all(resourceIds.map((resourceId) => inScope(resourceId, { ...filter, resourceId })))
        : [await inScope(wholeTenant, resourceIds ? { ...filter, resourceId: { $in: resourceIds } } : filter)];
    return mergeNewestFirst(lists, wanted).slice(skip);
  }
}

export function visibleAt(at: Date): Filter<ItemVersion> {
  return { validFrom: { $lte: at }, $or: [{ validTo: null }, { validTo: { $gt: at } }] };
}
