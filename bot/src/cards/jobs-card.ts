import type { RunStatus } from '@custodia/backend/backup/index';
import { localeOf, type Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';
import { jobsTexts } from './jobs-texts.js';

export interface JobSummary {
  name: string;
  dailyTime: string;
  timeZone: string;
  lastRun: { status: RunStatus; at: Date } | null;
}

export function statusWord(status: RunStatus, language: Language): string {
  return jobsTexts.text(`status_${status}`, {}, language);
}

/** The tenant's backup jobs with their schedule and how their last run went. */
export function jobsCard(jobs: readonly JobSummary[], language: Language): AdaptiveCard {
  const t = jobsTexts.in(language);
  const body: CardElement[] = [title(t.title)];
  if (jobs.length === 0) body.push(paragraph(t.noJobs));
  for (const job of jobs) {
    const last = job.lastRun
      ? `${statusWord(job.lastRun.status, language)} (${formatTime(job.lastRun.at, job.timeZone, language)})`
      : t.neverRun;
    body.push(
      facts([
        ['Job', job.name],
        [t.dailyAt, `${job.dailyTime} (${job.timeZone})`],
        [t.lastRun, last],
      ]),
    );
  }
  return adaptiveCard(body);
}

export function formatTime(at: Date, timeZone: string, language: Language): string {
  return at.toLocaleString(localeOf(language), { timeZone, dateStyle: 'short', timeStyle: 'short' });
}
