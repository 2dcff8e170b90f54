import { counted } from '@custodia/backend/language/quantities';
import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the restore cards: a finished restore, and the latest restores with their statuses. */
export const restoreTexts = defineTexts({
  completed: { it: 'Restore completato', en: 'Restore completed' },
  whereTo: (p: { where: string }) => ({ it: `Dove: ${p.where}`, en: `Where: ${p.where}` }),
  restored: { it: 'Ripristinati', en: 'Restored' },
  verified: { it: 'Verificati', en: 'Verified' },
  skipped: { it: 'Già presenti (saltati)', en: 'Already there (skipped)' },
  failed: { it: 'Non riusciti', en: 'Failed' },
  mismatched: (p: { count: number }) => ({
    it: `${counted(p.count, ['elemento ripristinato differisce', 'elementi ripristinati differiscono'], 'it')} dal backup: apri il dettaglio nel portale.`,
    en: `${counted(p.count, ['restored item differs', 'restored items differ'], 'en')} from the backup: open the details in the portal.`,
  }),
  latest: { it: 'Ultimi restore', en: 'Latest restores' },
  none: { it: 'Nessun restore finora.', en: 'No restores so far.' },
  requested: { it: 'Richiesto', en: 'Requested' },
  status: { it: 'Stato', en: 'Status' },
  where: { it: 'Dove', en: 'Where' },
  status_awaitingApproval: { it: 'in attesa di approvazione', en: 'awaiting approval' },
  status_rejected: { it: 'rifiutato', en: 'rejected' },
  status_queued: { it: 'in coda', en: 'queued' },
  status_running: { it: 'in corso', en: 'running' },
  status_completed: { it: 'completato', en: 'completed' },
  status_failed: { it: 'non riuscito', en: 'failed' },
});
