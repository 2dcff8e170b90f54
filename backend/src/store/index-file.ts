import { createHash } from 'node:crypto';
import type { PackBackend } from './pack-backend.js';
import type { PackEntry } from './pack-format.js';
import { open, seal } from './sealed-box.js';

/** One pack as an index file lists it: its id and its header's blobs (FORMAT.md, "Index files"). */
export interface IndexedPack {
  readonly id: string;
  readonly blobs: readonly PackEntry[];
}

/** What an index file says: the packs it covers, and the earlier index files it replaces. */
export interface IndexFileContent {
  readonly supersedes: readonly string[];
  readonly packs: readonly IndexedPack[];
}

interface IndexFileJson extends IndexFileContent {
  format: 'custodia-index';
  version: 1;
  tenantId: string;
}

const INDEX_ID = /^[0-9a-f]{64}$/;

export const tenantIndexPrefix = (tenantId: string) => `index/${tenantId}/`;
export const indexPath = (tenantId: string, indexId: string) => `index/${tenantId}/${indexId}`;
const indexAad = (tenantId: string) => Buffer.from(`custodia-index-v1:${tenantId}`, 'utf8');

/** Seals and writes one index file atomically; answers its id, the SHA-256 of the file. */
export async function writeIndexFile(
  backend: PackBackend,
  key: Buffer,
  tenantId: string,
  content: IndexFileContent,
): Promise<string> {
  const json: IndexFileJson = { format: 'custodia-index', version: 1, tenantId, ...content };
  const file = seal(key, indexAad(tenantId), Buffer.from(JSON.stringify(json), 'utf8'));
  const indexId = createHash('sha256').update(file).digest('hex');
  await backend.writePack(indexPath(tenantId, indexId), [file]);
  return indexId;
}

/**
 * Reads and opens one index file; undefined when it is gone, does not hash to its name, or does not open with the
 * tenant's key as a version 1 index of this tenant.
 */
export async function readIndexFile(
  backend: PackBackend,
  key: Buffer,
  tenantId: string,
  indexId: string,
  size: number,
): Promise<IndexFileContent | undefined> {
  const file = await backend.readPackRange(indexPath(tenantId, indexId), 0, size).catch(() => undefined);
  if (!file || createHash('sha256').update(file).digest('hex') !== indexId) return undefined;
  const plaintext = open(key, indexAad(tenantId), file);
  if (!plaintext) return undefined;
  try {
    const json = JSON.parse(plaintext.toString('utf8')) as Partial<IndexFileJson>;
    if (json.format !== 'custodia-index' || json.version !== 1 || json.tenantId !== tenantId) return undefined;
    if (!Array.isArray(json.packs) || !Array.isArray(json.supersedes)) return undefined;
    return { supersedes: json.supersedes, packs: json.packs };
  } catch {
    return undefined;
  }
}

/** The tenant's index files present now, by id, with their sizes; other names under `index/<tenantId>/` are skipped. */
export async function listIndexFiles(backend: PackBackend, tenantId: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  for await (const file of backend.listPacks(tenantIndexPrefix(tenantId))) {
    const indexId = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (INDEX_ID.test(indexId) && file.path === indexPath(tenantId, indexId)) files.set(indexId, file.size);
  }
  return files;
}
