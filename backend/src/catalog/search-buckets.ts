/**
 * A version's search terms are also spread over eight fields, each term in the two its hashes name. A search for
 * several words then names a different field for each word, and a database that serves equality on each field from
 * its own index (FerretDB over PostgreSQL: one GIN index per field) intersects them itself, instead of fetching every
 * version that holds the commonest word. With two fields per term, two words find distinct fields unless both hash
 * to the same pair (1 in 28). MongoDB serves each field from a multikey index, as it served `searchTerms`.
 */
export const searchBucketFields = [
  'searchTerms0',
  'searchTerms1',
  'searchTerms2',
  'searchTerms3',
  'searchTerms4',
  'searchTerms5',
  'searchTerms6',
  'searchTerms7',
] as const;

export type SearchBucketField = (typeof searchBucketFields)[number];
export type SearchBuckets = Partial<Record<SearchBucketField, string[]>>;

/** FNV-1a over the term's UTF-16 code units from a given basis: stable across releases (the buckets are stored). */
function fnv1a(term: string, basis: number): number {
  let hash = basis;
  for (let index = 0; index < term.length; index++) {
    hash = Math.imul(hash ^ term.charCodeAt(index), 0x01000193) >>> 0;
  }
  return hash;
}

/** The two distinct fields a term is stored in. */
function bucketsOf(term: string): [SearchBucketField, SearchBucketField] {
  const count = searchBucketFields.length;
  const first = fnv1a(term, 0x811c9dc5) % count;
  const second = (first + 1 + (fnv1a(term, 0x01000193) % (count - 1))) % count;
  return [searchBucketFields[first]!, searchBucketFields[second]!];
}

/** The bucket fields of a version whose search terms are `terms`; empty buckets are left out. */
export function searchBucketsOf(terms: readonly string[]): SearchBuckets {
  const buckets: SearchBuckets = {};
  for (const term of terms) {
    for (const field of bucketsOf(term)) (buckets[field] ??= []).push(term);
  }
  return buckets;
}

/**
 * Gives each word a field of its own where it can (a matching by backtracking, over at most as many words as there
 * are fields, so at most 3^8 steps); the rest stay unplaced.
 */
function placeWords(words: readonly string[]): { placed: Map<SearchBucketField, string>; unplaced: string[] } {
  const candidates = words.slice(0, searchBucketFields.length);
  let best = new Map<SearchBucketField, string>();
  const place = (index: number, placed: Map<SearchBucketField, string>): void => {
    if (placed.size > best.size) best = new Map(placed);
    if (index === candidates.length || best.size === candidates.length) return;
    const word = candidates[index]!;
    for (const field of bucketsOf(word)) {
      if (placed.has(field)) continue;
      placed.set(field, word);
      place(index + 1, placed);
      placed.delete(field);
    }
    place(index + 1, placed);
  };
  place(0, new Map());
  const placedWords = new Set(best.values());
  return { placed: best, unplaced: words.filter((word) => !placedWords.has(word)) };
}

/**
 * Matches versions holding every word: one top-level equality per word on a field of its own (what FerretDB hands to
 * PostgreSQL), and `$all` on `searchTerms` for words that found no field of their own.
 */
export function searchWordsFilter(
  words: readonly string[],
): Partial<Record<SearchBucketField, string>> & { searchTerms?: { $all: string[] } } {
  const { placed, unplaced } = placeWords([...new Set(words)]);
  return {
    ...Object.fromEntries(placed),
    ...(unplaced.length > 0 && { searchTerms: { $all: unplaced } }),
  };
}
