import type { Bilingual, Language } from './language.js';

/**
 * One sentence of a text table: the same words in both languages, or a function of its parameters that
 * returns both. Returning a `Bilingual` (rather than one function per language) makes a missing translation a
 * compile error and types the parameters once for both languages.
 */
export type TextEntry = Bilingual | ((params: never) => Bilingual);

/** The parameters an entry needs: none (`{}`) for a fixed sentence. */
export type TextParams<E extends TextEntry> = E extends (params: infer P) => Bilingual
  ? P
  : Readonly<Record<never, never>>;

/** A table seen in one language: fixed sentences as strings, parameterised ones as functions of their parameters. */
export type Phrasebook<T extends Record<string, TextEntry>> = {
  readonly [K in keyof T]: T[K] extends (params: infer P) => Bilingual ? (params: P) => string : string;
};

export interface Texts<T extends Record<string, TextEntry>> {
  /** The entries themselves: for code that needs every key (an OpenAPI enum) or both languages at once. */
  readonly table: T;
  /** One sentence in both languages. */
  bilingual<K extends keyof T>(key: K, params: TextParams<T[K]>): Bilingual;
  /** One sentence in the reader's language. */
  text<K extends keyof T>(key: K, params: TextParams<T[K]>, language: Language): string;
  /** The whole table in the reader's language, for code that writes many sentences (a card, a letter). */
  in(language: Language): Phrasebook<T>;
}

/**
 * The one way to write user-facing text in the backend and the bot: a table keyed by text id, each entry in
 * both languages, parameters typed (as the tab's tables are, plus typed parameters).
 */
export function defineTexts<const T extends Record<string, TextEntry>>(table: T): Texts<T> {
  const bilingual = <K extends keyof T>(key: K, params: TextParams<T[K]>): Bilingual => {
    // The key is one of the table's, so its entry exists.
    const entry = table[key] as TextEntry;
    // A parameterised entry's type guarantees `params` is what it takes; TypeScript cannot follow that through
    // the generic key, so the call goes through the widest function type.
    return typeof entry === 'function' ? (entry as (params: TextParams<T[K]>) => Bilingual)(params) : entry;
  };
  const phrasebooks = new Map<Language, Phrasebook<T>>();
  return {
    table,
    bilingual,
    text: (key, params, language) => bilingual(key, params)[language],
    in(language) {
      let phrasebook = phrasebooks.get(language);
      if (!phrasebook) {
        const entries = Object.entries(table).map(([key, entry]: [string, TextEntry]) => [
          key,
          typeof entry === 'function' ? (params: never) => entry(params)[language] : entry[language],
        ]);
        // Built key by key from the table, so it has exactly the table's keys in the shape `Phrasebook` names.
        phrasebook = Object.freeze(Object.fromEntries(entries)) as Phrasebook<T>;
        phrasebooks.set(language, phrasebook);
      }
      return phrasebook;
    },
  };
}
