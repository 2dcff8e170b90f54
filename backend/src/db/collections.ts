import type { Collection, Db, Document, IndexDescription } from 'mongodb';
import { TenantCollection, type TenantOwned } from './tenant-collection.js';

const registry = new Map<string, readonly IndexDescription[]>();

export interface CollectionDefinition<T extends Document> {
  readonly name: string;
  readonly indexes: readonly IndexDescription[];
  /** The raw collection, for code that is not tenant data (system records, cross-tenant sweeps). */
  raw(db: Db): Collection<T>;
}

export interface TenantCollectionDefinition<T extends TenantOwned> extends CollectionDefinition<T> {
  /** The tenant-scoped view: every call must name its tenant. */
  scoped(db: Db): TenantCollection<T>;
}

/**
 * Declares a collection and its indexes; `ensureIndexes` creates them at start-up. Each feature
 * module declares its own collections beside the code that uses them.
 */
export function defineCollection<T extends Document>(
  name: string,
  indexes: readonly IndexDescription[],
): CollectionDefinition<T> {
  registry.set(name, indexes);
  return { name, indexes, raw: (db) => db.collection<T>(name) };
}

/**
 * Declares a tenant-owned collection: its indexes must lead with `tenantId`, but for `crossTenantIndexes`, which
 * serve the sweeps that read every tenant's records through `raw` (and say so where they are declared).
 */
export function defineTenantCollection<T extends TenantOwned>(
  name: string,
  indexes: readonly IndexDescription[],
  crossTenantIndexes: readonly IndexDescription[] = [],
): TenantCollectionDefinition<T> {
  for (const index of indexes) {
    if (Object.keys(index.key)[0] !== 'tenantId') {
      throw new Error(`index ${index.name ?? JSON.stringify(index.key)} on ${name} must lead with tenantId`);
    }
  }
  const definition = defineCollection<T>(name, [...indexes, ...crossTenantIndexes]);
  return { ...definition, scoped: (db) => new TenantCollection(definition.raw(db)) };
}

/**
 * Creates every declared index; createIndexes is idempotent, so this runs at every start. One index
 * per call: FerretDB drops the connection when one call names several indexes that all exist.
 */
export async function ensureIndexes(db: Db): Promise<void> {
  for (const [name, indexes] of registry) {
    for (const index of indexes) await db.collection(name).createIndexes([index]);
  }
}

export function registeredCollections(): string[] {
  return [...registry.keys()];
}
