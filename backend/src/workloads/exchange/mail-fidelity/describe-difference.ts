import { italianWhat, italianWhere } from './difference-phrases.js';
import type { MailDifference } from './mail-difference.js';

export type DifferenceLanguage = 'en' | 'it';

/** Values are shown on one line and cut short: a portal list is no place for 25 Received headers in full. */
const shownValueLength = 120;

function shown(value: string): string {
  const oneLine = value.replace(/\r?\n/g, ' | ');
  return oneLine.length > shownValueLength ? `${oneLine.slice(0, shownValueLength - 1)}…` : oneLine;
}

const wording = {
  en: {
    both: (expected: string, actual: string) => `expected “${expected}”, found “${actual}”`,
    expectedOnly: (expected: string) => `was “${expected}”`,
    actualOnly: (actual: string) => `now “${actual}”`,
  },
  it: {
    both: (expected: string, actual: string) => `atteso «${expected}», trovato «${actual}»`,
    expectedOnly: (expected: string) => `era «${expected}»`,
    actualOnly: (actual: string) => `ora «${actual}»`,
  },
} as const;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence for the portal, e.g. `Part 2 > headers: header Subject differs (expected “a”, found “b”).` */
export function describeDifference(difference: MailDifference, language: DifferenceLanguage): string {
  const where = language === 'it' ? italianWhere(difference.where) : difference.where;
  const what = language === 'it' ? italianWhat(difference.what) : difference.what;
  const words = wording[language];
  const { expected, actual } = difference;
  const values =
    expected !== undefined && actual !== undefined
      ? words.both(shown(expected), shown(actual))
      : expected !== undefined
        ? words.expectedOnly(shown(expected))
        : actual !== undefined
          ? words.actualOnly(shown(actual))
          : undefined;
  return `${capitalised(where)}: ${what}${values ? ` (${values})` : ''}.`;
}
