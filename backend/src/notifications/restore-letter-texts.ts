import { counted } from '../language/quantities.js';
import { defineTexts } from '../language/texts.js';

/** The words of the letters about a finished restore (completed or failed). */
export const restoreLetterTexts = defineTexts({
  completedSubject: (p: { failed: number }) =>
    p.failed > 0
      ? {
          it: `Ripristino terminato: ${counted(p.failed, ['elemento non ripristinato', 'elementi non ripristinati'], 'it')}`,
          en: `Restore finished: ${counted(p.failed, ['item', 'items'], 'en')} not restored`,
        }
      : { it: 'Ripristino completato', en: 'Restore completed' },
  completedIntro: (p: { when: string }) => ({
    it: `il ripristino terminato il ${p.when} è concluso.`,
    en: `the restore that ended on ${p.when} is done.`,
  }),
  restored: (p: { restored: number; verified: number }) => ({
    it: `${counted(p.restored, ['elemento ripristinato', 'elementi ripristinati'], 'it')}, di cui ${counted(p.verified, ['verificato rileggendolo', 'verificati rileggendoli'], 'it')} da Microsoft 365`,
    en: `${counted(p.restored, ['item', 'items'], 'en')} restored, ${p.verified} of them verified by reading them back from Microsoft 365`,
  }),
  skipped: (p: { skipped: number }) => ({
    it: counted(p.skipped, ['elemento saltato perché già presente', 'elementi saltati perché già presenti'], 'it'),
    en: `${counted(p.skipped, ['item skipped because it was', 'items skipped because they were'], 'en')} already there`,
  }),
  failed: (p: { failed: number }) => ({
    it: counted(p.failed, ['elemento non ripristinato', 'elementi non ripristinati'], 'it'),
    en: `${counted(p.failed, ['item', 'items'], 'en')} not restored`,
  }),
  mismatched: (p: { mismatched: number }) => ({
    it: `${counted(p.mismatched, ['elemento ripristinato diverso', 'elementi ripristinati diversi'], 'it')} dal backup`,
    en: `${counted(p.mismatched, ['restored item differs', 'restored items differ'], 'en')} from the backup`,
  }),
  whatToDoAfterFailures: {
    it: 'Cosa fare: il dettaglio del ripristino nel portale elenca gli elementi non riusciti con il motivo; puoi ripetere il ripristino per quegli elementi o esportarli. Se il problema si ripete, apri una richiesta nella scheda Support.',
    en: 'What to do: the restore details in the portal list the items that failed and why; you can restore those items again or export them. If the problem comes back, open a request in the Support tab.',
  },
  inPlace: {
    it: "Gli elementi sono già al loro posto: l'utente li troverà nella sua casella o nel suo OneDrive.",
    en: 'The items are already in place: the user will find them in their mailbox or OneDrive.',
  },
  failedSubject: { it: 'Ripristino non riuscito', en: 'Restore failed' },
  failedIntro: (p: { when: string; reason: string }) => ({
    it: `il ripristino terminato il ${p.when} non è riuscito: ${p.reason}.`,
    en: `the restore that ended on ${p.when} failed: ${p.reason}.`,
  }),
  whatToDoAfterFailure: {
    it: 'Cosa fare: controlla nel portale il dettaglio del ripristino, verifica che la destinazione esista ancora e riprova. Se il problema si ripete, apri una richiesta nella scheda Support.',
    en: 'What to do: check the restore details in the portal, make sure the destination still exists and try again. If the problem comes back, open a request in the Support tab.',
  },
});
