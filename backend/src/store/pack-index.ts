import type { IndexFileContent } from './index-file.js';
import type { PackEntry } from './pack-format.js';

/** One indexed copy of a blob: the pack that holds it and where its sealed box sits there. */
export interface BlobCopy {
  readonly packId: string;
  readonly entry: PackEntry;
}

interface KnownFile {
  readonly packIds: readonly string[];
}

interface CoveredPack {
  readonly files: Set<string>;
  readonly blobs: readonly PackEntry[];
}

/** A blob id (64 hex digits) as the 32 bytes it encodes, one character per byte: half the memory of the hex. */
function compact(blobId: string): string {
  return /^[0-9a-f]{64}$/.test(blobId) ? Buffer.from(blobId, 'hex').toString('latin1') : blobId;
}

/**
 * A tenant's index files as one lookup table, kept current file by file (FORMAT.md, "Index files"): a file that
 * another file supersedes, or that has disappeared, stops covering its packs; a pack stays indexed while any live
 * file lists it. Pure bookkeeping: reading the files is the caller's business.
 */
export class PackIndex {
  private readonly files = new Map<string, KnownFile>();
  private readonly superseded = new Set<string>();
  private readonly packs = new Map<string, CoveredPack>();
  private readonly copies = new Map<string, BlobCopy[]>();

  knows(indexId: string): boolean {
    return this.files.has(indexId);
  }

  fileIds(): string[] {
    return [...this.files.keys()];
  }

  /** True when a file read names this one in `supersedes`: its packs are indexed by that file, or removed. */
  isSuperseded(indexId: string): boolean {
    return this.superseded.has(indexId);
  }

  /** Adds a file read from the store; `undefined` records a file that does not open, so it is not read again. */
  add(indexId: string, content: IndexFileContent | undefined): void {
    if (this.files.has(indexId)) return;
    const packIds = content?.packs.map((pack) => pack.id) ?? [];
    this.files.set(indexId, { packIds });
    for (const replaced of content?.supersedes ?? []) {
      this.superseded.add(replaced);
      this.uncover(replaced);
    }
    if (!content || this.superseded.has(indexId)) return;
    for (const pack of content.packs) this.cover(indexId, pack.id, pack.blobs);
  }

  /** Forgets a file that is no longer in the store. */
  forget(indexId: string): void {
    this.uncover(indexId);
    this.files.delete(indexId);
  }

  copiesOf(blobId: string): readonly BlobCopy[] {
    return this.copies.get(compact(blobId)) ?? [];
  }

  /** Every pack a live file lists, with its blobs. */
  coveredPacks(): ReadonlyMap<string, readonly PackEntry[]> {
    return new Map([...this.packs].map(([packId, pack]) => [packId, pack.blobs]));
  }

  /** The live files that list a pack. */
  filesCovering(packId: string): ReadonlySet<string> {
    return this.packs.get(packId)?.files ?? new Set();
  }

  /** Packs listed by superseded files that no live file lists: what an interrupted collection was removing. */
  packsBeingRemoved(): Set<string> {
    const removed = new Set<string>();
    for (const [indexId, file] of this.files) {
      if (!this.superseded.has(indexId)) continue;
      for (const packId of file.packIds) if (!this.packs.has(packId)) removed.add(packId);
    }
    return removed;
  }

  /** The packs a file lists, live or not. */
  packsListedBy(indexId: string): readonly string[] {
    return this.files.get(indexId)?.packIds ?? [];
  }

  /** Files that no other file supersedes. */
  liveFiles(): string[] {
    return this.fileIds().filter((indexId) => !this.superseded.has(indexId));
  }

  /** Superseded files still in the store. */
  supersededFiles(): string[] {
    return this.fileIds().filter((indexId) => this.superseded.has(indexId));
  }

  private cover(indexId: string, packId: string, blobs: readonly PackEntry[]): void {
    const held = this.packs.get(packId);
    if (held) {
      held.files.add(indexId);
      return;
    }
    this.packs.set(packId, { files: new Set([indexId]), blobs });
    for (const entry of blobs) {
      const key = compact(entry.id);
      const copies = this.copies.get(key);
      if (copies) copies.push({ packId, entry });
      else this.copies.set(key, [{ packId, entry }]);
    }
  }

  private uncover(indexId: string): void {
    const file = this.files.get(indexId);
    if (!file) return;
    for (const packId of file.packIds) {
      const pack = this.packs.get(packId);
      if (!pack?.files.delete(indexId) || pack.files.size > 0) continue;
      this.packs.delete(packId);
      for (const entry of pack.blobs) this.dropCopy(compact(entry.id), packId);
    }
  }

  private dropCopy(key: string, packId: string): void {
    const remaining = (this.copies.get(key) ?? []).filter((copy) => copy.packId !== packId);
    if (remaining.length > 0) this.copies.set(key, remaining);
    else this.copies.delete(key);
  }
}
