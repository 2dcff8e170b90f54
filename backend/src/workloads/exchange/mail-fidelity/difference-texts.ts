import { defineTexts } from '../../../language/texts.js';

/** How a difference's values are shown after what differs (the phrases themselves are in `difference-phrases.ts`). */
export const differenceTexts = defineTexts({
  both: (p: { expected: string; actual: string }) => ({
    it: `atteso «${p.expected}», trovato «${p.actual}»`,
    en: `expected “${p.expected}”, found “${p.actual}”`,
  }),
  expectedOnly: (p: { expected: string }) => ({ it: `era «${p.expected}»`, en: `was “${p.expected}”` }),
  actualOnly: (p: { actual: string }) => ({ it: `ora «${p.actual}»`, en: `now “${p.actual}”` }),
});
