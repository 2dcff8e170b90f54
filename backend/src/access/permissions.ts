import type { Role } from './principal.js';

/**
 * What each role may do. Routes name one permission; the authorization matrix test reads the
 * route table and checks every route against every role.
 */
const grants = {
  'self.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator', 'self_service', 'provider_operator'],
  'self.sign_in': ['tenant_admin', 'operator', 'viewer', 'restore_operator', 'self_service', 'provider_operator'],
  'terms.accept': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'knowledge.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator', 'self_service', 'provider_operator'],
  'tenant.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'tenant.setup': ['tenant_admin'],
  'settings.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'settings.manage': ['tenant_admin'],
  'portal_users.read': ['tenant_admin', 'operator', 'viewer'],
  'portal_users.manage': ['tenant_admin'],
  'notifications.read': ['tenant_admin', 'operator', 'viewer'],
  'notifications.manage': ['tenant_admin'],
  'activity.read': ['tenant_admin', 'operator', 'viewer'],
  'activity.verify': ['tenant_admin'],
  'support.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'support.write': ['tenant_admin', 'operator', 'restore_operator'],
  'jobs.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'jobs.manage': ['tenant_admin', 'operator'],
  'items.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'items.delete_backup': ['tenant_admin'],
  'licence.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  // Restoring, exporting and approving restores of accounts' data: administrators and restore operators only.
  // The operator (the role an invitation proposes) creates and runs jobs but does not restore as an
  // administrator; like every person of the tenant, they restore their own data through `self.restore`.
  'backups.browse': ['tenant_admin', 'restore_operator'],
  'restores.read': ['tenant_admin', 'operator', 'viewer', 'restore_operator'],
  'restores.manage': ['tenant_admin', 'restore_operator'],
  'approvals.manage': ['tenant_admin', 'restore_operator'],
  'self.restore': ['tenant_admin', 'operator', 'viewer', 'restore_operator', 'self_service'],
  'provider.licences.manage': ['provider_operator'],
  'provider.tenants.read': ['provider_operator'],
  'provider.tenants.onboard': ['provider_operator'],
  'provider.support': ['provider_operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissions = Object.keys(grants) as Permission[];

export function isGranted(role: Role, permission: Permission): boolean {
  return (grants[permission] as readonly Role[]).includes(role);
}

/** The permissions over other accounts' backed-up data: refused with their own explanation, not a bare "forbidden". */
const restorePermissions: readonly Permission[] = ['backups.browse', 'restores.manage', 'approvals.manage'];

export function isRestorePermission(permission: Permission): boolean {
  return restorePermissions.includes(permission);
}

/** Permissions that only a tenant's own people hold, so the handler may rely on a tenant. */
export function isTenantPermission(permission: Permission): boolean {
  return !isGranted('provider_operator', permission);
}
