import type { Bilingual } from '../language/language.js';

/** Bump when the terms change: every portal user accepts the new version at their next sign-in. */
export const currentTermsVersion = '2025-04';

export const licenceTermsSummary: Bilingual = {
  it:
    'Custodia conserva una copia dei dati Microsoft 365 della tua organizzazione (posta, calendari, contatti, ' +
    'OneDrive, SharePoint e Teams) nella regione scelta al setup, per il periodo di conservazione acquistato. ' +
    'Le licenze si consumano per ogni account protetto e per lo spazio occupato; il superamento viene segnalato. ' +
    'Ogni operazione sul portale è registrata nel log attività (GDPR). I dati di backup di un account possono essere ' +
    'eliminati su richiesta dell’amministratore; la cancellazione è immediata e irreversibile.',
  en:
    'Custodia keeps a copy of your organisation’s Microsoft 365 data (mail, calendars, contacts, OneDrive, ' +
    'SharePoint and Teams) in the region chosen at setup, for the retention period purchased. Licences are ' +
    'consumed per protected account and per stored space; overruns are reported. Every action in the portal is ' +
    'recorded in the activity log (GDPR). An account’s backup data can be deleted at the administrator’s ' +
    'request; deletion is immediate and irreversible.',
};
