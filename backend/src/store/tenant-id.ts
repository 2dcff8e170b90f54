import { StoreError } from './errors.js';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Tenant ids become path components of the store, so only a safe alphabet is accepted (see FORMAT.md). */
export function assertTenantId(tenantId: string): void {
  if (!TENANT_ID.test(tenantId)) {
    throw new StoreError('invalid-tenant', {
      en: `"${tenantId}" is not a valid tenant id for the content store (letters, digits, '.', '_' and '-' only)`,
      it: `"${tenantId}" non è un identificativo di tenant valido per l'archivio (solo lettere, cifre, '.', '_' e '-')`,
    });
  }
}
