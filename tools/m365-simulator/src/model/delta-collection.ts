import type { ChangeClock } from './clock.js';

export interface Versioned {
  id: string;
  seq: number;
}

/**
 * Whether a built mailbox or drive must stay in memory: true once anything in it changed (it can no longer be derived
 * again from the tenant definition or seed), or while a write to it is under way.
 */
export class Residency {
  pinned = false;
}

/** A removed entry keeps the item as it was last seen, so a workload can describe what disappeared (a series' occurrences). */
export type DeltaEntry<T> =
  { kind: 'item'; item: T; seq: number } | { kind: 'removed'; id: string; seq: number; last: T };

/**
 * A set of items that can answer "what changed since sequence N": live items carry the sequence of their last change,
 * removed ones leave a tombstone with the sequence of their removal. Keyset paging by (seq, id) stays correct while
 * items change mid-enumeration: a changed item moves past the snapshot and arrives with the next delta round.
 */
export class DeltaCollection<T extends Versioned> {
  private readonly items = new Map<string, T>();
  private readonly tombstones = new Map<string, { seq: number; last: T }>();

  constructor(
    private readonly clock: ChangeClock,
    private readonly residency?: Residency,
  ) {}

  get size(): number {
    return this.items.size;
  }

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  /** Adds the item as it was in the initial tenant (sequence 1, where the clock starts), without ticking the clock. */
  seed(item: T): void {
    this.items.set(item.id, item);
  }

  upsert(item: T): T {
    if (this.residency) this.residency.pinned = true;
    item.seq = this.clock.next();
    this.items.set(item.id, item);
    this.tombstones.delete(item.id);
    return item;
  }

  remove(id: string): T | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    if (this.residency) this.residency.pinned = true;
    this.items.delete(id);
    this.tombstones.set(id, { seq: this.clock.next(), last: item });
    return item;
  }

  /** Entries with since < seq <= upTo, after the keyset cursor, in (seq, id) order, at most `limit`. */
  changes(since: number, upTo: number, after: Cursor | undefined, limit: number): DeltaEntry<T>[] {
    const entries: DeltaEntry<T>[] = [];
    for (const item of this.items.values()) {
      if (item.seq > since && item.seq <= upTo) entries.push({ kind: 'item', item, seq: item.seq });
    }
    if (since > 0) {
      for (const [id, { seq, last }] of this.tombstones) {
        if (seq > since && seq <= upTo) entries.push({ kind: 'removed', id, seq, last });
      }
    }
    entries.sort((a, b) => a.seq - b.seq || entryId(a).localeCompare(entryId(b)));
    const start = after ? entries.findIndex((entry) => isAfter(entry, after)) : 0;
    return start < 0 ? [] : entries.slice(start, start + limit);
  }
}

export interface Cursor {
  seq: number;
  id: string;
}

export function entryId<T extends Versioned>(entry: DeltaEntry<T>): string {
  return entry.kind === 'item' ? entry.item.id : entry.id;
}

function isAfter<T extends Versioned>(entry: DeltaEntry<T>, cursor: Cursor): boolean {
  return entry.seq > cursor.seq || (entry.seq === cursor.seq && entryId(entry).localeCompare(cursor.id) > 0);
}
