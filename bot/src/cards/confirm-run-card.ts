import type { Language } from '../language.js';
import { verbs } from '../verbs.js';
import type { AdaptiveCard } from './card-types.js';
import { adaptiveCard, execute, facts, paragraph, title } from './elements.js';

export interface ConfirmRunData {
  jobId: string;
  jobName: string;
  workloads: string[];
  scope: string;
  /** What the person typed, when the job was matched despite a typo. */
  typed?: string;
}

/** Asks before starting a backup: a run reads every protected account, so it should be meant. */
export function confirmRunCard(data: ConfirmRunData, language: Language): AdaptiveCard {
  const it = language === 'it';
  const body = [
    title(it ? `Avviare ora il job "${data.jobName}"?` : `Run the job "${data.jobName}" now?`),
    facts([
      [it ? 'Perimetro' : 'Scope', data.scope],
      ['Workload', data.workloads.join(', ')],
    ]),
  ];
  if (data.typed !== undefined) {
    body.push(
      paragraph(
        it
          ? `Hai scritto "${data.typed}": intendevi questo job?`
          : `You wrote "${data.typed}": is this the job you meant?`,
        {
          isSubtle: true,
        },
      ),
    );
  }
  return adaptiveCard(body, [
    execute(it ? 'Avvia' : 'Run', verbs.confirmRun, { jobId: data.jobId }, 'positive'),
    execute(it ? 'Annulla' : 'Cancel', verbs.cancelRun, { jobId: data.jobId }),
  ]);
}

/** What the confirmation becomes when the person changes their mind. */
export function cancelledRunCard(jobName: string, language: Language): AdaptiveCard {
  return adaptiveCard([
    paragraph(language === 'it' ? `Nessun backup avviato per "${jobName}".` : `No backup started for "${jobName}".`, {
      isSubtle: true,
    }),
  ]);
}
