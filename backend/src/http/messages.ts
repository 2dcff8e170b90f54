import type { Bilingual } from '../language/language.js';
import { counted, formatBytes } from '../language/quantities.js';
import { defineTexts } from '../language/texts.js';

/**
 * Every error the API can answer, by stable code, in Italian and English. Codes never change
 * once published: clients (the tab, the bot, automation) branch on them.
 */
export const errorTexts = defineTexts({
  invalid_request: {
    it: 'La richiesta non è valida: controlla i campi indicati nei dettagli.',
    en: 'The request is not valid: check the fields listed in the details.',
  },
  invalid_json: {
    it: 'Il corpo della richiesta non è un JSON valido.',
    en: 'The request body is not valid JSON.',
  },
  body_too_large: (p: { limit: string }) => ({
    it: `Il corpo della richiesta è troppo grande: questo indirizzo accetta al massimo ${p.limit}.`,
    en: `The request body is too large: this address accepts at most ${p.limit}.`,
  }),
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
  restore_not_permitted: {
    it: 'Il restore, l’export e l’approvazione dei restore dei dati degli account spettano agli amministratori del tenant e agli operatori di restore: il tuo ruolo non li permette. I tuoi dati puoi ripristinarli da «I miei backup».',
    en: 'Restoring and exporting accounts’ data, and approving restores, is for tenant administrators and restore operators: your role does not allow it. You can restore your own data from “My backups”.',
  },
  terms_not_accepted: (p: { version: string }) => ({
    it: `Prima di continuare devi accettare i termini di licenza (versione ${p.version}).`,
    en: `Before you continue you must accept the licence terms (version ${p.version}).`,
  }),
  tenant_setup_incomplete: (p: { missing: Bilingual; count: number }) => ({
    it: `Il tenant non è ancora impostato: completa il Setup del tenant (${p.count === 1 ? 'manca' : 'mancano'}: ${p.missing.it}).`,
    en: `The tenant is not set up yet: complete Tenant setup (missing: ${p.missing.en}).`,
  }),
  setup_already_confirmed: {
    it: 'Il setup del tenant è già confermato: la posizione dei dati non può più cambiare.',
    en: 'The tenant setup is already confirmed: the data location can no longer change.',
  },
  data_location_unavailable: (p: { location: Bilingual; offered: Bilingual }) => ({
    it: `I dati non possono essere salvati in ${p.location.it}: per questa posizione il fornitore non ha configurato un archivio. Posizioni disponibili: ${p.offered.it}.`,
    en: `Data cannot be kept in ${p.location.en}: the provider has configured no store for this location. Available locations: ${p.offered.en}.`,
  }),
  setup_not_ready: (p: { missing: Bilingual; count: number }) => ({
    it: `Il setup non può essere confermato finché ${p.count === 1 ? 'manca' : 'mancano'}: ${p.missing.it}.`,
    en: `The setup cannot be confirmed while ${p.count === 1 ? 'this is' : 'these are'} missing: ${p.missing.en}.`,
  }),
  already_exists: (p: { what: string }) => ({
    it: `Esiste già: ${p.what}.`,
    en: `It already exists: ${p.what}.`,
  }),
  not_found: (p: { what: string }) => ({
    it: `Non trovato: ${p.what}.`,
    en: `Not found: ${p.what}.`,
  }),
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
  graph_consent_missing: {
    it: 'Microsoft 365 non concede a Custodia l’accesso a questa organizzazione: il consenso amministratore manca o è stato revocato. Un amministratore deve concederlo di nuovo dal link di consenso nel setup.',
    en: 'Microsoft 365 does not give Custodia access to this organisation: the admin consent is missing or was revoked. An administrator must grant it again from the consent link in the setup.',
  },
  backup_unavailable: {
    it: 'Il motore di backup non è disponibile in questo momento. Riprova tra poco.',
    en: 'The backup engine is not available right now. Try again shortly.',
  },
  confirmation_mismatch: (p: { expected: string }) => ({
    it: `Conferma non valida: per procedere scrivi esattamente «${p.expected}».`,
    en: `Confirmation does not match: to proceed type exactly “${p.expected}”.`,
  }),
  group_not_found: (p: { groupId: string }) => ({
    it: `Il gruppo ${p.groupId} non esiste in Microsoft 365: crealo o sceglilo dal portale Microsoft 365 e riprova.`,
    en: `The group ${p.groupId} does not exist in Microsoft 365: create or pick it in the Microsoft 365 portal and try again.`,
  }),
  group_listed_twice: (p: { groupId: string }) => ({
    it: `Il gruppo ${p.groupId} è scelto più di una volta: ogni gruppo va indicato una sola volta, con il suo profilo.`,
    en: `The group ${p.groupId} is chosen more than once: list each group once, with its profile.`,
  }),
  group_profile_without_group: (p: { groupId: string }) => ({
    it: `È indicato un profilo per il gruppo ${p.groupId}, che non è tra i gruppi del job: aggiungi il gruppo o togli il suo profilo.`,
    en: `A profile is given for the group ${p.groupId}, which is not among the job’s groups: add the group or remove its profile.`,
  }),
  licence_missing: {
    it: 'Per questo tenant non risultano licenze acquistate: rivolgiti al tuo riferimento commerciale.',
    en: 'No licences have been bought for this tenant: contact your sales representative.',
  },
  licence_plan_missing: (p: { profile: string; years: number }) => ({
    it: `Non hai licenze per il profilo ${p.profile} con conservazione di ${counted(p.years, ['anno', 'anni'], 'it')}: scegli un profilo e una conservazione acquistati.`,
    en: `You have no licences for the ${p.profile} profile with ${p.years}-year retention: choose a profile and retention you bought.`,
  }),
  workloads_not_in_setup: (p: { workloads: string }) => ({
    it: `Questi servizi non sono tra quelli scelti nel Setup del tenant: ${p.workloads}. Toglili dal job, oppure chiedi a un amministratore di aggiungerli nel Setup del tenant.`,
    en: `These services are not among those chosen in Tenant setup: ${p.workloads}. Remove them from the job, or ask an administrator to add them in Tenant setup.`,
  }),
  licence_workloads_not_included: (p: { profile: string; years: number; workloads: string }) => ({
    it: `Il profilo ${p.profile} (${counted(p.years, ['anno', 'anni'], 'it')}) non comprende: ${p.workloads}. Togli questi servizi dal job o acquista un profilo che li includa.`,
    en: `The ${p.profile} profile (${counted(p.years, ['year', 'years'], 'en')}) does not include: ${p.workloads}. Remove them from the job or buy a profile that includes them.`,
  }),
  licence_seats_exceeded: (p: { needed: number; profile: string; years: number; seats: number }) => ({
    it: `Il job proteggerebbe ${counted(p.needed, ['utente', 'utenti'], 'it')} con il profilo ${p.profile} (${counted(p.years, ['anno', 'anni'], 'it')}), ma hai ${counted(p.seats, ['licenza', 'licenze'], 'it')}: limita il job ai gruppi da salvare o acquista altre licenze.`,
    en: `The job would protect ${counted(p.needed, ['person', 'people'], 'en')} under the ${p.profile} profile (${counted(p.years, ['year', 'years'], 'en')}), but you have ${counted(p.seats, ['licence', 'licences'], 'en')}: narrow the job to the groups to back up or buy more licences.`,
  }),
  licence_storage_exceeded: (p: { usedBytes: number; purchasedBytes: number; remedies: Bilingual }) => ({
    it: `Lo spazio acquistato è esaurito (${formatBytes(p.usedBytes, 'it')} usati di ${formatBytes(p.purchasedBytes, 'it')}): non puoi creare nuovi job, ma puoi sempre modificare quelli esistenti per ridurre ciò che coprono. ${p.remedies.it}`,
    en: `The storage you bought is used up (${formatBytes(p.usedBytes, 'en')} used of ${formatBytes(p.purchasedBytes, 'en')}): you cannot create new jobs, but you can always edit existing ones to cover less. ${p.remedies.en}`,
  }),
  licence_overrun_growth: (p: {
    usedBytes: number;
    purchasedBytes: number;
    growth: Bilingual;
    remedies: Bilingual;
  }) => ({
    it: `Lo spazio acquistato è esaurito (${formatBytes(p.usedBytes, 'it')} usati di ${formatBytes(p.purchasedBytes, 'it')}): questa modifica aumenterebbe l’uso delle licenze (${p.growth.it}) e non è permessa; le modifiche che riducono ciò che il job copre lo sono sempre. ${p.remedies.it}`,
    en: `The storage you bought is used up (${formatBytes(p.usedBytes, 'en')} used of ${formatBytes(p.purchasedBytes, 'en')}): this change would use more of your licences (${p.growth.en}) and is not allowed; changes that make the job cover less always are. ${p.remedies.en}`,
  }),
  resource_busy: {
    it: 'Un backup di questo account è in corso: riprova quando sarà terminato.',
    en: 'A backup of this account is running: try again when it has finished.',
  },
  point_in_time_ambiguous: {
    it: 'Indica il momento da ripristinare con «at» oppure con «asOfRun», non con entrambi.',
    en: 'Give the point in time to restore either as “at” or as “asOfRun”, not both.',
  },
  run_not_restorable: {
    it: 'Questa esecuzione non si è conclusa: scegli un’esecuzione terminata o un istante preciso.',
    en: 'This run did not finish: choose a finished run or an exact instant.',
  },
  selection_empty: {
    it: 'La selezione non contiene elementi salvati da ripristinare o esportare: controlla la data scelta e la ricerca.',
    en: 'The selection holds no backed-up items to restore or export: check the chosen date and the search.',
  },
  selection_too_large: (p: { count: number; limit: number }) => ({
    it: `La selezione contiene ${counted(p.count, ['elemento', 'elementi'], 'it')}, più di ${p.limit} in una richiesta: dividila o ripristina l’intero account.`,
    en: `The selection holds ${counted(p.count, ['item', 'items'], 'en')}, more than ${p.limit} in one request: split it or restore the whole account.`,
  }),
  self_service_disabled: {
    it: 'Il ripristino self-service è disattivato per la tua organizzazione: chiedi all’amministratore di ripristinare i dati o di attivarlo nelle impostazioni.',
    en: 'Self-service restore is turned off for your organisation: ask your administrator to restore the data or to turn it on in the settings.',
  },
  not_yours: {
    it: 'Puoi vedere e ripristinare solo la tua casella di posta e il tuo OneDrive.',
    en: 'You can see and restore only your own mailbox and OneDrive.',
  },
  delegated_access_failed: {
    it: 'Microsoft 365 non ha confermato il tuo accesso a questi dati: accedi di nuovo a Teams o Outlook; se si ripete, chiedi all’amministratore di concedere il consenso alle autorizzazioni delegate di Custodia.',
    en: 'Microsoft 365 did not confirm your access to this data: sign in to Teams or Outlook again; if it happens again, ask your administrator to consent to Custodia’s delegated permissions.',
  },
  restore_not_awaiting_approval: {
    it: 'Questo ripristino non è in attesa di approvazione (è già stato approvato, rifiutato o non ne aveva bisogno).',
    en: 'This restore is not awaiting approval (it was already approved, rejected, or never needed it).',
  },
  restore_unavailable: {
    it: 'Il servizio di ripristino non è disponibile in questo momento. Riprova tra poco.',
    en: 'The restore service is not available right now. Try again shortly.',
  },
  download_expired: {
    it: 'Il link di download non è valido o è scaduto: richiedi di nuovo l’esportazione dal portale.',
    en: 'The download link is not valid or has expired: request the export again from the portal.',
  },
  database_unavailable: {
    it: 'Il database non ha risposto in tempo: riprova fra qualche istante. Se succede ancora, avvisa il fornitore del servizio.',
    en: 'The database did not answer in time: try again in a moment. If it keeps happening, tell your service provider.',
  },
  internal_error: {
    it: 'Si è verificato un errore interno. Riprova; se si ripete, apri una segnalazione al supporto.',
    en: 'An internal error occurred. Try again; if it happens again, open a support ticket.',
  },
});

export type ErrorCode = keyof typeof errorTexts.table;
export const errorCodes = Object.keys(errorTexts.table) as ErrorCode[];
