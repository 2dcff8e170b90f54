// The raw-fetch ceiling: the same bytes the backup reads ($value of every message, content of every file), fetched
// by a plain client with the engine's concurrency (resources in parallel, requests in flight per resource) and
// nothing else: no catalog, no store, no delta. A backup cannot go faster than this on the same machine.
import type { InventoryItem } from '../../backend/test/backup-scale/inventory.ts';
import type { PlainGraph } from '../../backend/test/backup-scale/plain-graph.ts';

export interface CeilingResult {
  items: number;
  bytes: number;
}

export async function fetchEverything(
  graph: PlainGraph,
  inventory: readonly InventoryItem[],
  resourcesInParallel: number,
  requestsPerResource: number,
): Promise<CeilingResult> {
  const byResource = new Map<string, InventoryItem[]>();
  for (const item of inventory) {
    const list = byResource.get(item.resourceId) ?? [];
    list.push(item);
    byResource.set(item.resourceId, list);
  }
  const result: CeilingResult = { items: 0, bytes: 0 };
  await inParallel([...byResource.values()], resourcesInParallel, (items) =>
    inParallel(items, requestsPerResource, async (item) => {
      const bytes = await graph.drain(item.contentPath);
      result.bytes += bytes;
      result.items += 1;
    }),
  );
  return result;
}

async function inParallel<T>(work: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length) await run(work[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, work.length) }, lane));
}
