// The raw-fetch ceiling: everything the backup reads, fetched by a plain client with the engine's concurrency
// (resources in parallel, requests in flight per resource) and nothing else: no catalog, no store, no delta. That is
// the `$value` of every message and the content of every file, and, unless the tenant refused the mailbox API, each
// mailbox's primary mailbox id and the full-fidelity export stream of every message (`exportItems`, 20 ids per
// request, as backend/src/workloads/exchange/full-fidelity-export.ts asks for them), in the same request lanes as the
// mailbox's content reads. A backup cannot go faster than this on the same machine.
import type { InventoryItem } from '../../backend/test/backup-scale/inventory.ts';
import type { PlainGraph } from '../../backend/test/backup-scale/plain-graph.ts';

/** Item ids per `exportItems` request: Graph's maximum, which the engine uses. */
const EXPORT_BATCH = 20;

export interface CeilingResult {
  items: number;
  /** Bytes of `$value` and file content. */
  bytes: number;
  exportRequests: number;
  /** Bytes of the exported streams (decoded from their base64). */
  exportedBytes: number;
}

export interface CeilingOptions {
  resourcesInParallel: number;
  requestsPerResource: number;
  /** Read the full-fidelity export streams too (false for a tenant without consent to the mailbox API). */
  exports: boolean;
}

interface ExportAnswer {
  value?: Array<{ itemId: string; data?: string }>;
}

export async function fetchEverything(
  graph: PlainGraph,
  inventory: readonly InventoryItem[],
  options: CeilingOptions,
): Promise<CeilingResult> {
  const byResource = new Map<string, InventoryItem[]>();
  for (const item of inventory) {
    const list = byResource.get(item.resourceId) ?? [];
    list.push(item);
    byResource.set(item.resourceId, list);
  }
  const result: CeilingResult = { items: 0, bytes: 0, exportRequests: 0, exportedBytes: 0 };
  const read = async (item: InventoryItem): Promise<void> => {
    // Awaited first: `result.bytes += await …` would read the sum before the wait and lose the other lanes' bytes.
    const bytes = await graph.drain(item.contentPath);
    result.bytes += bytes;
    result.items += 1;
  };
  const exportBatch = async (mailboxId: string, itemIds: string[]): Promise<void> => {
    const answer = await graph.postJson<ExportAnswer>(
      `/admin/exchange/mailboxes/${encodeURIComponent(mailboxId)}/exportItems`,
      { itemIds },
    );
    result.exportRequests += 1;
    for (const entry of answer.value ?? []) result.exportedBytes += Buffer.byteLength(entry.data ?? '', 'base64');
  };
  await inParallel([...byResource], options.resourcesInParallel, async ([resourceId, items]) => {
    const tasks: Array<() => Promise<void>> = [];
    const userId = resourceId.startsWith('mailbox:') ? resourceId.slice('mailbox:'.length) : undefined;
    const mailboxId =
      userId !== undefined && options.exports
        ? (await graph.json<{ primaryMailboxId: string }>(`/users/${encodeURIComponent(userId)}/settings/exchange`))
            .primaryMailboxId
        : undefined;
    for (let start = 0; start < items.length; start += EXPORT_BATCH) {
      const batch = items.slice(start, start + EXPORT_BATCH);
      for (const item of batch) tasks.push(() => read(item));
      if (mailboxId !== undefined) {
        const itemIds = batch.map((item) => item.graphId);
        tasks.push(() => exportBatch(mailboxId, itemIds));
      }
    }
    await inParallel(tasks, options.requestsPerResource, (task) => task());
  });
  return result;
}

async function inParallel<T>(work: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length) await run(work[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, work.length) }, lane));
}
