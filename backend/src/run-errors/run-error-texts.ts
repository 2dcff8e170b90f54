import type { Bilingual } from '../language/language.js';
import { counted } from '../language/quantities.js';
import { defineTexts, type TextParams } from '../language/texts.js';

/**
 * Why a run as a whole did not succeed, by code. The run stores the code and its parameters (plus the English
 * sentence, which is all runs recorded before codes have), so each reader sees it in their own language. Codes never
 * change once recorded: old runs keep them.
 */
export const runErrorTexts = defineTexts({
  job_deleted: {
    it: 'il job di backup è stato eliminato prima che l’esecuzione partisse',
    en: 'the backup job was deleted before its run started',
  },
  /** The reason is Microsoft Graph's own message, in English whatever the reader's language. */
  accounts_unreadable: (p: { reason: string }) => ({
    it: `non è stato possibile leggere gli account da Microsoft 365: ${p.reason}`,
    en: `the accounts could not be read from Microsoft 365: ${p.reason}`,
  }),
  scope_empty: {
    it: 'il perimetro del job non contiene account da proteggere',
    en: 'the job’s scope contains no accounts to protect',
  },
  accounts_failed: (p: { failed: number; total: number }) => ({
    it: `non è stato possibile salvare ${p.failed} account su ${p.total}`,
    en: `${p.failed} of ${counted(p.total, ['account', 'accounts'], 'en')} could not be backed up`,
  }),
});

export type RunErrorCode = keyof typeof runErrorTexts.table;

/** Why a run did not succeed, as the run records it: a code with exactly the parameters its sentence needs. */
export interface RunErrorNotice<C extends RunErrorCode = RunErrorCode> {
  readonly code: C;
  readonly params: TextParams<(typeof runErrorTexts.table)[C]>;
}

/** Any reason a run may record, one code at a time (what the engine stores with the run and its event). */
export type AnyRunErrorNotice = { [C in RunErrorCode]: RunErrorNotice<C> }[RunErrorCode];

/** The reason in both languages. */
export function runErrorBilingual<C extends RunErrorCode>(notice: RunErrorNotice<C>): Bilingual {
  return runErrorTexts.bilingual(notice.code, notice.params);
}

/**
 * A run's error in both languages: from its code when the run recorded one this version knows, else the sentence as
 * recorded (runs from before codes, or from a newer version) in both.
 */
export function runErrorWords(recorded: { error: string; notice?: { readonly code: string } }): Bilingual {
  const { notice } = recorded;
  return notice && isKnownRunError(notice) ? runErrorBilingual(notice) : { it: recorded.error, en: recorded.error };
}

/** A run's error in both languages, or null when it has none. */
export function runErrorOf(run: { error: string | null; errorNotice?: AnyRunErrorNotice }): Bilingual | null {
  if (run.error === null) return null;
  return runErrorWords({ error: run.error, ...(run.errorNotice && { notice: run.errorNotice }) });
}

function isKnownRunError(notice: { readonly code: string }): notice is AnyRunErrorNotice {
  return Object.hasOwn(runErrorTexts.table, notice.code);
}
