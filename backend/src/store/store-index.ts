import { copyKey, type BlobIndex, type BlobLocation, type BlobPlace } from './blob-index.js';
import { refreshPackIndex } from './index-loader.js';
import { writeIndexFile } from './index-file.js';
import type { KeyRing } from './key-ring.js';
import type { PackBackend } from './pack-backend.js';
import type { PackEntry } from './pack-format.js';
import { PackIndex, type BlobCopy } from './pack-index.js';

/**
 * How long the condemned copies read from the database are trusted. Garbage collection may condemn a copy at any
 * time; a write may lean on a copy it believed uncondemned for at most this long, which the grace period covers
 * (FORMAT.md, "The rule that makes this safe while backups run").
 */
export const TRUST_WINDOW_MS = 10 * 60_000;
/** A tenant's view unused for this long is dropped: a worker serves many tenants, one at a time. */
const IDLE_MS = 60 * 60_000;

interface TenantView {
  readonly packs: PackIndex;
  condemned: ReadonlySet<string>;
  refreshedAt: number;
  usedAt: number;
}

const placeOf = (copy: BlobCopy): BlobPlace => ({
  blobId: copy.entry.id,
  packId: copy.packId,
  ...withoutId(copy.entry),
});

/**
 * A process's view of each tenant's index files, which the write path asks "already stored?" and reads ask "where?"
 * without a database query per blob: loaded once per tenant, extended by this process's own packs, and refreshed
 * (new files read, gone and superseded ones dropped, condemned copies read again) once older than the trust window,
 * or when a read misses; dropped after an hour unused.
 */
export class StoreIndex {
  private readonly views = new Map<string, TenantView>();
  private readonly refreshing = new Map<string, Promise<TenantView>>();

  constructor(
    private readonly backend: PackBackend,
    private readonly keys: KeyRing,
    private readonly state: BlobIndex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an indexed copy of the blob that garbage collection had not condemned, as of the trust window, exists. */
  async isStored(tenantId: string, blobId: string): Promise<boolean> {
    const held = this.use(tenantId);
    const view = held && this.now() - held.refreshedAt < TRUST_WINDOW_MS ? held : await this.refresh(tenantId);
    return hasUsableCopy(view, blobId);
  }

  /** The same question, asking the store again when the view says no: another process may have stored the blob. */
  async isStoredNow(tenantId: string, blobId: string): Promise<boolean> {
    return (await this.isStored(tenantId, blobId)) || hasUsableCopy(await this.refresh(tenantId), blobId);
  }

  /**
   * One place per requested blob that is stored. A blob the view lacks (another process wrote it since) makes the
   * view refresh; one still missing is looked up in the database, where a store written before index files has it.
   */
  async locate(tenantId: string, blobIds: readonly string[]): Promise<Map<string, BlobPlace>> {
    const found = new Map<string, BlobPlace>();
    const missing = () => blobIds.filter((blobId) => !found.has(blobId));
    const lookUp = (view: TenantView) => {
      for (const blobId of missing()) {
        const copy = view.packs.copiesOf(blobId)[0];
        if (copy) found.set(blobId, placeOf(copy));
      }
    };
    lookUp(this.use(tenantId) ?? (await this.refresh(tenantId)));
    if (missing().length > 0) lookUp(await this.refresh(tenantId));
    if (missing().length > 0)
      for (const [blobId, place] of await this.state.locate(tenantId, missing())) found.set(blobId, place);
    return found;
  }

  /** Another copy of a blob, after reading it from `failedPackId` failed (garbage collection may have moved it). */
  async relocate(tenantId: string, blobId: string, failedPackId: string): Promise<BlobPlace | undefined> {
    const view = await this.refresh(tenantId);
    const copy = view.packs.copiesOf(blobId).find((candidate) => candidate.packId !== failedPackId);
    return copy && placeOf(copy);
  }

  /**
   * Indexes a pack just written: its index file first, then this process's view, then the blobs' state in the
   * database. A crash before the index file leaves an unindexed pack, which garbage collection deletes.
   */
  async recordPack(tenantId: string, key: Buffer, packId: string, entries: readonly PackEntry[]): Promise<void> {
    const content = { supersedes: [], packs: [{ id: packId, blobs: entries }] };
    const indexId = await writeIndexFile(this.backend, key, tenantId, content);
    this.views.get(tenantId)?.packs.add(indexId, content);
    const createdAt = new Date();
    await this.state.record(
      tenantId,
      entries.map((entry): BlobLocation => ({ tenantId, blobId: entry.id, packId, ...withoutId(entry), createdAt })),
    );
  }

  private use(tenantId: string): TenantView | undefined {
    const view = this.views.get(tenantId);
    if (view) view.usedAt = this.now();
    return view;
  }

  private refresh(tenantId: string): Promise<TenantView> {
    let refreshing = this.refreshing.get(tenantId);
    if (!refreshing) {
      refreshing = this.load(tenantId).finally(() => this.refreshing.delete(tenantId));
      this.refreshing.set(tenantId, refreshing);
    }
    return refreshing;
  }

  private async load(tenantId: string): Promise<TenantView> {
    // Age counts from before the reads. Condemned copies are read before the files are listed: a collection writes
    // the file that supersedes a removed pack before it drops the pack's entries (FORMAT.md, "Index files").
    const startedAt = this.now();
    const condemned = await this.state.condemnedCopies(tenantId);
    const view = this.views.get(tenantId) ?? {
      packs: new PackIndex(),
      condemned,
      refreshedAt: startedAt,
      usedAt: startedAt,
    };
    const key = await this.keys.existingDataKey(tenantId);
    if (key) await refreshPackIndex(this.backend, key, tenantId, view.packs);
    view.condemned = condemned;
    view.refreshedAt = startedAt;
    view.usedAt = this.now();
    this.views.set(tenantId, view);
    for (const [other, held] of this.views) if (this.now() - held.usedAt >= IDLE_MS) this.views.delete(other);
    return view;
  }
}

function hasUsableCopy(view: TenantView, blobId: string): boolean {
  return view.packs.copiesOf(blobId).some((copy) => !view.condemned.has(copyKey(blobId, copy.packId)));
}

function withoutId(entry: PackEntry): Omit<PackEntry, 'id'> {
  const { offset, length, rawLength, compression } = entry;
  return { offset, length, rawLength, compression };
}
