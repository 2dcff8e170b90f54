import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the jobs card, and the run statuses other cards share. */
export const jobsTexts = defineTexts({
  title: { it: 'Job di backup', en: 'Backup jobs' },
  noJobs: {
    it: 'Non ci sono ancora job di backup: creane uno dal portale.',
    en: 'There are no backup jobs yet: create one in the portal.',
  },
  neverRun: { it: 'mai eseguito', en: 'never run' },
  dailyAt: { it: 'Ogni giorno alle', en: 'Daily at' },
  lastRun: { it: 'Ultima esecuzione', en: 'Last run' },
  status_queued: { it: 'in coda', en: 'queued' },
  status_running: { it: 'in corso', en: 'running' },
  status_succeeded: { it: 'completato', en: 'succeeded' },
  status_warning: { it: 'completato con avvisi', en: 'completed with warnings' },
  status_failed: { it: 'non riuscito', en: 'failed' },
});
