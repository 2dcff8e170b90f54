import { workloadList, type BackupWorkload } from '@custodia/backend/tenants/setup-services';
import type { Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard } from './card-types.js';
import { adaptiveCard, execute, facts, paragraph, title } from './elements.js';
import { confirmRunTexts } from './confirm-run-texts.js';

export interface ConfirmRunData {
  jobId: string;
  jobName: string;
  workloads: readonly BackupWorkload[];
  scope: string;
  /** What the person typed, when the job was matched despite a typo. */
  typed?: string;
}

/** Asks before starting a backup: a run reads every protected account, so it should be meant. */
export function confirmRunCard(data: ConfirmRunData, language: Language): AdaptiveCard {
  const t = confirmRunTexts.in(language);
  const body = [
    title(t.question({ jobName: data.jobName })),
    facts([
      [t.scope, data.scope],
      [t.workloads, workloadList(data.workloads)],
    ]),
  ];
  if (data.typed !== undefined) {
    body.push(paragraph(t.typedInstead({ typed: data.typed }), { isSubtle: true }));
  }
  return adaptiveCard(body, [
    execute(t.run, verbs.confirmRun, { jobId: data.jobId }, 'positive'),
    execute(t.cancel, verbs.cancelRun, { jobId: data.jobId }),
  ]);
}

/** What the confirmation becomes when the person changes their mind. */
export function cancelledRunCard(jobName: string, language: Language): AdaptiveCard {
  return adaptiveCard([paragraph(confirmRunTexts.text('cancelled', { jobName }, language), { isSubtle: true })]);
}
