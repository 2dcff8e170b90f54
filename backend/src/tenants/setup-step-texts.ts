import type { Bilingual } from '../language/language.js';
import { defineTexts } from '../language/texts.js';
import type { SetupStep } from './setup-status.js';

/** Each setup step named as the portal's Tenant setup page names it (without its number). */
const setupStepTexts = defineTexts({
  data_location: { it: 'Dove salvare i dati di backup', en: 'Where backup data is kept' },
  workloads: { it: 'Servizi da proteggere', en: 'Services to protect' },
  admin_consent: { it: 'Autorizzazioni Microsoft 365', en: 'Microsoft 365 permissions' },
  confirmation: { it: 'Conferma', en: 'Confirmation' },
} satisfies Record<SetupStep, Bilingual>);

/** The steps still missing, as a refusal lists them to a person: their names in quotes, and how many there are. */
export function missingStepsInWords(steps: readonly SetupStep[]): { missing: Bilingual; count: number } {
  const names = steps.map((step) => setupStepTexts.bilingual(step, {}));
  return {
    missing: {
      it: names.map((name) => `«${name.it}»`).join(', '),
      en: names.map((name) => `“${name.en}”`).join(', '),
    },
    count: steps.length,
  };
}
