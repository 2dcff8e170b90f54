import { counted } from '@custodia/backend/language/quantities';
import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the licence card. */
export const licenceTexts = defineTexts({
  years: (p: { years: number }) => ({
    it: counted(p.years, ['anno', 'anni'], 'it'),
    en: counted(p.years, ['year', 'years'], 'en'),
  }),
  exceeded: { it: 'Licenze superate', en: 'Licences exceeded' },
  status: { it: 'Stato della licenza', en: 'Licence status' },
  overLimit: { it: ' (oltre il limite)', en: ' (over the limit)' },
  notBought: { it: '(non acquistata)', en: '(not bought)' },
  storage: { it: 'Spazio', en: 'Storage' },
  noLicence: { it: 'Nessuna licenza registrata per questo tenant.', en: 'No licence is recorded for this tenant.' },
  whatToDo: { it: 'Cosa puoi fare:', en: 'What you can do:' },
  openLicences: { it: 'Apri la pagina licenze', en: 'Open the licence page' },
});
