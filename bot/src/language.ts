import type { Bilingual, Language } from '@custodia/backend/language/language';

export type { Bilingual, Language };
export { localeOf } from '@custodia/backend/language/language';

/** Italian when the Teams client speaks Italian (`it-IT`, `it`), English otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** The text in the reader's language. */
export function say(language: Language, text: Bilingual): string {
  return text[language];
}
