import type { Language } from '../language/language.js';
import type { DomainEvent } from '../events.js';
import { formatBytes, formatWhen, type LetterDraft } from './letter-layout.js';

export type RunEndEvent = DomainEvent<'run.completed' | 'run.warning' | 'run.failed'>;
export const runEndTypes = ['run.completed', 'run.warning', 'run.failed'] as const;

/** The runs that ended in the last 24 hours, counted by outcome and listed one line each. */
export function dailyDigestLetter(runs: readonly RunEndEvent[], until: Date, language: Language): LetterDraft {
  const it = language === 'it';
  const count = (type: RunEndEvent['type']) => runs.filter((run) => run.type === type).length;
  const [succeeded, warned, failed] = [count('run.completed'), count('run.warning'), count('run.failed')];
  const subject = it
    ? `Riepilogo backup delle ultime 24 ore: ${succeeded} riusciti, ${warned} con avvisi, ${failed} non riusciti`
    : `Backups of the last 24 hours: ${succeeded} succeeded, ${warned} with warnings, ${failed} failed`;
  if (runs.length === 0) {
    return {
      subject,
      blocks: [
        it
          ? `nessun job di backup è terminato nelle 24 ore fino al ${formatWhen(until, language)}.`
          : `no backup job ended in the 24 hours up to ${formatWhen(until, language)}.`,
        it
          ? "Se ti aspettavi un'esecuzione, controlla nella scheda Overview che il job esista e il suo orario giornaliero."
          : 'If you expected a run, check in the Overview tab that the job exists and at what time it runs each day.',
      ],
    };
  }
  return {
    subject,
    blocks: [
      it
        ? `ecco l'esito dei job di backup terminati nelle 24 ore fino al ${formatWhen(until, language)}:`
        : `here is the outcome of the backup jobs that ended in the 24 hours up to ${formatWhen(until, language)}:`,
      { list: runs.map((run) => runLine(run, language)) },
      ...(warned + failed > 0
        ? [
            it
              ? "Per i dettagli di ogni account apri la scheda Log; hai ricevuto un'e-mail per ogni job con avvisi o non riuscito se sei iscritto a quelle notifiche."
              : 'For the details of each account open the Log tab; you received an email for each job with warnings or failed if you subscribed to those notifications.',
          ]
        : []),
    ],
  };
}

function runLine(run: RunEndEvent, language: Language): string {
  const it = language === 'it';
  const when = formatWhen(run.createdAt, language);
  switch (run.type) {
    case 'run.completed': {
      const { jobName, items, bytes } = (run as DomainEvent<'run.completed'>).payload;
      const size = formatBytes(bytes, language);
      return it
        ? `"${jobName}", ${when}: riuscito, ${items} elementi salvati (${size})`
        : `"${jobName}", ${when}: succeeded, ${items} items saved (${size})`;
    }
    case 'run.warning': {
      const { jobName, warnings, failedResources } = (run as DomainEvent<'run.warning'>).payload;
      return it
        ? `"${jobName}", ${when}: ${warnings} avvisi, ${failedResources.length} account non salvati`
        : `"${jobName}", ${when}: ${warnings} warnings, ${failedResources.length} accounts not saved`;
    }
    case 'run.failed': {
      const { jobName, reason } = (run as DomainEvent<'run.failed'>).payload;
      return it ? `"${jobName}", ${when}: non riuscito (${reason})` : `"${jobName}", ${when}: failed (${reason})`;
    }
  }
}
