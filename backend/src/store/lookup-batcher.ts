interface Waiting {
  readonly blobId: string;
  resolve(found: boolean): void;
  reject(error: unknown): void;
}

/**
 * Coalesces "is this blob stored?" questions per tenant: while one query is in flight, the next questions wait and
 * go out together as one `$in` query. Every worker asks about every chunk, so round trips, not bytes, bound the write
 * rate; on the embedded FerretDB each query also scans the collection, so batching matters even more there.
 */
export class LookupBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly findStored: (tenantId: string, blobIds: string[]) => Promise<Set<string>>,
    private readonly maxBatch = 500,
  ) {}

  has(tenantId: string, blobId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(tenantId) ?? [];
      queue.push({ blobId, resolve, reject });
      this.queues.set(tenantId, queue);
      if (!this.busy.has(tenantId)) {
        this.busy.add(tenantId);
        queueMicrotask(() => void this.drain(tenantId));
      }
    });
  }

  private async drain(tenantId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(tenantId) ?? [];
      if (queue.length === 0) break;
      const batch = queue.splice(0, this.maxBatch);
      try {
        const stored = await this.findStored(tenantId, [...new Set(batch.map((waiting) => waiting.blobId))]);
        for (const waiting of batch) waiting.resolve(stored.has(waiting.blobId));
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.queues.delete(tenantId);
    this.busy.delete(tenantId);
  }
}
