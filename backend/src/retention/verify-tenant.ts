import type { Db } from 'mongodb';
import { VersionBlobReferences } from '../catalog/index.js';
import { verifyStore, type PackBackend, type StoreFinding } from '../store/index.js';
import { verifyCatalogReferences } from './verify-references.js';

export interface TenantVerifyOptions {
  readonly db: Db;
  readonly backend: PackBackend;
  readonly masterKey: Buffer;
  /** Only this tenant; every tenant with packs or index entries otherwise. */
  readonly tenantId?: string;
  /** Share of packs read whole, every blob decrypted and hashed (default 1: all of them; 0: none). */
  readonly sample?: number;
}

export interface TenantVerifyReport {
  readonly tenants: number;
  readonly packs: number;
  readonly packsRead: number;
  readonly blobs: number;
  readonly bytes: number;
  readonly referencedBlobs: number;
  readonly missingBlobs: number;
  readonly damagedVersions: number;
  /** Anything that would make a restore fail; an intact store has none. */
  readonly problems: StoreFinding[];
  /** Harmless waste that garbage collection reclaims. */
  readonly notices: StoreFinding[];
}

/** The checks behind `custodia verify`: the catalog's references, the index against the packs, and the data. */
export async function verifyTenants(options: TenantVerifyOptions): Promise<TenantVerifyReport> {
  const sample = options.sample ?? 1;
  const store = await verifyStore({
    db: options.db,
    backend: options.backend,
    masterKey: options.masterKey,
    ...(options.tenantId !== undefined && { tenantId: options.tenantId }),
    readData: sample > 0,
    sample,
  });
  const tenantIds = options.tenantId
    ? [options.tenantId]
    : await new VersionBlobReferences(options.db).tenantsWithVersions();
  let referencedBlobs = 0;
  let missingBlobs = 0;
  let damagedVersions = 0;
  const problems = [...store.problems];
  for (const tenantId of tenantIds) {
    const references = await verifyCatalogReferences(options.db, options.backend, options.masterKey, tenantId);
    referencedBlobs += references.referencedBlobs;
    missingBlobs += references.missingBlobs;
    damagedVersions += references.damagedVersions;
    problems.push(...references.problems);
  }
  return { ...store, referencedBlobs, missingBlobs, damagedVersions, problems };
}
