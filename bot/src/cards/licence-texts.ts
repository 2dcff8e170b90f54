import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the licence card. */
export const licenceTexts = defineTexts({
  years: (p: { years: number }) => ({
    it: `${p.years} ${p.years === 1 ? 'anno' : 'anni'}`,
    en: `${p.years} year${p.years === 1 ? '' : 's'}`,
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
