import type { RestoreStatus } from '@custodia/backend/restore-model/model';
import type { Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';

export interface RestoreOutcome {
  restored: number;
  skipped: number;
  failed: number;
  verified: number;
  mismatched: number;
  /** Where the items went, in plain words. */
  where: string;
}

/** Tells a self-service user their restore finished: what came back and where to find it. */
export function restoreCompletedCard(data: RestoreOutcome, language: Language): AdaptiveCard {
  const it = language === 'it';
  const body: CardElement[] = [
    title(it ? 'Restore completato' : 'Restore completed', data.failed > 0 ? 'Warning' : 'Good'),
    paragraph(it ? `Dove: ${data.where}` : `Where: ${data.where}`),
    facts([
      [it ? 'Ripristinati' : 'Restored', String(data.restored)],
      [it ? 'Verificati' : 'Verified', String(data.verified)],
      [it ? 'Già presenti (saltati)' : 'Already there (skipped)', String(data.skipped)],
      [it ? 'Non riusciti' : 'Failed', String(data.failed)],
    ]),
  ];
  if (data.mismatched > 0) {
    body.push(
      paragraph(
        it
          ? `${data.mismatched} elementi ripristinati differiscono dal backup: apri il dettaglio nel portale.`
          : `${data.mismatched} restored items differ from the backup: open the details in the portal.`,
        { color: 'Warning' },
      ),
    );
  }
  return adaptiveCard(body);
}

export interface RestoreSummary {
  requestedAt: string;
  status: RestoreStatus;
  restored: number;
  total: number;
  where: string;
}

const statusWords: Record<RestoreStatus, { it: string; en: string }> = {
  awaitingApproval: { it: 'in attesa di approvazione', en: 'awaiting approval' },
  rejected: { it: 'rifiutato', en: 'rejected' },
  queued: { it: 'in coda', en: 'queued' },
  running: { it: 'in corso', en: 'running' },
  completed: { it: 'completato', en: 'completed' },
  failed: { it: 'non riuscito', en: 'failed' },
};

/** The latest restores the reader may see. */
export function restoresCard(restores: readonly RestoreSummary[], language: Language): AdaptiveCard {
  const it = language === 'it';
  const body: CardElement[] = [title(it ? 'Ultimi restore' : 'Latest restores')];
  if (restores.length === 0) body.push(paragraph(it ? 'Nessun restore finora.' : 'No restores so far.'));
  for (const restore of restores) {
    body.push(
      facts([
        [it ? 'Richiesto' : 'Requested', restore.requestedAt],
        [it ? 'Stato' : 'Status', statusWords[restore.status][language]],
        [it ? 'Ripristinati' : 'Restored', `${restore.restored} / ${restore.total}`],
        [it ? 'Dove' : 'Where', restore.where],
      ]),
    );
  }
  return adaptiveCard(body);
}
