/** The roles a portal user holds inside a customer tenant. */
export const portalRoles = ['tenant_admin', 'operator', 'viewer', 'restore_operator'] as const;
export type PortalRole = (typeof portalRoles)[number];

/** Every kind of person the API recognises, portal roles included. */
export const roles = [...portalRoles, 'self_service', 'provider_operator'] as const;
export type Role = (typeof roles)[number];

interface Person {
  /** Entra object id (`oid`) of the signed-in person. */
  readonly userId: string;
  readonly name: string;
  readonly email: string;
}

/** A person of an onboarded customer tenant: a portal user, or any other user (self-service). */
export interface TenantPrincipal extends Person {
  readonly kind: 'tenant';
  readonly tenantId: string;
  readonly role: PortalRole | 'self_service';
  /** The portal-user record behind the role, absent for self-service users. */
  readonly portalUserId: string | undefined;
  /** The licence terms version this portal user accepted, if any. */
  readonly termsVersion: string | undefined;
}

/** An operator of the provider (the telco): sees customers' status, never their data. */
export interface ProviderPrincipal extends Person {
  readonly kind: 'provider';
  readonly role: 'provider_operator';
  readonly providerTenantId: string;
}

export type Principal = TenantPrincipal | ProviderPrincipal;
