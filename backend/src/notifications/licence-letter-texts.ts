import { counted } from '../language/quantities.js';
import { defineTexts } from '../language/texts.js';

/** The words of the licence overrun letter. */
export const licenceLetterTexts = defineTexts({
  planLine: (p: { profile: string; years: number; used: number; seats: number }) => ({
    it: `Profilo ${p.profile}, conservazione ${counted(p.years, ['anno', 'anni'], 'it')}: ${counted(p.used, ['account protetto', 'account protetti'], 'it')}, ${counted(p.seats, ['licenza acquistata', 'licenze acquistate'], 'it')}.`,
    en: `Profile ${p.profile}, ${p.years}-year retention: ${counted(p.used, ['account', 'accounts'], 'en')} protected, ${counted(p.seats, ['licence', 'licences'], 'en')} bought.`,
  }),
  storageLine: (p: { used: string; bought: string }) => ({
    it: `Spazio: ${p.used} occupati, ${p.bought} acquistati.`,
    en: `Storage: ${p.used} used, ${p.bought} bought.`,
  }),
  subject: {
    it: 'Licenze superate: il backup protegge più di quanto acquistato',
    en: 'Licences exceeded: the backup protects more than was bought',
  },
  intro: {
    it: 'i job di backup del tuo tenant proteggono più di quanto previsto dalle licenze acquistate:',
    en: "your tenant's backup jobs protect more than the licences bought allow:",
  },
  whatToDo: { it: 'Cosa fare:', en: 'What to do:' },
});
