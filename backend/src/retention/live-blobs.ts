import type { Db } from 'mongodb';
import { VersionBlobReferences, type ItemVersion } from '../catalog/index.js';

/**
 * Every blob id a version in the tenant's catalog refers to: the mark of garbage collection. One pass over the
 * versions, reading only their content references; the set is held in memory (about 100 bytes per distinct blob).
 */
export async function referencedBlobIds(db: Db, tenantId: string): Promise<Set<string>> {
  const live = new Set<string>();
  const versions = new VersionBlobReferences(db).contentReferences(tenantId);
  for await (const version of versions) for (const blobId of blobIdsOf(version)) live.add(blobId);
  return live;
}

/** Every blob a version refers to: its content and, for Exchange items, its full-fidelity export stream. */
export function blobIdsOf(version: Pick<ItemVersion, 'content' | 'fullFidelity'>): string[] {
  return [...(version.content?.blobIds ?? []), ...(version.fullFidelity?.blobIds ?? [])];
}
