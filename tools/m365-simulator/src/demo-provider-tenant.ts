import type { TenantDefinition } from './model/definition.js';

const DOMAIN = 'telcoservizi.onmicrosoft.com';

/**
 * The provider of the demo (the telco that sells the backup service): its own directory, with the support operator who
 * works every customer's tickets and the mailbox its letters go out from, served beside the demo customer
 * (`moreTenants`). Its app registration is the provider's own, as a provider sends its letters with its own.
 */
export function demoProviderTenant(): TenantDefinition {
  return {
    tenantId: '7e1c2a90-5b3d-4c1e-9f2a-0d4b6c8e1a22',
    displayName: 'Telco Servizi S.p.A.',
    domain: DOMAIN,
    app: {
      clientId: '3b9f6d2e-8a41-4c7b-b5e0-91d2c4f7a613',
      clientSecret: 'demo~Fornitore.Custodia-2026',
      displayName: 'Custodia (provider)',
    },
    users: [
      {
        userPrincipalName: `serena.galli@${DOMAIN}`,
        displayName: 'Serena Galli',
        givenName: 'Serena',
        surname: 'Galli',
        jobTitle: 'Assistenza clienti Backup Office 365',
        department: 'Assistenza',
        preferredLanguage: 'it-IT',
        mailbox: { folders: [] },
      },
      {
        userPrincipalName: `backup.office365@${DOMAIN}`,
        displayName: 'Backup Office 365',
        preferredLanguage: 'it-IT',
        mailbox: { folders: [] },
      },
    ],
  };
}
