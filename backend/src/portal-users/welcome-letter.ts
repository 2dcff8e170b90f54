import type { Language } from '../language/language.js';
import type { PortalRole } from '../access/principal.js';

export interface WelcomeLetterInput {
  readonly name: string;
  readonly role: PortalRole;
  readonly tenantName: string;
  readonly providerName: string;
  readonly portalUrl: string;
  readonly language: Language;
}

const roleNames: Record<PortalRole, Record<Language, string>> = {
  tenant_admin: { it: 'amministratore del tenant', en: 'tenant administrator' },
  operator: { it: 'operatore', en: 'operator' },
  viewer: { it: 'sola lettura', en: 'viewer' },
  restore_operator: { it: 'operatore di restore', en: 'restore operator' },
};

const signupUrl = 'https://signup.live.com/signup';

/** The welcome letter: how to open the portal, sign in with Microsoft, and what to do first. */
export function composeWelcomeLetter(input: WelcomeLetterInput): { subject: string; text: string; html: string } {
  const role = roleNames[input.role][input.language];
  const adminFirstSteps = input.role === 'tenant_admin';
  const lines =
    input.language === 'it'
      ? [
          `Gentile ${input.name},`,
          `sei stato abilitato al portale di ${input.providerName} Backup Office 365 per ${input.tenantName} con il ruolo di ${role}.`,
          `Per accedere apri Custodia in Microsoft Teams o in Outlook, oppure visita ${input.portalUrl}, e accedi con il tuo account Microsoft.`,
          `Se il tuo indirizzo e-mail non è collegato a un account Microsoft, collegalo o creane uno gratuitamente su ${signupUrl}.`,
          'Al primo accesso ti verrà chiesto di accettare i termini di licenza.',
          ...(adminFirstSteps
            ? [
                'Come IT Manager, imposta il tenant (posizione dei dati, servizi da proteggere, consenso amministratore), poi crea il primo job di backup.',
              ]
            : []),
          'Conserva questa lettera: contiene il link di accesso al servizio.',
        ]
      : [
          `Dear ${input.name},`,
          `you now have access to the ${input.providerName} Backup Office 365 portal for ${input.tenantName} as ${role}.`,
          `To sign in, open Custodia in Microsoft Teams or Outlook, or visit ${input.portalUrl}, and sign in with your Microsoft account.`,
          `If your email address is not connected to a Microsoft account, connect it or create one for free at ${signupUrl}.`,
          'At your first sign-in you will be asked to accept the licence terms.',
          ...(adminFirstSteps
            ? [
                'As IT manager, set up the tenant (data location, services to protect, admin consent), then create your first backup job.',
              ]
            : []),
          'Keep this letter: it holds the link to the service.',
        ];
  const subject =
    input.language === 'it'
      ? `Benvenuto in ${input.providerName} Backup Office 365`
      : `Welcome to ${input.providerName} Backup Office 365`;
  return {
    subject,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
