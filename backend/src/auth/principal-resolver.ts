import type { Db } from 'mongodb';
import { ApiError } from '../http/api-error.js';
import { findActivePortalUser } from '../portal-users/portal-user-store.js';
import { bindFirstSignIn } from '../portal-users/sign-ins.js';
import { findTenant } from '../tenants/tenant-store.js';
import type { Principal } from '../access/principal.js';
import { isProviderOperator } from './provider-operators.js';
import type { VerifiedIdentity } from './token-verifier.js';

/**
 * Maps a verified person to who they are for Custodia: a provider operator (people of the
 * provider's own directory on its list), a portal user of an onboarded tenant with their role,
 * or any other user of an onboarded tenant (self-service). A tenant that was never onboarded
 * gets nothing.
 */
export async function resolvePrincipal(
  db: Db,
  identity: VerifiedIdentity,
  providerTenantId: string,
  now: Date,
): Promise<Principal> {
  const person = { userId: identity.userId, name: identity.name, email: identity.email };
  if (identity.tenantId === providerTenantId) {
    if (!(await isProviderOperator(db, providerTenantId, identity.email))) throw new ApiError(403, 'forbidden');
    return { kind: 'provider', role: 'provider_operator', providerTenantId, ...person };
  }
  const tenant = await findTenant(db, identity.tenantId);
  if (!tenant) throw new ApiError(403, 'tenant_not_onboarded');
  const portalUser = await findActivePortalUser(db, tenant.tenantId, identity.userId, identity.email);
  if (!portalUser) {
    return {
      kind: 'tenant',
      tenantId: tenant.tenantId,
      role: 'self_service',
      portalUserId: undefined,
      termsVersion: undefined,
      ...person,
    };
  }
  if (portalUser.userId === undefined) {
    await bindFirstSignIn(db, tenant.tenantId, portalUser.id, identity.userId, now);
  }
  return {
    kind: 'tenant',
    tenantId: tenant.tenantId,
    role: portalUser.role,
    portalUserId: portalUser.id,
    termsVersion: portalUser.termsAccepted?.version,
    ...person,
  };
}
