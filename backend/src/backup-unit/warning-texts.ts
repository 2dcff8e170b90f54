import type { Language } from '../language/language.js';
import { defineTexts, type TextParams } from '../language/texts.js';

/**
 * What a unit may record in the job log, by code. The job log stores the code and its parameters (plus the English
 * sentence, which is all entries recorded before codes have), so each reader sees it in their own language.
 * Codes never change once recorded: old runs keep them.
 */
export const warningTexts = defineTexts({
  full_fidelity_not_permitted: {
    it: 'Esportazione completa di Exchange non consentita (manca il consenso a MailboxItem.ImportExport.All): i ripristini ricreano gli elementi via JSON, con perdite',
    en: 'Exchange full-fidelity export is not permitted (the MailboxItem.ImportExport.All permission is not consented): mail, contacts and events are backed up without it, and restores recreate them through JSON, which loses MIME structure, trace headers and signatures',
  },
  item_not_full_fidelity: (p: { name: string; code: string }) => ({
    it: `Exchange non ha esportato "${p.name}" in forma completa`,
    en: `Exchange did not export "${p.name}" in full fidelity (${p.code}): a restore of this version will recreate it through JSON`,
  }),
  tasks_notes_not_permitted: {
    it: "Attività e note di Outlook non salvate: Graph le raggiunge solo con l'API di importazione/esportazione delle cassette postali, i cui permessi non sono stati concessi",
    en: 'Outlook tasks and notes are not backed up: Graph reaches them only through the mailbox import/export API, whose permissions (MailboxFolder.Read.All, MailboxItem.ImportExport.All) are not consented',
  },
  /** The reason is Microsoft Graph's own message, in English whatever the reader's language. */
  item_unreadable: (p: { itemId: string; reason: string }) => ({
    it: `impossibile leggere ${p.itemId}: ${p.reason}`,
    en: `could not read ${p.itemId}: ${p.reason}`,
  }),
});

export type WarningCode = keyof typeof warningTexts.table;

/** A warning as a unit records it: a code with exactly the parameters its sentence needs. */
export interface WarningNotice<C extends WarningCode = WarningCode> {
  readonly code: C;
  readonly params: TextParams<(typeof warningTexts.table)[C]>;
}

/** Any warning a unit may record, one code at a time (what `warn` takes and the job log stores). */
export type AnyWarningNotice = { [C in WarningCode]: WarningNotice<C> }[WarningCode];

export function warningText<C extends WarningCode>(notice: WarningNotice<C>, language: Language): string {
  return warningTexts.text(notice.code, notice.params, language);
}

/** A code recorded by a newer version of the product is unknown here: its reader falls back to the English text. */
export function isKnownWarning(notice: { readonly code: string }): notice is AnyWarningNotice {
  return Object.hasOwn(warningTexts.table, notice.code);
}
