import type { RunStatus } from '@custodia/backend/backup/index';
import type { Bilingual, Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard, CardAction } from './card-types.js';
import { formatBytes, formatNumber } from '@custodia/backend/language/quantities';
import { adaptiveCard, execute, facts, openUrl, paragraph, title } from './elements.js';
import { runTexts } from './run-texts.js';

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
  /** Why the run as a whole could not proceed, when it could not, in both languages. */
  reason: Bilingual | null;
  logUrl: string;
  /** The reader may run jobs and mute their alerts: the buttons they would be refused are not shown otherwise. */
  canManage: boolean;
  mutedToday: boolean;
  /** A sentence for the reader about what just happened (a refusal, a confirmation). */
  notice?: string;
}

const headingColors: Record<RunStatus, 'Default' | 'Good' | 'Warning' | 'Attention'> = {
  queued: 'Default',
  running: 'Default',
  succeeded: 'Good',
  warning: 'Warning',
  failed: 'Attention',
};

/** A run's card: progress while it runs, the failures and what to do about them when it ends badly. */
export function runCard(data: RunCardData, language: Language): AdaptiveCard {
  const t = runTexts.in(language);
  const color = headingColors[data.status];
  const body = [
    title(`${runTexts.text(`heading_${data.status}`, {}, language)}: ${data.jobName}`, color),
    facts([
      [t.accounts, `${data.resourcesDone + data.resourcesFailed} / ${data.resourcesTotal}`],
      [t.failed, formatNumber(data.resourcesFailed, language)],
      [t.items, formatNumber(data.items, language)],
      [t.data, formatBytes(data.bytes, language)],
      [t.warnings, formatNumber(data.warnings, language)],
    ]),
  ];
  if (data.reason !== null) body.push(paragraph(data.reason[language], { color }));
  if (data.failures.length > 0) {
    body.push(paragraph(t.whatFailed));
    body.push(facts(data.failures.slice(0, 10).map((failure) => [failure.resource, failure.reason])));
    if (data.failures.length > 10) {
      body.push(paragraph(t.moreFailures({ more: data.failures.length - 10 }), { isSubtle: true }));
    }
  }
  if (data.mutedToday) {
    body.push(paragraph(t.mutedToday, { isSubtle: true }));
  }
  if (data.notice) body.push(paragraph(data.notice, { color: 'Accent' }));
  return adaptiveCard(body, runActions(data, language));
}

function runActions(data: RunCardData, language: Language): CardAction[] {
  const t = runTexts.in(language);
  const ids = { jobId: data.jobId, runId: data.runId };
  const ended = data.status === 'failed' || data.status === 'warning';
  const actions: CardAction[] = [];
  if (ended && data.canManage) actions.push(execute(t.runAgain, verbs.runAgain, ids, 'positive'));
  actions.push(openUrl(t.viewLog, data.logUrl));
  if (ended && data.canManage && !data.mutedToday) {
    actions.push(execute(t.muteToday, verbs.muteJob, ids));
  }
  if (!ended && data.status !== 'succeeded') actions.push(execute(t.refresh, verbs.refreshRun, ids));
  return actions;
}

/** The alert as posted to a conversation: every reader's view is refreshed from their own role. */
export function alertCard(data: RunCardData, language: Language): AdaptiveCard {
  return {
    ...runCard(data, language),
    refresh: { action: execute('refresh', verbs.refreshRun, { jobId: data.jobId, runId: data.runId }) },
  };
}
