import { defineTexts } from '@custodia/backend/language/texts';

/** The bot's refusals: the reader's portal role, and what it does not allow, phrased to follow "does not allow". */
export const refusalTexts = defineTexts({
  notOnboarded: {
    it: 'La tua organizzazione non è ancora attivata su Custodia: chiedi al tuo IT manager di completare il setup del tenant.',
    en: 'Your organisation is not set up in Custodia yet: ask your IT manager to complete the tenant setup.',
  },
  refused: (p: { role: string; what: string }) => ({
    it: `Mi dispiace, il tuo ruolo nel portale (${p.role}) non consente di ${p.what}. Chiedi a un amministratore del tenant se ti serve.`,
    en: `Sorry, your portal role (${p.role}) does not allow ${p.what}. Ask a tenant administrator if you need it.`,
  }),
  role_tenant_admin: { it: 'amministratore del tenant', en: 'tenant administrator' },
  role_operator: { it: 'operatore', en: 'operator' },
  role_viewer: { it: 'sola lettura', en: 'viewer' },
  role_restore_operator: { it: 'operatore di restore', en: 'restore operator' },
  role_self_service: { it: 'utente self-service', en: 'self-service user' },
  action_see_jobs: { it: 'vedere i job di backup', en: 'seeing the backup jobs' },
  action_run_jobs: { it: 'avviare i job di backup', en: 'running backup jobs' },
  action_mute_jobs: { it: 'silenziare gli avvisi dei job', en: 'muting job alerts' },
  action_see_licences: { it: 'vedere le licenze', en: 'seeing the licences' },
  action_decide_restores: { it: 'approvare o rifiutare i restore', en: 'approving or rejecting restores' },
});
