import type { Bilingual } from './language.js';

/**
 * Every error the API can answer, by stable code, in Italian and English. Codes never change
 * once published: clients (the tab, the bot, automation) branch on them.
 */
export const errorMessages = {
  invalid_request: {
    it: 'La richiesta non è valida: controlla i campi indicati nei dettagli.',
    en: 'The request is not valid: check the fields listed in the details.',
  },
  invalid_json: {
    it: 'Il corpo della richiesta non è un JSON valido.',
    en: 'The request body is not valid JSON.',
  },
  body_too_large: {
    it: 'Il corpo della richiesta è troppo grande.',
    en: 'The request body is too large.',
  },
  unsupported_media_type: {
    it: 'Il corpo della richiesta deve essere JSON (Content-Type: application/json).',
    en: 'The request body must be JSON (Content-Type: application/json).',
  },
  invalid_cursor: {
    it: 'Il cursore di paginazione non è valido: riparti dalla prima pagina.',
    en: 'The pagination cursor is not valid: start again from the first page.',
  },
  unauthenticated: {
    it: 'Accesso richiesto: invia un token di accesso Microsoft nell’intestazione Authorization.',
    en: 'Sign-in required: send a Microsoft access token in the Authorization header.',
  },
  token_expired: {
    it: 'La sessione è scaduta: accedi di nuovo.',
    en: 'Your session has expired: sign in again.',
  },
  token_invalid: {
    it: 'Il token di accesso non è valido per Custodia: accedi di nuovo dall’app.',
    en: 'The access token is not valid for Custodia: sign in again from the app.',
  },
  tenant_not_onboarded: {
    it: 'La tua organizzazione non è ancora abilitata al servizio: contatta il tuo IT Manager o il fornitore.',
    en: 'Your organisation is not enabled for the service yet: contact your IT manager or the provider.',
  },
  forbidden: {
    it: 'Non hai i permessi per questa operazione.',
    en: 'You do not have permission for this operation.',
  },
  terms_not_accepted: {
    it: 'Prima di continuare devi accettare i termini di licenza (versione {version}).',
    en: 'Before you continue you must accept the licence terms (version {version}).',
  },
  tenant_setup_incomplete: {
    it: 'Il tenant non è ancora impostato: completa il setup (mancano: {missing}).',
    en: 'The tenant is not set up yet: complete the setup (missing: {missing}).',
  },
  setup_already_confirmed: {
    it: 'Il setup del tenant è già confermato: la posizione dei dati non può più cambiare.',
    en: 'The tenant setup is already confirmed: the data location can no longer change.',
  },
  setup_not_ready: {
    it: 'Il setup non può essere confermato finché mancano: {missing}.',
    en: 'The setup cannot be confirmed while these are missing: {missing}.',
  },
  already_exists: {
    it: 'Esiste già: {what}.',
    en: 'It already exists: {what}.',
  },
  not_found: {
    it: 'Non trovato: {what}.',
    en: 'Not found: {what}.',
  },
  route_not_found: {
    it: 'Questo indirizzo non esiste nell’API di Custodia.',
    en: 'This address does not exist in the Custodia API.',
  },
  last_admin: {
    it: 'Non puoi revocare o declassare l’ultimo amministratore del tenant.',
    en: 'You cannot revoke or demote the last tenant administrator.',
  },
  consent_missing: {
    it: 'Il consenso amministratore non risulta concesso: segui il link di consenso con un account amministratore e riprova.',
    en: 'Admin consent has not been granted: follow the consent link with an administrator account and try again.',
  },
  internal_error: {
    it: 'Si è verificato un errore interno. Riprova; se si ripete, apri una segnalazione al supporto.',
    en: 'An internal error occurred. Try again; if it happens again, open a support ticket.',
  },
} as const satisfies Record<string, Bilingual>;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];
