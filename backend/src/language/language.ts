/** The languages every user-facing text of the product exists in. */
export const languages = ['it', 'en'] as const;
export type Language = (typeof languages)[number];

/**
 * Picks Italian or English from an `Accept-Language` header by its quality values; when the
 * header names neither, the fallback (the tenant's default language, else English) wins.
 */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: quality ? Number(quality.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'it' || primary === 'en') return primary;
  }
  return fallback;
}

/** The locale dates and numbers are written in for each language (British English, as the product's English is). */
const locales: Readonly<Record<Language, string>> = { it: 'it-IT', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}

/** A text in both languages of the product. */
export interface Bilingual {
  readonly it: string;
  readonly en: string;
}
