import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import type { LetterDraft } from './letter-layout.js';

/** A run that ended with warnings: some items or accounts were not saved this time. */
export function runWarningLetter(
  payload: DomainEventPayloads['run.warning'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const accounts = payload.failedResources.length;
  if (language === 'it') {
    return {
      subject: `Backup completato con avvisi: job "${payload.jobName}"`,
      blocks: [
        `l'esecuzione del job di backup "${payload.jobName}" terminata il ${when} si è conclusa con ${payload.warnings} avvisi` +
          (accounts > 0 ? ` e ${accounts} account non salvati:` : '.'),
        ...(accounts > 0 ? [{ list: payload.failedResources }] : []),
        'Cosa fare: apri la scheda Log per vedere l\'esito di ogni account e gli elementi segnalati. Gli avvisi riguardano di solito singoli elementi che Microsoft 365 non ha consegnato: il job li ritenta alla prossima esecuzione. Se un account non è stato salvato, verifica che esista ancora e abbia una licenza Microsoft 365, poi usa "Esegui ora" per rilanciare il job.',
      ],
    };
  }
  return {
    subject: `Backup finished with warnings: job "${payload.jobName}"`,
    blocks: [
      `the run of backup job "${payload.jobName}" that ended on ${when} finished with ${payload.warnings} warnings` +
        (accounts > 0 ? ` and ${accounts} accounts not saved:` : '.'),
      ...(accounts > 0 ? [{ list: payload.failedResources }] : []),
      'What to do: open the Log tab to see the outcome of each account and the items reported. Warnings are usually single items Microsoft 365 did not deliver: the job tries them again at its next run. If an account was not saved, check that it still exists and has a Microsoft 365 licence, then use "Run now" to run the job again.',
    ],
  };
}

/** A run that failed: nothing, or no account at all, was saved. */
export function runFailedLetter(
  payload: DomainEventPayloads['run.failed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const accounts = payload.failedResources.length;
  if (language === 'it') {
    return {
      subject: `Backup non riuscito: job "${payload.jobName}"`,
      blocks: [
        `l'esecuzione del job di backup "${payload.jobName}" terminata il ${when} non è riuscita: ${payload.reason}.`,
        ...(accounts > 0 ? [`Account non salvati (${accounts}):`, { list: payload.failedResources }] : []),
        'Cosa fare: apri la scheda Log per vedere l\'errore di ogni account. Se l\'errore parla di permessi o di accesso negato, verifica che il consenso amministratore sia ancora concesso nella configurazione del tenant. Poi usa "Esegui ora" per rilanciare il job; se il problema si ripete, apri una richiesta nella scheda Support.',
      ],
    };
  }
  return {
    subject: `Backup failed: job "${payload.jobName}"`,
    blocks: [
      `the run of backup job "${payload.jobName}" that ended on ${when} failed: ${payload.reason}.`,
      ...(accounts > 0 ? [`Accounts not saved (${accounts}):`, { list: payload.failedResources }] : []),
      'What to do: open the Log tab to see the error of each account. If the error mentions permissions or access denied, check that admin consent is still granted in the tenant setup. Then use "Run now" to run the job again; if the problem comes back, open a request in the Support tab.',
    ],
  };
}
