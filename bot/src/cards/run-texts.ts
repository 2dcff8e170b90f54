import { defineTexts } from '@custodia/backend/language/texts';

/** The words of a run's card: its heading by status, its figures, its failures and its buttons. */
export const runTexts = defineTexts({
  heading_queued: { it: 'Backup in coda', en: 'Backup queued' },
  heading_running: { it: 'Backup in corso', en: 'Backup running' },
  heading_succeeded: { it: 'Backup completato', en: 'Backup completed' },
  heading_warning: { it: 'Backup completato con avvisi', en: 'Backup completed with warnings' },
  heading_failed: { it: 'Backup non riuscito', en: 'Backup failed' },
  accounts: { it: 'Account', en: 'Accounts' },
  failed: { it: 'Non riusciti', en: 'Failed' },
  items: { it: 'Elementi', en: 'Items' },
  data: { it: 'Dati', en: 'Data' },
  warnings: { it: 'Avvisi', en: 'Warnings' },
  whatFailed: { it: 'Cosa non è stato salvato e perché:', en: 'What was not backed up and why:' },
  moreFailures: (p: { more: number }) => ({
    it: `… e altri ${p.more}: vedi il log.`,
    en: `… and ${p.more} more: see the log.`,
  }),
  mutedToday: { it: 'Avvisi di questo job silenziati per oggi.', en: 'Alerts of this job are muted for today.' },
  // The portal's name for the same button (teams-app/test/portal-names.test.ts holds them together).
  runAgain: { it: 'Avvia il job', en: 'Run this job' },
  viewLog: { it: 'Vedi log', en: 'View log' },
  muteToday: { it: 'Silenzia questo job per oggi', en: 'Mute this job for today' },
  refresh: { it: 'Aggiorna', en: 'Refresh' },
});
