import type { Language } from '../language.js';
import type { AdaptiveCard } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';
import { helpTexts } from './help-texts.js';

/** The commands the bot understands, in the reader's language. */
export function helpCard(language: Language, notice?: string): AdaptiveCard {
  const t = helpTexts.in(language);
  return adaptiveCard([
    title(t.title),
    ...(notice ? [paragraph(notice)] : []),
    facts([
      [t.help, t.helpDoes],
      [t.jobs, t.jobsDoes],
      [t.run, t.runDoes],
      [t.status, t.statusDoes],
      [t.licences, t.licencesDoes],
      [t.restores, t.restoresDoes],
    ]),
  ]);
}
