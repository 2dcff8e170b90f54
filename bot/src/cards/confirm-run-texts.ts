import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the run confirmation card and of what it becomes when cancelled. */
export const confirmRunTexts = defineTexts({
  question: (p: { jobName: string }) => ({
    it: `Avviare ora il job "${p.jobName}"?`,
    en: `Run the job "${p.jobName}" now?`,
  }),
  scope: { it: 'Perimetro', en: 'Scope' },
  workloads: { it: 'Servizi', en: 'Services' },
  typedInstead: (p: { typed: string }) => ({
    it: `Hai scritto "${p.typed}": intendevi questo job?`,
    en: `You wrote "${p.typed}": is this the job you meant?`,
  }),
  run: { it: 'Avvia', en: 'Run' },
  cancel: { it: 'Annulla', en: 'Cancel' },
  cancelled: (p: { jobName: string }) => ({
    it: `Nessun backup avviato per "${p.jobName}".`,
    en: `No backup started for "${p.jobName}".`,
  }),
});
