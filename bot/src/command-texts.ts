import { counted } from '@custodia/backend/language/quantities';
import { defineTexts } from '@custodia/backend/language/texts';

/** The bot's answers to chat commands that are sentences rather than cards. */
export const commandTexts = defineTexts({
  notUnderstood: (p: { text: string }) => ({
    it: `Non ho capito "${p.text}".`,
    en: `I did not understand "${p.text}".`,
  }),
  whichJob: (p: { typed: string; names: string }) => ({
    it: `"${p.typed}" può essere ${p.names}: quale intendi?`,
    en: `"${p.typed}" could be ${p.names}: which one?`,
  }),
  noJobs: { it: 'non ci sono job.', en: 'there are no jobs.' },
  jobsAre: (p: { names: string }) => ({ it: `i job sono ${p.names}.`, en: `the jobs are ${p.names}.` }),
  jobNotFound: (p: { typed: string; known: string }) => ({
    it: `Non trovo un job chiamato "${p.typed}": ${p.known}`,
    en: `I cannot find a job called "${p.typed}": ${p.known}`,
  }),
  wholeOrganisation: { it: 'tutta l’organizzazione', en: 'the whole organisation' },
  groups: (p: { count: number }) => ({
    it: counted(p.count, ['gruppo', 'gruppi'], 'it'),
    en: counted(p.count, ['group', 'groups'], 'en'),
  }),
  neverRun: (p: { name: string }) => ({
    it: `Il job "${p.name}" non è mai stato eseguito.`,
    en: `The job "${p.name}" has never run.`,
  }),
  noLicence: {
    it: 'Per questo tenant non è ancora registrata una licenza: il tuo fornitore la inserisce all’attivazione.',
    en: 'No licence is recorded for this tenant yet: your provider enters it at activation.',
  },
  accountUnknown: {
    it: 'Non riesco a riconoscere il tuo account Microsoft: apri la scheda Ripristino del portale.',
    en: 'I cannot recognise your Microsoft account: open the Restore tab of the portal.',
  },
});
