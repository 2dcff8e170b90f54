import { counted } from '../language/quantities.js';
import { defineTexts } from '../language/texts.js';

/** The words of the daily digest letter. */
export const digestTexts = defineTexts({
  subject: (p: { succeeded: number; warned: number; failed: number }) => ({
    it: `Riepilogo backup delle ultime 24 ore: ${counted(p.succeeded, ['riuscito', 'riusciti'], 'it')}, ${p.warned} con avvisi, ${counted(p.failed, ['non riuscito', 'non riusciti'], 'it')}`,
    en: `Backups of the last 24 hours: ${p.succeeded} succeeded, ${p.warned} with warnings, ${p.failed} failed`,
  }),
  noRuns: (p: { until: string }) => ({
    it: `nessun job di backup è terminato nelle 24 ore fino al ${p.until}.`,
    en: `no backup job ended in the 24 hours up to ${p.until}.`,
  }),
  expectedRun: {
    it: "Se ti aspettavi un'esecuzione, controlla nella scheda Overview che il job esista e il suo orario giornaliero.",
    en: 'If you expected a run, check in the Overview tab that the job exists and at what time it runs each day.',
  },
  outcome: (p: { until: string }) => ({
    it: `ecco l'esito dei job di backup terminati nelle 24 ore fino al ${p.until}:`,
    en: `here is the outcome of the backup jobs that ended in the 24 hours up to ${p.until}:`,
  }),
  details: {
    it: "Per i dettagli di ogni account apri la scheda Log dei job; hai ricevuto un'e-mail per ogni job con avvisi o non riuscito se sei iscritto a quelle notifiche.",
    en: 'For the details of each account open the Job log tab; you received an email for each job with warnings or failed if you subscribed to those notifications.',
  },
  succeededLine: (p: { jobName: string; when: string; items: number; size: string }) => ({
    it: `"${p.jobName}", ${p.when}: riuscito, ${counted(p.items, ['elemento salvato', 'elementi salvati'], 'it')} (${p.size})`,
    en: `"${p.jobName}", ${p.when}: succeeded, ${counted(p.items, ['item', 'items'], 'en')} saved (${p.size})`,
  }),
  warningLine: (p: { jobName: string; when: string; warnings: number; accounts: number }) => ({
    it: `"${p.jobName}", ${p.when}: ${counted(p.warnings, ['avviso', 'avvisi'], 'it')}, ${counted(p.accounts, ['account non salvato', 'account non salvati'], 'it')}`,
    en: `"${p.jobName}", ${p.when}: ${counted(p.warnings, ['warning', 'warnings'], 'en')}, ${counted(p.accounts, ['account', 'accounts'], 'en')} not saved`,
  }),
  failedLine: (p: { jobName: string; when: string; reason: string }) => ({
    it: `"${p.jobName}", ${p.when}: non riuscito (${p.reason})`,
    en: `"${p.jobName}", ${p.when}: failed (${p.reason})`,
  }),
});
