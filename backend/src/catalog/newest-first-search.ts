import type { Filter } from 'mongodb';
import type { CatalogDateBucket, ItemVersion } from './model.js';
import { daysOfMonthNewestFirst } from './date-buckets.js';

/** A month with more versions than this is searched one day at a time. */
export const crowdedMonth = 300;
/** With more steps than this to walk, a search first checks whether its words are rare enough to fetch at once. */
const stepsWorthAProbe = 12;

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
 * The first `wanted` matches of `filter` in search order, found month by month, newest first, a crowded month day by
 * day: each step selects its month or day by equality, so the embedded database (which sorts every match itself and
 * cannot hand it a limit) reads only the matches of the steps it needs, not every version holding a common word. Each
 * step returns all its matches, so the order across steps is exact. When many steps would have to be walked, one
 * capped read first tells whether the words are rare enough for a single read of all their matches.
 */
export async function searchNewestFirst(
  find: FindAll,
  filter: Filter<ItemVersion>,
  months: readonly Pick<CatalogDateBucket, 'month' | 'versions'>[],
  wanted: number,
): Promise<ItemVersion[]> {
  const steps = months.flatMap(({ month, versions }): Filter<ItemVersion>[] =>
    versions > crowdedMonth ? daysOfMonthNewestFirst(month).map((itemDay) => ({ itemDay })) : [{ itemMonth: month }],
  );
  if (steps.length > stepsWorthAProbe) {
    const probe = await find(filter, wanted + 1);
    if (probe.length <= wanted) return probe.sort(newestFirst);
  }
  const found: ItemVersion[] = [];
  for (const step of steps) {
    found.push(...(await find({ ...filter, ...step })).sort(newestFirst));
    if (found.length >= wanted) return found;
  }
  return found;
}

/** The first `wanted` of several lists of matches, in search order. */
export function mergeNewestFirst(lists: readonly ItemVersion[][], wanted: number): ItemVersion[] {
  return lists.flat().sort(newestFirst).slice(0, wanted);
}
