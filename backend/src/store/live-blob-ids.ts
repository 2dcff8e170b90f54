/**
 * How long a view of the index is trusted. Garbage collection may condemn an indexed blob at any time; a write may
 * lean on a blob it believed uncondemned for at most this long, which the grace period covers (FORMAT.md, "The rule
 * that makes this safe while backups run").
 */
export const TRUST_WINDOW_MS = 10 * 60_000;

interface View {
  readonly ids: Set<string>;
  readonly loadedAt: number;
}

/** A blob id (64 hex digits) as the 32 bytes it encodes, one character per byte: half the memory of the hex. */
function compact(blobId: string): string {
  return /^[0-9a-f]{64}$/.test(blobId) ? Buffer.from(blobId, 'hex').toString('latin1') : blobId;
}

/**
 * The ids of a tenant's uncondemned blobs, held in memory so that the write path asks the database nothing per blob:
 * loaded with one read of the tenant's index entries, extended by every pack this process writes, and loaded again
 * once older than the trust window. Blobs another worker stored since the load are not in the view: a write of one
 * of them stores a spare copy, which is harmless (FORMAT.md, "The index"). About 80 bytes per blob; a tenant's view
 * is dropped once it is older than the trust window and nobody asked.
 */
export class LiveBlobIds {
  private readonly views = new Map<string, View>();
  private readonly loading = new Map<string, Promise<View>>();

  constructor(
    private readonly readLiveIds: (tenantId: string) => AsyncIterable<string>,
    private readonly now: () => number = Date.now,
  ) {}

  async has(tenantId: string, blobId: string): Promise<boolean> {
    return (await this.view(tenantId)).ids.has(compact(blobId));
  }

  /** Adds blobs this process has just indexed (a written pack) to the tenant's view, if one is held. */
  remember(tenantId: string, blobIds: readonly string[]): void {
    const view = this.views.get(tenantId);
    if (view) for (const blobId of blobIds) view.ids.add(compact(blobId));
  }

  private view(tenantId: string): Promise<View> {
    const held = this.views.get(tenantId);
    if (held && this.now() - held.loadedAt < TRUST_WINDOW_MS) return Promise.resolve(held);
    this.dropStale();
    let load = this.loading.get(tenantId);
    if (!load) {
      load = this.load(tenantId).finally(() => this.loading.delete(tenantId));
      this.loading.set(tenantId, load);
    }
    return load;
  }

  private async load(tenantId: string): Promise<View> {
    // The view's age counts from before the read: an entry condemned while it runs is trusted no longer than that.
    const view: View = { ids: new Set(), loadedAt: this.now() };
    for await (const blobId of this.readLiveIds(tenantId)) view.ids.add(compact(blobId));
    this.views.set(tenantId, view);
    return view;
  }

  private dropStale(): void {
    for (const [tenantId, view] of this.views) {
      if (this.now() - view.loadedAt >= TRUST_WINDOW_MS) this.views.delete(tenantId);
    }
  }
}
