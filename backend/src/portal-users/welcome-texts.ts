import { defineTexts } from '../language/texts.js';

/** The words of the welcome letter a new portal user receives. */
export const welcomeTexts = defineTexts({
  subject: (p: { providerName: string }) => ({
    it: `Benvenuto in ${p.providerName} Backup Office 365`,
    en: `Welcome to ${p.providerName} Backup Office 365`,
  }),
  greeting: (p: { name: string }) => ({ it: `Gentile ${p.name},`, en: `Dear ${p.name},` }),
  access: (p: { providerName: string; tenantName: string; role: string }) => ({
    it: `sei stato abilitato al portale di ${p.providerName} Backup Office 365 per ${p.tenantName} con il ruolo di ${p.role}.`,
    en: `you now have access to the ${p.providerName} Backup Office 365 portal for ${p.tenantName} as ${p.role}.`,
  }),
  signIn: (p: { portalUrl: string }) => ({
    it: `Per accedere apri Custodia in Microsoft Teams o in Outlook, oppure visita ${p.portalUrl} e premi «Accedi con Microsoft».`,
    en: `To sign in, open Custodia in Microsoft Teams or Outlook, or visit ${p.portalUrl} and press “Sign in with Microsoft”.`,
  }),
  workAccount: (p: { tenantName: string }) => ({
    it: `Accedi con il tuo account aziendale di ${p.tenantName}, quello che usi per Teams e Outlook: gli account Microsoft personali (outlook.com, hotmail.com, live.com) non sono accettati.`,
    en: `Sign in with your ${p.tenantName} work account, the one you use for Teams and Outlook: personal Microsoft accounts (outlook.com, hotmail.com, live.com) are not accepted.`,
  }),
  terms: {
    it: 'Al primo accesso ti verrà chiesto di accettare i termini di licenza.',
    en: 'At your first sign-in you will be asked to accept the licence terms.',
  },
  adminFirstSteps: {
    it: 'Come IT Manager, imposta il tenant (posizione dei dati, servizi da proteggere, consenso amministratore), poi crea il primo job di backup.',
    en: 'As IT manager, set up the tenant (data location, services to protect, admin consent), then create your first backup job.',
  },
  keep: {
    it: 'Conserva questa lettera: contiene il link di accesso al servizio.',
    en: 'Keep this letter: it holds the link to the service.',
  },
  role_tenant_admin: { it: 'amministratore del tenant', en: 'tenant administrator' },
  role_operator: { it: 'operatore', en: 'operator' },
  role_viewer: { it: 'sola lettura', en: 'viewer' },
  role_restore_operator: { it: 'operatore di restore', en: 'restore operator' },
});
