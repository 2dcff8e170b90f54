/** Words of at least two letters, lowercased, accents kept, for the search_terms index. */
export function searchTermsOf(...texts: (string | undefined | null)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of text.toLocaleLowerCase('it').split(/[^\p{L}\p{N}]+/u)) {
      if (word.length >= 2 && word.length <= 64) terms.add(word);
    }
  }
  return [...terms].slice(0, 200);
}
