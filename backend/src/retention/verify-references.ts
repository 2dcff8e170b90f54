import type { Db } from 'mongodb';
import { VersionBlobReferences } from '../catalog/index.js';
import { BlobIndex, indexedBlobPacks, type PackBackend, type StoreFinding } from '../store/index.js';
import { blobIdsOf, referencedBlobIds } from './live-blobs.js';

export interface ReferenceReport {
  /** Distinct blobs the catalog refers to. */
  readonly referencedBlobs: number;
  readonly missingBlobs: number;
  /** Catalog versions whose content cannot be read back in full. */
  readonly damagedVersions: number;
  readonly problems: StoreFinding[];
}

/** Items named in a report per missing blob; the count says how many more there are. */
const ITEMS_NAMED = 5;

/**
 * Checks that every blob a catalog version refers to is indexed in a pack that exists: what a restore of every
 * version would need. Like a read, it takes the index files first and the database's entries (a store written
 * before index files) second. The packs' own integrity is verifyStore's job.
 */
export async function verifyCatalogReferences(
  db: Db,
  backend: PackBackend,
  masterKey: Buffer,
  tenantId: string,
): Promise<ReferenceReport> {
  const referenced = await referencedBlobIds(db, tenantId);
  const present = new Set<string>();
  for await (const pack of backend.listPacks(`packs/${tenantId}/`))
    present.add(pack.path.slice(pack.path.lastIndexOf('/') + 1));
  const resolved = new Set<string>();
  for (const [blobId, packIds] of await indexedBlobPacks(backend, masterKey, tenantId)) {
    if (packIds.some((packId) => present.has(packId))) resolved.add(blobId);
  }
  for await (const entry of new BlobIndex(db).placedBlobs(tenantId))
    if (present.has(entry.packId)) resolved.add(entry.blobId);
  const missing = [...referenced].filter((blobId) => !resolved.has(blobId));
  const problems: StoreFinding[] = [];
  let damagedVersions = 0;
  if (missing.length > 0) {
    const versions = new VersionBlobReferences(db).referringTo(tenantId, missing);
    const itemsByBlob = new Map<string, string[]>();
    for await (const version of versions) {
      damagedVersions++;
      const item = [version.resourceId, version.containerPath, version.name].filter(Boolean).join(' / ');
      for (const blobId of blobIdsOf(version)) {
        itemsByBlob.set(blobId, [...(itemsByBlob.get(blobId) ?? []), item]);
      }
    }
    for (const blobId of missing) {
      const items = itemsByBlob.get(blobId) ?? [];
      const named = items.slice(0, ITEMS_NAMED).join('; ');
      const more = items.length > ITEMS_NAMED ? ` (+${items.length - ITEMS_NAMED})` : '';
      problems.push({
        tenantId,
        blobId,
        text: {
          en: `blob ${blobId} is referred to by the catalog but is not in the store: ${items.length} version(s) cannot be restored: ${named}${more}`,
          it: `il blob ${blobId} è citato dal catalogo ma non è nell'archivio: ${items.length} versioni non si possono ripristinare: ${named}${more}`,
        },
      });
    }
  }
  return { referencedBlobs: referenced.size, missingBlobs: missing.length, damagedVersions, problems };
}
