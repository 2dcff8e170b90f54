import { defineTexts } from '@custodia/backend/language/texts';

/** The bot's sentences about deciding a restore from Teams (the cards' own words are in `cards/approval-texts.ts`). */
export const approvalActionTexts = defineTexts({
  mail: { it: 'Posta', en: 'Mail' },
  alreadyDecided: { it: 'Questo restore era già stato deciso.', en: 'This restore was already decided.' },
  decidingNow: {
    it: 'Un altro approvatore sta decidendo proprio ora: la scheda mostrerà la sua decisione.',
    en: 'Another approver is deciding right now: the card will show their decision.',
  },
  gone: { it: 'Questo restore non esiste più.', en: 'This restore no longer exists.' },
  unavailable: {
    it: 'Da qui non posso decidere sui restore: decidi dal portale.',
    en: 'I cannot decide on restores from here: decide in the portal.',
  },
});
