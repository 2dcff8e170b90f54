/** Who restores, exports and approves accounts' data, as the API allows it (backend/src/access/permissions.ts). */
const restorers: readonly string[] = ['tenant_admin', 'restore_operator'];

/** Restore, export and approvals: administrators and restore operators, never the operator (the guide's FAQ). */
export function mayRestore(role: string): boolean {
  return restorers.includes(role);
}

/** Every other section is for everyone signed in; Restore and Approvals only for the roles that may restore. */
export function sectionAllowed(section: string, role: string): boolean {
  return section === 'restore' || section === 'approvals' ? mayRestore(role) : true;
}

/** Deleting an account's backups (`items.delete_backup`): administrators only. */
export function mayDeleteBackups(role: string): boolean {
  return role === 'tenant_admin';
}
