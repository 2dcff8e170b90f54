import type { Bilingual } from '../language/language.js';

/** What the customer guide's FAQ tells a customer to do when the licences are exceeded. */
export const overrunRemedies: readonly Bilingual[] = [
  {
    it: 'Se il job protegge l’intera organizzazione, sono incluse caselle o elementi non di interesse: modifica il job scegliendo i gruppi Microsoft da salvare.',
    en: 'If the job protects the whole organisation, it includes mailboxes or items you do not need: edit the job and choose the Microsoft groups to back up.',
  },
  {
    it: 'Verifica che il perimetro di backup sia effettivamente quello di interesse.',
    en: 'Check that the backup perimeter is really what you want to protect.',
  },
  {
    it: 'Le caselle di posta o lo spazio usato potrebbero essere aumentati: rivolgiti al tuo riferimento commerciale per acquistare ulteriore disponibilità.',
    en: 'Mailboxes or used space may have grown: contact your sales representative to buy more capacity.',
  },
];

/** The remedies as one paragraph in each language, for an error message. */
export const overrunRemediesText: Bilingual = {
  it: overrunRemedies.map((remedy) => remedy.it).join(' '),
  en: overrunRemedies.map((remedy) => remedy.en).join(' '),
};
