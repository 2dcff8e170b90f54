import { errorTexts } from '@custodia/backend/http/messages';
import type { SetupStep } from '@custodia/backend/tenants/setup-status';
import type { Bilingual, Language } from './language.js';
import type { BotPerson } from './people.js';

const roleNames: Record<NonNullable<BotPerson['role']>, Bilingual> = {
  tenant_admin: { it: 'amministratore del tenant', en: 'tenant administrator' },
  operator: { it: 'operatore', en: 'operator' },
  viewer: { it: 'sola lettura', en: 'viewer' },
  restore_operator: { it: 'operatore di restore', en: 'restore operator' },
  self_service: { it: 'utente self-service', en: 'self-service user' },
};

/** What a refused person may not do, phrased to follow "your role does not allow …". */
export type RefusedAction = 'see_jobs' | 'run_jobs' | 'mute_jobs' | 'see_licences' | 'decide_restores';

const actions: Record<RefusedAction, Bilingual> = {
  see_jobs: { it: 'vedere i job di backup', en: 'seeing the backup jobs' },
  run_jobs: { it: 'avviare i job di backup', en: 'running backup jobs' },
  mute_jobs: { it: 'silenziare gli avvisi dei job', en: 'muting job alerts' },
  see_licences: { it: 'vedere le licenze', en: 'seeing the licences' },
  decide_restores: { it: 'approvare o rifiutare i restore', en: 'approving or rejecting restores' },
};

/** A polite refusal that says why and who can help. */
export function refusal(person: BotPerson, action: RefusedAction): string {
  const language: Language = person.language;
  if (person.role === null) {
    return language === 'it'
      ? 'La tua organizzazione non è ancora attivata su Custodia: chiedi al tuo IT manager di completare il setup del tenant.'
      : 'Your organisation is not set up in Custodia yet: ask your IT manager to complete the tenant setup.';
  }
  const role = roleNames[person.role][language];
  const what = actions[action][language];
  return language === 'it'
    ? `Mi dispiace, il tuo ruolo nel portale (${role}) non consente di ${what}. Chiedi a un amministratore del tenant se ti serve.`
    : `Sorry, your portal role (${role}) does not allow ${what}. Ask a tenant administrator if you need it.`;
}

/** "Run now" before the tenant setup is finished: the sentence the API answers with, in the person's language. */
export function setupIncomplete(person: BotPerson, missing: readonly SetupStep[]): string {
  return errorTexts.text('tenant_setup_incomplete', { missing: missing.join(', ') }, person.language);
}
