import { errorTexts } from '@custodia/backend/http/messages';
import type { SetupStep } from '@custodia/backend/tenants/setup-status';
import { missingStepsInWords } from '@custodia/backend/tenants/setup-step-texts';
import type { Language } from './language.js';
import type { BotPerson } from './people.js';
import { refusalTexts } from './refusal-texts.js';

/** What a refused person may not do, phrased to follow "your role does not allow …". */
export type RefusedAction = 'see_jobs' | 'run_jobs' | 'mute_jobs' | 'see_licences' | 'decide_restores';

/** A polite refusal that says why and who can help. */
export function refusal(person: BotPerson, action: RefusedAction): string {
  const language: Language = person.language;
  if (person.role === null) return refusalTexts.text('notOnboarded', {}, language);
  const role = refusalTexts.text(`role_${person.role}`, {}, language);
  const what = refusalTexts.text(`action_${action}`, {}, language);
  return refusalTexts.text('refused', { role, what }, language);
}

/** "Run now" before the tenant setup is finished: the sentence the API answers with, in the person's language. */
export function setupIncomplete(person: BotPerson, missing: readonly SetupStep[]): string {
  return errorTexts.text('tenant_setup_incomplete', missingStepsInWords(missing), person.language);
}
