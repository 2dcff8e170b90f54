import { defineTexts } from '@custodia/backend/language/texts';

/** The bot's sentences when a card button is pressed (the run card's own words are in `cards/run-texts.ts`). */
export const actionTexts = defineTexts({
  staleButton: { it: 'Questo pulsante non è più valido.', en: 'This button is no longer valid.' },
  jobGone: { it: 'Questo job non esiste più.', en: 'This job no longer exists.' },
  runNotFound: { it: 'Esecuzione non trovata.', en: 'Run not found.' },
  mutedUntilMidnight: {
    it: 'Fino a mezzanotte non riceverai altri avvisi di questo job qui.',
    en: 'No more alerts of this job here until midnight.',
  },
});
