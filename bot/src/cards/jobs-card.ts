import type { RunStatus } from '@custodia/backend/backup/index';
import type { Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';

export interface JobSummary {
  name: string;
  dailyTime: string;
  timeZone: string;
  lastRun: { status: RunStatus; at: Date } | null;
}

const statusWords: Record<RunStatus, { it: string; en: string }> = {
  queued: { it: 'in coda', en: 'queued' },
  running: { it: 'in corso', en: 'running' },
  succeeded: { it: 'completato', en: 'succeeded' },
  warning: { it: 'completato con avvisi', en: 'completed with warnings' },
  failed: { it: 'non riuscito', en: 'failed' },
};

export function statusWord(status: RunStatus, language: Language): string {
  return statusWords[status][language];
}

/** The tenant's backup jobs with their schedule and how their last run went. */
export function jobsCard(jobs: readonly JobSummary[], language: Language): AdaptiveCard {
  const it = language === 'it';
  const body: CardElement[] = [title(it ? 'Job di backup' : 'Backup jobs')];
  if (jobs.length === 0) {
    body.push(
      paragraph(
        it
          ? 'Non ci sono ancora job di backup: creane uno dal portale.'
          : 'There are no backup jobs yet: create one in the portal.',
      ),
    );
  }
  for (const job of jobs) {
    const last = job.lastRun
      ? `${statusWord(job.lastRun.status, language)} (${formatTime(job.lastRun.at, job.timeZone, language)})`
      : it
        ? 'mai eseguito'
        : 'never run';
    body.push(
      facts([
        ['Job', job.name],
        [it ? 'Ogni giorno alle' : 'Daily at', `${job.dailyTime} (${job.timeZone})`],
        [it ? 'Ultima esecuzione' : 'Last run', last],
      ]),
    );
  }
  return adaptiveCard(body);
}

export function formatTime(at: Date, timeZone: string, language: Language): string {
  return at.toLocaleString(language === 'it' ? 'it-IT' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' });
}
