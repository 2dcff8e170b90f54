/** Who sees the restore pages, as the API allows them (backend/src/access/permissions.ts). */
const restoreRoles: Record<string, readonly string[]> = {
  restore: ['tenant_admin', 'operator', 'restore_operator'],
  approvals: ['tenant_admin', 'restore_operator'],
};

/** Every other section is for everyone signed in; Restore and Approvals only for the roles that may use them. */
export function sectionAllowed(section: string, role: string): boolean {
  return restoreRoles[section]?.includes(role) ?? true;
}
