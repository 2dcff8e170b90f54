import type { Language } from '../language/language.js';
import type { DomainEventPayloads } from '../events.js';
import type { LetterDraft } from './letter-layout.js';

export function restoreCompletedLetter(
  payload: DomainEventPayloads['restore.completed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  const { restored, skipped, failed, verified, mismatched } = payload;
  if (language === 'it') {
    return {
      subject: failed > 0 ? `Ripristino terminato: ${failed} elementi non ripristinati` : 'Ripristino completato',
      blocks: [
        `il ripristino terminato il ${when} è concluso.`,
        {
          list: [
            `${restored} elementi ripristinati, di cui ${verified} verificati rileggendoli da Microsoft 365`,
            `${skipped} elementi saltati perché già presenti`,
            `${failed} elementi non ripristinati`,
            ...(mismatched > 0 ? [`${mismatched} elementi ripristinati diversi dal backup`] : []),
          ],
        },
        failed > 0 || mismatched > 0
          ? 'Cosa fare: il dettaglio del ripristino nel portale elenca gli elementi non riusciti con il motivo; puoi ripetere il ripristino per quegli elementi o esportarli. Se il problema si ripete, apri una richiesta nella scheda Support.'
          : "Gli elementi sono già al loro posto: l'utente li troverà nella sua casella o nel suo OneDrive.",
      ],
    };
  }
  return {
    subject: failed > 0 ? `Restore finished: ${failed} items not restored` : 'Restore completed',
    blocks: [
      `the restore that ended on ${when} is done.`,
      {
        list: [
          `${restored} items restored, ${verified} of them verified by reading them back from Microsoft 365`,
          `${skipped} items skipped because they were already there`,
          `${failed} items not restored`,
          ...(mismatched > 0 ? [`${mismatched} restored items differ from the backup`] : []),
        ],
      },
      failed > 0 || mismatched > 0
        ? 'What to do: the restore details in the portal list the items that failed and why; you can restore those items again or export them. If the problem comes back, open a request in the Support tab.'
        : 'The items are already in place: the user will find them in their mailbox or OneDrive.',
    ],
  };
}

export function restoreFailedLetter(
  payload: DomainEventPayloads['restore.failed'],
  /** When it ended, as the reader's language writes it. */
  when: string,
  language: Language,
): LetterDraft {
  if (language === 'it') {
    return {
      subject: 'Ripristino non riuscito',
      blocks: [
        `il ripristino terminato il ${when} non è riuscito: ${payload.reason}.`,
        'Cosa fare: controlla nel portale il dettaglio del ripristino, verifica che la destinazione esista ancora e riprova. Se il problema si ripete, apri una richiesta nella scheda Support.',
      ],
    };
  }
  return {
    subject: 'Restore failed',
    blocks: [
      `the restore that ended on ${when} failed: ${payload.reason}.`,
      'What to do: check the restore details in the portal, make sure the destination still exists and try again. If the problem comes back, open a request in the Support tab.',
    ],
  };
}
