import type { RunStatus } from '@custodia/backend/backup/index';
import type { Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard, CardAction } from './card-types.js';
import { adaptiveCard, execute, facts, openUrl, paragraph, readableBytes, title } from './elements.js';

export interface ResourceFailure {
  resource: string;
  /** Why, in the words of the job log. */
  reason: string;
}

/** One run of a job as a card shows it: from queued to its end. */
export interface RunCardData {
  jobId: string;
  jobName: string;
  runId: string;
  status: RunStatus;
  resourcesTotal: number;
  resourcesDone: number;
  resourcesFailed: number;
  items: number;
  bytes: number;
  warnings: number;
  failures: ResourceFailure[];
  /** Why the run as a whole could not proceed, when it could not. */
  reason: string | null;
  logUrl: string;
  /** The reader may run jobs and mute their alerts: the buttons they would be refused are not shown otherwise. */
  canManage: boolean;
  mutedToday: boolean;
  /** A sentence for the reader about what just happened (a refusal, a confirmation). */
  notice?: string;
}

const headings: Record<RunStatus, { it: string; en: string; color: 'Default' | 'Good' | 'Warning' | 'Attention' }> = {
  queued: { it: 'Backup in coda', en: 'Backup queued', color: 'Default' },
  running: { it: 'Backup in corso', en: 'Backup running', color: 'Default' },
  succeeded: { it: 'Backup completato', en: 'Backup completed', color: 'Good' },
  warning: { it: 'Backup completato con avvisi', en: 'Backup completed with warnings', color: 'Warning' },
  failed: { it: 'Backup non riuscito', en: 'Backup failed', color: 'Attention' },
};

/** A run's card: progress while it runs, the failures and what to do about them when it ends badly. */
export function runCard(data: RunCardData, language: Language): AdaptiveCard {
  const it = language === 'it';
  const heading = headings[data.status];
  const body = [
    title(`${heading[language]}: ${data.jobName}`, heading.color),
    facts([
      [it ? 'Account' : 'Accounts', `${data.resourcesDone + data.resourcesFailed} / ${data.resourcesTotal}`],
      [it ? 'Non riusciti' : 'Failed', String(data.resourcesFailed)],
      [it ? 'Elementi' : 'Items', String(data.items)],
      [it ? 'Dati' : 'Data', readableBytes(data.bytes)],
      [it ? 'Avvisi' : 'Warnings', String(data.warnings)],
    ]),
  ];
  if (data.reason !== null) body.push(paragraph(data.reason, { color: heading.color }));
  if (data.failures.length > 0) {
    body.push(paragraph(it ? 'Cosa non è stato salvato e perché:' : 'What was not backed up and why:'));
    body.push(facts(data.failures.slice(0, 10).map((failure) => [failure.resource, failure.reason])));
    if (data.failures.length > 10) {
      body.push(
        paragraph(
          it
            ? `… e altri ${data.failures.length - 10}: vedi il log.`
            : `… and ${data.failures.length - 10} more: see the log.`,
          { isSubtle: true },
        ),
      );
    }
  }
  if (data.mutedToday) {
    body.push(
      paragraph(it ? 'Avvisi di questo job silenziati per oggi.' : 'Alerts of this job are muted for today.', {
        isSubtle: true,
      }),
    );
  }
  if (data.notice) body.push(paragraph(data.notice, { color: 'Accent' }));
  return adaptiveCard(body, runActions(data, language));
}

function runActions(data: RunCardData, language: Language): CardAction[] {
  const it = language === 'it';
  const ids = { jobId: data.jobId, runId: data.runId };
  const ended = data.status === 'failed' || data.status === 'warning';
  const actions: CardAction[] = [];
  if (ended && data.canManage)
    actions.push(execute(it ? 'Esegui di nuovo' : 'Run again', verbs.runAgain, ids, 'positive'));
  actions.push(openUrl(it ? 'Vedi log' : 'View log', data.logUrl));
  if (ended && data.canManage && !data.mutedToday) {
    actions.push(execute(it ? 'Silenzia questo job per oggi' : 'Mute this job for today', verbs.muteJob, ids));
  }
  if (!ended && data.status !== 'succeeded') actions.push(execute(it ? 'Aggiorna' : 'Refresh', verbs.refreshRun, ids));
  return actions;
}

/** The alert as posted to a conversation: every reader's view is refreshed from their own role. */
export function alertCard(data: RunCardData, language: Language): AdaptiveCard {
  return {
    ...runCard(data, language),
    refresh: { action: execute('refresh', verbs.refreshRun, { jobId: data.jobId, runId: data.runId }) },
  };
}
