import type { ActivityListQuery } from '../api/generated.js';

/** The actions and categories the API's activity filters accept: generated from the backend's one list. */
export type ActivityAction = NonNullable<ActivityListQuery['action']>;
export type ActivityCategory = NonNullable<ActivityListQuery['category']>;

type ActionKey<A extends string> = A extends `${infer C}.${infer V}` ? `activityAction_${C}_${V}` : never;

/** The activity log's words for each action and category, in English and Italian (merged into `messages.ts`). */
type ActivityWords = Record<ActionKey<ActivityAction> | `activityCategory_${ActivityCategory}`, string>;

export const en = {
  activityCategory_session: 'Sign-ins',
  activityCategory_terms: 'Licence terms',
  activityCategory_tenant: 'Tenant setup',
  activityCategory_licence: 'Licences',
  activityCategory_portal_user: 'Portal users',
  activityCategory_notification_recipient: 'Notification recipients',
  activityCategory_settings: 'Settings',
  activityCategory_support_ticket: 'Support tickets',
  activityCategory_backup_job: 'Backup jobs',
  activityCategory_backup_data: 'Deleted backups',
  activityCategory_restore: 'Restores',
  activityCategory_export: 'Exports',
  activityCategory_retention: 'Retention',
  activityAction_session_signed_in: 'Signed in to the portal',
  activityAction_terms_accepted: 'Licence terms accepted',
  activityAction_tenant_onboarded: 'Tenant activated',
  activityAction_tenant_data_location_set: 'Data location chosen',
  activityAction_tenant_workloads_set: 'Services to protect chosen',
  activityAction_tenant_admin_consent_verified: 'Administrator consent verified',
  activityAction_tenant_setup_confirmed: 'Setup confirmed',
  activityAction_licence_updated: 'Licences changed',
  activityAction_portal_user_invited: 'Portal user invited',
  activityAction_portal_user_changed: 'Portal user changed',
  activityAction_portal_user_revoked: 'Portal user’s access revoked',
  activityAction_notification_recipient_added: 'Notification recipient added',
  activityAction_notification_recipient_changed: 'Notification recipient changed',
  activityAction_notification_recipient_removed: 'Notification recipient removed',
  activityAction_settings_changed: 'Settings changed',
  activityAction_support_ticket_opened: 'Support ticket opened',
  activityAction_support_ticket_commented: 'Comment added to a ticket',
  activityAction_support_ticket_answered: 'Ticket answered by support',
  activityAction_support_ticket_status_changed: 'Ticket status changed',
  activityAction_backup_job_created: 'Backup job created',
  activityAction_backup_job_updated: 'Backup job changed',
  activityAction_backup_job_deleted: 'Backup job deleted',
  activityAction_backup_job_run_requested: 'Backup job started on request',
  activityAction_backup_data_deleted: 'Backup of an account deleted',
  activityAction_restore_requested: 'Restore requested',
  activityAction_restore_self_service_requested: 'Self-service restore requested',
  activityAction_restore_approved: 'Restore approved',
  activityAction_restore_rejected: 'Restore rejected',
  activityAction_export_requested: 'Export requested',
  activityAction_export_downloaded: 'Export downloaded',
  activityAction_retention_swept: 'Expired backups removed',
} satisfies ActivityWords;

export const it: typeof en = {
  activityCategory_session: 'Accessi',
  activityCategory_terms: 'Condizioni di licenza',
  activityCategory_tenant: 'Configurazione del tenant',
  activityCategory_licence: 'Licenze',
  activityCategory_portal_user: 'Utenti del portale',
  activityCategory_notification_recipient: 'Destinatari delle notifiche',
  activityCategory_settings: 'Impostazioni',
  activityCategory_support_ticket: 'Ticket di assistenza',
  activityCategory_backup_job: 'Job di backup',
  activityCategory_backup_data: 'Backup cancellati',
  activityCategory_restore: 'Ripristini',
  activityCategory_export: 'Esportazioni',
  activityCategory_retention: 'Conservazione',
  activityAction_session_signed_in: 'Accesso al portale',
  activityAction_terms_accepted: 'Condizioni di licenza accettate',
  activityAction_tenant_onboarded: 'Tenant attivato',
  activityAction_tenant_data_location_set: 'Posizione dei dati scelta',
  activityAction_tenant_workloads_set: 'Servizi da proteggere scelti',
  activityAction_tenant_admin_consent_verified: 'Consenso dell’amministratore verificato',
  activityAction_tenant_setup_confirmed: 'Configurazione confermata',
  activityAction_licence_updated: 'Licenze modificate',
  activityAction_portal_user_invited: 'Utente del portale invitato',
  activityAction_portal_user_changed: 'Utente del portale modificato',
  activityAction_portal_user_revoked: 'Accesso dell’utente del portale revocato',
  activityAction_notification_recipient_added: 'Destinatario delle notifiche aggiunto',
  activityAction_notification_recipient_changed: 'Destinatario delle notifiche modificato',
  activityAction_notification_recipient_removed: 'Destinatario delle notifiche rimosso',
  activityAction_settings_changed: 'Impostazioni modificate',
  activityAction_support_ticket_opened: 'Ticket di assistenza aperto',
  activityAction_support_ticket_commented: 'Commento aggiunto a un ticket',
  activityAction_support_ticket_answered: 'Risposta dell’assistenza a un ticket',
  activityAction_support_ticket_status_changed: 'Stato del ticket cambiato',
  activityAction_backup_job_created: 'Job di backup creato',
  activityAction_backup_job_updated: 'Job di backup modificato',
  activityAction_backup_job_deleted: 'Job di backup cancellato',
  activityAction_backup_job_run_requested: 'Job di backup avviato su richiesta',
  activityAction_backup_data_deleted: 'Backup di un account cancellato',
  activityAction_restore_requested: 'Ripristino richiesto',
  activityAction_restore_self_service_requested: 'Ripristino self-service richiesto',
  activityAction_restore_approved: 'Ripristino approvato',
  activityAction_restore_rejected: 'Ripristino rifiutato',
  activityAction_export_requested: 'Esportazione richiesta',
  activityAction_export_downloaded: 'Esportazione scaricata',
  activityAction_retention_swept: 'Backup scaduti rimossi',
};

/** The categories in the order the filter offers them. */
export const activityCategories = Object.keys(en)
  .filter((key) => key.startsWith('activityCategory_'))
  .map((key) => key.slice('activityCategory_'.length) as ActivityCategory);
