import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { PortalRole } from '../access/principal.js';

export type PortalUserStatus = 'invited' | 'active' | 'revoked';

/** A person invited to the management portal of one tenant. */
export interface PortalUser {
  tenantId: string;
  id: string;
  name: string;
  /** Lower case; the invitation matches the signed-in person by it until their object id is bound. */
  email: string;
  role: PortalRole;
  status: PortalUserStatus;
  /** Entra object id, bound at first sign-in. */
  userId?: string;
  invitedAt: Date;
  invitedBy: string;
  lastSignInAt?: Date;
  revokedAt?: Date;
  termsAccepted?: { version: string; at: Date };
}

export const portalUsers = defineTenantCollection<PortalUser>('portal_users', [
  { key: { tenantId: 1, email: 1 }, unique: true, name: 'tenant_email' },
  { key: { tenantId: 1, id: 1 }, unique: true, name: 'tenant_id' },
  { key: { tenantId: 1, name: 1, id: 1 }, name: 'tenant_name' },
]);

/** The active portal user a signed-in person is, by object id or (before first sign-in) by email. */
export function findActivePortalUser(
  db: Db,
  tenantId: string,
  userId: string,
  email: string,
): Promise<PortalUser | null> {
  return portalUsers
    .scoped(db)
    .findOne(
      tenantId,
      { status: { $ne: 'revoked' }, $or: [{ userId }, { email, userId: { $exists: false } }] },
      { projection: { _id: 0 } },
    );
}

/** The tenant's portal users who have not been revoked (invited or active). */
export function unrevokedPortalUsers(db: Db, tenantId: string): Promise<PortalUser[]> {
  return portalUsers
    .scoped(db)
    .find(tenantId, { status: { $ne: 'revoked' } }, { projection: { _id: 0 } })
    .toArray();
}

/** The tenant's portal user with this address (any status), the way the activity log names a person. */
export function portalUserByEmail(db: Db, tenantId: string, email: string): Promise<PortalUser | null> {
  return portalUsers.scoped(db).findOne(tenantId, { email: email.toLowerCase() }, { projection: { _id: 0 } });
}
