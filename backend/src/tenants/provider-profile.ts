import type { SupportContact } from '../support/support-contact.js';

/** The provider (the telco) that serves the customer tenants: who its operators are and where support mail goes. */
export interface ProviderProfile {
  /** The provider's own Entra directory: its operators sign in from there. */
  readonly tenantId: string;
  readonly name: string;
  /** Where new support tickets and customer comments are announced. */
  readonly supportEmail: string;
  /** The phone line, its hours and PIN, shown on the Support page and in the knowledge base. */
  readonly support: SupportContact;
}
