/** One page of a delta round. */
export interface DeltaPage<T> {
  /** Every entry of the page in Graph's order, removals included (order matters: delete then re-create). */
  readonly items: T[];
  /** The entries of `items` that are removals: Outlook `@removed`, or a drive item's `deleted` facet. */
  readonly removed: RemovedEntry[];
  /** Present on every page but the last: save it once the page is durable, it resumes the round. */
  readonly nextLink?: string;
  /** Present on the last page only: the token for the next round. */
  readonly deltaLink?: string;
}

export interface RemovedEntry {
  readonly id: string;
  /** `deleted` or `changed` (Outlook: moved out of the folder), or the drive facet's state. */
  readonly reason: string;
}

export interface CollectionPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface MaybeRemoved {
  id?: unknown;
  '@removed'?: { reason?: unknown };
  deleted?: { state?: unknown };
}

export function toDeltaPage<T>(page: CollectionPage<T>): DeltaPage<T> {
  const items = page.value ?? [];
  const removed: RemovedEntry[] = [];
  for (const item of items as MaybeRemoved[]) {
    if (typeof item.id !== 'string') continue;
    if (item['@removed']) removed.push({ id: item.id, reason: String(item['@removed'].reason ?? 'deleted') });
    else if (item.deleted) removed.push({ id: item.id, reason: String(item.deleted.state ?? 'deleted') });
  }
  return {
    items,
    removed,
    ...(page['@odata.nextLink'] !== undefined && { nextLink: page['@odata.nextLink'] }),
    ...(page['@odata.deltaLink'] !== undefined && { deltaLink: page['@odata.deltaLink'] }),
  };
}
