import { localeOf, type Language } from './language.js';

/** A noun phrase as it reads after exactly one, and after any other number: `['anno', 'anni']`. */
export type NounForms = readonly [one: string, other: string];

/** A number as the reader's language writes it: 51.873 in Italian, 51,873 in English. */
export function formatNumber(value: number, language: Language): string {
  return value.toLocaleString(localeOf(language));
}

/**
 * A number in the reader's format with the noun phrase that agrees with it. Italian and English both take the
 * singular for exactly 1 and the plural otherwise, zero included: "1 anno", "0 anni"; "1 item", "0 items".
 */
export function counted(count: number, [one, other]: NounForms, language: Language): string {
  return `${formatNumber(count, language)} ${count === 1 ? one : other}`;
}

/** Bytes in the unit people expect (GB with one decimal, or MB), with the decimal comma in Italian. */
export function formatBytes(bytes: number, language: Language): string {
  const locale = localeOf(language);
  const gb = bytes / 1024 ** 3;
  if (gb >= 1) return `${gb.toLocaleString(locale, { maximumFractionDigits: 1 })} GB`;
  return `${(bytes / 1024 ** 2).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
