import type { Filter } from 'mongodb';
import type { CatalogDateBucket, ItemVersion } from './model.js';
import { dayKey, daysOfMonthNewestFirst, monthKey } from './date-buckets.js';

/** A month with more matches than this is searched one day at a time. */
export const crowdedMonth = 300;
/** With more months than this to walk, a search first checks whether its words are rare enough to fetch at once. */
const monthsWorthAProbe = 12;

/** Runs one find with the search's filter narrowed further; returns every match, in any order. */
export type FindAll = (filter: Filter<ItemVersion>, limit?: number) => Promise<ItemVersion[]>;

/** Search order: newest item first, then by Graph id, as a single sorted query would return them. */
export function newestFirst(a: ItemVersion, b: ItemVersion): number {
  const at = a.itemDate?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bt = b.itemDate?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (at !== bt) return bt - at;
  return a.graphId < b.graphId ? -1 : a.graphId > b.graphId ? 1 : 0;
}

/**
 * The first `wanted` matches of `filter` in search order, found month by month, newest first: each step selects its
 * month (or day) of `scope` (a resource, or `*`) by equality, so the embedded database (which sorts every match itself and cannot hand it a limit)
 * reads only the matches of the steps it needs, not every version holding a common word. A crowded month is read
 * whole if its matches are few (a read capped past the threshold tells), else a day at a time. Each step returns all
 * its matches, so the order across steps is exact. When many months would have to be walked, one capped read first
 * tells whether the words are rare enough for a single read of all their matches.
 */
export async function searchNewestFirst(
  find: FindAll,
  filter: Filter<ItemVersion>,
  scope: string,
  months: readonly Pick<CatalogDateBucket, 'month' | 'versions'>[],
  wanted: number,
): Promise<ItemVersion[]> {
  if (months.length > monthsWorthAProbe) {
    const probe = await find(filter, wanted + 1);
    if (probe.length <= wanted) return probe.sort(newestFirst);
  }
  const found: ItemVersion[] = [];
  const take = (matches: ItemVersion[]) => found.push(...matches.sort(newestFirst));
  for (const { month, versions } of months) {
    const ofMonth = await find(
      { ...filter, searchMonths: monthKey(scope, month) },
      versions > crowdedMonth ? crowdedMonth + 1 : undefined,
    );
    if (ofMonth.length <= crowdedMonth) take(ofMonth);
    else {
      for (const day of daysOfMonthNewestFirst(month)) {
        take(await find({ ...filter, searchDays: dayKey(scope, day) }));
        if (found.length >= wanted) return found;
      }
    }
    if (found.length >= wanted) return found;
  }
  return found;
}

/** The first `wanted` of several lists of matches, in search order. */
export function mergeNewestFirst(lists: readonly ItemVersion[][], wanted: number): ItemVersion[] {
  return lists.flat().sort(newestFirst).slice(0, wanted);
}
