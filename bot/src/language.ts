import type { Bilingual, Language } from '@custodia/backend/language/language';

export type { Bilingual, Language };

/** Italian when the Teams client speaks Italian (`it-IT`, `it`), English otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** The text in the reader's language. */
export function say(language: Language, text: Bilingual): string {
  return text[language];
}

/** The locale dates and numbers are written in for each language (British English, as the product's English is). */
const locales: Readonly<Record<Language, string>> = { it: 'it-IT', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}
