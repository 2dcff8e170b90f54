import type { Db } from 'mongodb';
import { portalUsers } from './portal-user-store.js';

/** An invited person's first sign-in: from now on they are recognised by object id, not email. */
export async function bindFirstSignIn(
  db: Db,
  tenantId: string,
  portalUserId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await portalUsers
    .scoped(db)
    .updateOne(tenantId, { id: portalUserId }, { $set: { userId, status: 'active', lastSignInAt: at } });
}

/** The portal user opened the portal (the portal users list shows when they last did). */
export async function recordSignIn(db: Db, tenantId: string, portalUserId: string, at: Date): Promise<void> {
  await portalUsers.scoped(db).updateOne(tenantId, { id: portalUserId }, { $set: { lastSignInAt: at } });
}
