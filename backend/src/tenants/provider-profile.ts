export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** When the provider's phone line answers: a run of days, one opening time, in the provider's time zone. */
export interface SupportHours {
  readonly fromDay: Weekday;
  readonly toDay: Weekday;
  /** `HH:MM`, 24-hour clock. */
  readonly opens: string;
  readonly closes: string;
  /** An IANA time zone, e.g. `Europe/Rome`. */
  readonly timeZone: string;
}

/**
 * How a customer reaches the provider's support desk besides tickets: the phone line, its hours, and the PIN the
 * line asks for. The customer guide prints one PIN for the service ("numero verde …, pin …"), the same in every
 * edition and for every customer, so it is the provider's setting, not a per-tenant secret.
 */
export interface SupportContact {
  readonly phone: string;
  readonly hours: SupportHours;
  readonly pin: string;
}

/** The provider (the telco) that serves the customer tenants: who its operators are and where support mail goes. */
export interface ProviderProfile {
  /** The provider's own Entra directory: its operators sign in from there. */
  readonly tenantId: string;
  readonly name: string;
  /** Where new support tickets and customer comments are announced. */
  readonly supportEmail: string;
  /** The phone line, its hours and PIN, shown on the Support page and in the knowledge base. */
  readonly support: SupportContact;
  /**
   * The mailbox of the provider's directory that sends the provider's letters (welcome letters, support notices);
   * absent, they wait in the outbox and nothing tells anyone they are on their way.
   */
  readonly mailbox?: string;
}
