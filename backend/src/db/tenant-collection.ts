import type {
  Collection,
  Document,
  Filter,
  FindOptions,
  OptionalUnlessRequiredId,
  UpdateFilter,
  UpdateOptions,
  WithId,
} from 'mongodb';

/** Thrown when code tries to read or write tenant data without naming the tenant. */
export class TenantScopeError extends Error {
  constructor(operation: string, detail: string) {
    super(`refused ${operation}: ${detail}`);
    this.name = 'TenantScopeError';
  }
}

export interface TenantOwned extends Document {
  tenantId: string;
}

/**
 * A collection whose every query and write is confined to one tenant. The tenant is a required
 * argument of each method; a filter that names another tenant, or a document for another
 * tenant, is refused rather than silently rewritten.
 */
export class TenantCollection<T extends TenantOwned> {
  constructor(private readonly collection: Collection<T>) {}

  get name(): string {
    return this.collection.collectionName;
  }

  find(tenantId: string, filter: Filter<T> = {}, options?: FindOptions) {
    return this.collection.find(this.scope('find', tenantId, filter), options);
  }

  async findOne(tenantId: string, filter: Filter<T> = {}, options?: FindOptions): Promise<WithId<T> | null> {
    return this.collection.findOne(this.scope('findOne', tenantId, filter), options);
  }

  async countDocuments(tenantId: string, filter: Filter<T> = {}): Promise<number> {
    return this.collection.countDocuments(this.scope('countDocuments', tenantId, filter));
  }

  async insertOne(tenantId: string, document: OptionalUnlessRequiredId<T>): Promise<void> {
    this.checkDocument('insertOne', tenantId, document);
    await this.collection.insertOne(document);
  }

  async insertMany(tenantId: string, documents: readonly OptionalUnlessRequiredId<T>[]): Promise<void> {
    if (documents.length === 0) return;
    for (const document of documents) this.checkDocument('insertMany', tenantId, document);
    await this.collection.insertMany([...documents], { ordered: false });
  }

  async updateOne(tenantId: string, filter: Filter<T>, update: UpdateFilter<T>, options?: UpdateOptions) {
    return this.collection.updateOne(
      this.scope('updateOne', tenantId, filter),
      this.checkUpdate(tenantId, update),
      options,
    );
  }

  /** Upserts in one round trip, unordered; each write is confined to the tenant as updateOne's is. */
  async upsertMany(tenantId: string, writes: readonly { filter: Filter<T>; update: UpdateFilter<T> }[]): Promise<void> {
    await this.upsertEach(
      writes.map(({ filter, update }) => ({
        filter: this.scope('upsertMany', tenantId, filter),
        update: this.checkUpdate(tenantId, update),
      })),
    );
  }

  async updateMany(tenantId: string, filter: Filter<T>, update: UpdateFilter<T>) {
    return this.collection.updateMany(this.scope('updateMany', tenantId, filter), this.checkUpdate(tenantId, update));
  }

  async deleteOne(tenantId: string, filter: Filter<T>) {
    return this.collection.deleteOne(this.scope('deleteOne', tenantId, filter));
  }

  async deleteMany(tenantId: string, filter: Filter<T>) {
    return this.collection.deleteMany(this.scope('deleteMany', tenantId, filter));
  }

  /**
   * Point reads and writes by a composite `_id` that starts with `<tenantId>|`. The filter is
   * `_id` alone, which every server (FerretDB included) answers without scanning; the prefix
   * keeps the record inside its tenant.
   */
  async findById(tenantId: string, id: string): Promise<WithId<T> | null> {
    return this.collection.findOne({ _id: this.ownId('findById', tenantId, id) } as Filter<T>);
  }

  async upsertById(tenantId: string, id: string, fields: Partial<T>): Promise<void> {
    await this.upsertManyById(tenantId, [{ id, fields }]);
  }

  /** upsertById for many records in one round trip, unordered. */
  async upsertManyById(tenantId: string, records: readonly { id: string; fields: Partial<T> }[]): Promise<void> {
    await this.upsertEach(
      records.map(({ id, fields }) => {
        const _id = this.ownId('upsertById', tenantId, id);
        if ('tenantId' in fields && fields.tenantId !== tenantId) {
          throw new TenantScopeError(`upsertById on ${this.name}`, 'the fields carry another tenantId');
        }
        return { filter: { _id } as Filter<T>, update: { $set: { ...fields, tenantId } } as UpdateFilter<T> };
      }),
    );
  }

  async updateById(tenantId: string, id: string, update: UpdateFilter<T>): Promise<void> {
    await this.collection.updateOne(
      { _id: this.ownId('updateById', tenantId, id) } as Filter<T>,
      this.checkUpdate(tenantId, update),
    );
  }

  /** Writes already confined to the tenant, as upserts in one unordered round trip. */
  private async upsertEach(writes: readonly { filter: Filter<T>; update: UpdateFilter<T> }[]): Promise<void> {
    if (writes.length === 0) return;
    await this.collection.bulkWrite(
      writes.map(({ filter, update }) => ({ updateOne: { filter, update, upsert: true } })),
      { ordered: false },
    );
  }

  private ownId(operation: string, tenantId: string, id: string): string {
    requireTenantId(operation, tenantId);
    if (!id.startsWith(`${tenantId}|`)) {
      throw new TenantScopeError(`${operation} on ${this.name}`, 'the id does not belong to the caller tenant');
    }
    return id;
  }

  private scope(operation: string, tenantId: string, filter: Filter<T>): Filter<T> {
    requireTenantId(operation, tenantId);
    const named = (filter as Document).tenantId;
    if (named !== undefined && named !== tenantId) {
      throw new TenantScopeError(`${operation} on ${this.name}`, 'the filter names a different tenant');
    }
    return { ...filter, tenantId } as Filter<T>;
  }

  private checkDocument(operation: string, tenantId: string, document: Document): void {
    requireTenantId(operation, tenantId);
    if (document.tenantId !== tenantId) {
      throw new TenantScopeError(`${operation} on ${this.name}`, 'the document does not carry the caller tenantId');
    }
  }

  private checkUpdate(tenantId: string, update: UpdateFilter<T>): UpdateFilter<T> {
    const set = (update as Document).$set as Document | undefined;
    const setOnInsert = (update as Document).$setOnInsert as Document | undefined;
    for (const part of [set, setOnInsert]) {
      if (part && 'tenantId' in part && part.tenantId !== tenantId) {
        throw new TenantScopeError(`update on ${this.name}`, 'an update may not move a record to another tenant');
      }
    }
    return update;
  }
}

function requireTenantId(operation: string, tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || tenantId.trim() === '') {
    throw new TenantScopeError(operation, 'no tenantId was given');
  }
}
