import type { Language } from '../../../language/language.js';
import { italianWhat, italianWhere } from './difference-phrases.js';
import { differenceTexts } from './difference-texts.js';
import type { MailDifference } from './mail-difference.js';

export type DifferenceLanguage = Language;

/** Values are shown on one line and cut short: a portal list is no place for 25 Received headers in full. */
const shownValueLength = 120;

function shown(value: string): string {
  const oneLine = value.replace(/\r?\n/g, ' | ');
  return oneLine.length > shownValueLength ? `${oneLine.slice(0, shownValueLength - 1)}…` : oneLine;
}

/** The comparer names where and what differs in English; Italian readers get the phrases translated. */
const phrasesIn: Record<Language, { where(where: string): string; what(what: string): string }> = {
  en: { where: (where) => where, what: (what) => what },
  it: { where: italianWhere, what: italianWhat },
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence for the portal, e.g. `Part 2 > headers: header Subject differs (expected “a”, found “b”).` */
export function describeDifference(difference: MailDifference, language: DifferenceLanguage): string {
  const where = phrasesIn[language].where(difference.where);
  const what = phrasesIn[language].what(difference.what);
  const t = differenceTexts.in(language);
  const { expected, actual } = difference;
  const values =
    expected !== undefined && actual !== undefined
      ? t.both({ expected: shown(expected), actual: shown(actual) })
      : expected !== undefined
        ? t.expectedOnly({ expected: shown(expected) })
        : actual !== undefined
          ? t.actualOnly({ actual: shown(actual) })
          : undefined;
  return `${capitalised(where)}: ${what}${values ? ` (${values})` : ''}.`;
}
