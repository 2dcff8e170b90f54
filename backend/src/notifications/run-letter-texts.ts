import { counted } from '../language/quantities.js';
import { defineTexts } from '../language/texts.js';

/** The words of the letters about a run that succeeded, ended with warnings or failed. */
export const runLetterTexts = defineTexts({
  succeededSubject: (p: { jobName: string }) => ({
    it: `Backup riuscito: job "${p.jobName}"`,
    en: `Backup succeeded: job "${p.jobName}"`,
  }),
  succeededIntro: (p: { jobName: string; when: string; items: number; size: string }) => ({
    it: `l'esecuzione del job di backup "${p.jobName}" terminata il ${p.when} è riuscita: ${counted(p.items, ['elemento nuovo o modificato salvato', 'elementi nuovi o modificati salvati'], 'it')} (${p.size}).`,
    en: `the run of backup job "${p.jobName}" that ended on ${p.when} succeeded: ${counted(p.items, ['new or changed item saved', 'new or changed items saved'], 'en')} (${p.size}).`,
  }),
  afterSuccess: {
    it: 'Ogni account del job è protetto fino a questa esecuzione. Il dettaglio per account è nella scheda Log dei job; non serve fare altro.',
    en: 'Every account of the job is protected up to this run. The Job log tab has the details of each account; there is nothing else to do.',
  },
  warningSubject: (p: { jobName: string }) => ({
    it: `Backup completato con avvisi: job "${p.jobName}"`,
    en: `Backup finished with warnings: job "${p.jobName}"`,
  }),
  warningIntro: (p: { jobName: string; when: string; warnings: number; accounts: number }) => ({
    it:
      `l'esecuzione del job di backup "${p.jobName}" terminata il ${p.when} si è conclusa con ${counted(p.warnings, ['avviso', 'avvisi'], 'it')}` +
      (p.accounts > 0 ? ` e ${counted(p.accounts, ['account non salvato', 'account non salvati'], 'it')}:` : '.'),
    en:
      `the run of backup job "${p.jobName}" that ended on ${p.when} finished with ${counted(p.warnings, ['warning', 'warnings'], 'en')}` +
      (p.accounts > 0 ? ` and ${counted(p.accounts, ['account', 'accounts'], 'en')} not saved:` : '.'),
  }),
  whatToDoAfterWarnings: {
    it: 'Cosa fare: apri la scheda Log dei job per vedere l\'esito di ogni account e gli elementi segnalati. Gli avvisi riguardano di solito singoli elementi che Microsoft 365 non ha consegnato: il job li ritenta alla prossima esecuzione. Se un account non è stato salvato, verifica che esista ancora e abbia una licenza Microsoft 365, poi usa "Avvia il job" per rilanciare il job.',
    en: 'What to do: open the Job log tab to see the outcome of each account and the items reported. Warnings are usually single items Microsoft 365 did not deliver: the job tries them again at its next run. If an account was not saved, check that it still exists and has a Microsoft 365 licence, then use "Run this job" to run the job again.',
  },
  failedSubject: (p: { jobName: string }) => ({
    it: `Backup non riuscito: job "${p.jobName}"`,
    en: `Backup failed: job "${p.jobName}"`,
  }),
  failedIntro: (p: { jobName: string; when: string; reason: string }) => ({
    it: `l'esecuzione del job di backup "${p.jobName}" terminata il ${p.when} non è riuscita: ${p.reason}.`,
    en: `the run of backup job "${p.jobName}" that ended on ${p.when} failed: ${p.reason}.`,
  }),
  accountsNotSaved: (p: { accounts: number }) => ({
    it: `Account non salvati (${p.accounts}):`,
    en: `Accounts not saved (${p.accounts}):`,
  }),
  whatToDoAfterFailure: {
    it: 'Cosa fare: apri la scheda Log dei job per vedere l\'errore di ogni account. Se l\'errore parla di permessi o di accesso negato, verifica che il consenso amministratore sia ancora concesso nella configurazione del tenant. Poi usa "Avvia il job" per rilanciare il job; se il problema si ripete, apri una richiesta nella scheda Support.',
    en: 'What to do: open the Job log tab to see the error of each account. If the error mentions permissions or access denied, check that admin consent is still granted in the tenant setup. Then use "Run this job" to run the job again; if the problem comes back, open a request in the Support tab.',
  },
});
