import type { Db } from 'mongodb';
import { isGranted } from '@custodia/backend/access/permissions';
import { unrevokedPortalUsers } from '@custodia/backend/portal-users/portal-user-store';
import { conversationsOfTenant, type StoredConversation } from './conversation-store.js';

/**
 * The personal chats of the tenant's portal users who may decide on restores (`approvals.manage`: tenant
 * administrators and restore operators), matched by object id or, before their first portal sign-in, by email.
 */
export async function approverConversations(db: Db, tenantId: string): Promise<StoredConversation[]> {
  const users = await unrevokedPortalUsers(db, tenantId);
  const approvers = users.filter((user) => isGranted(user.role, 'approvals.manage'));
  const objectIds = new Set(approvers.flatMap((user) => (user.userId === undefined ? [] : [user.userId])));
  const emails = new Set(approvers.filter((user) => user.userId === undefined).map((user) => user.email));
  return (await conversationsOfTenant(db, tenantId)).filter(
    (c) =>
      c.scope === 'personal' &&
      ((c.userAadObjectId !== undefined && objectIds.has(c.userAadObjectId)) ||
        (c.userEmail !== undefined && emails.has(c.userEmail.toLowerCase()))),
  );
}

/** The personal chats of the person who asked for a restore. */
export async function requesterConversations(
  db: Db,
  tenantId: string,
  requesterObjectId: string,
): Promise<StoredConversation[]> {
  return (await conversationsOfTenant(db, tenantId)).filter(
    (c) => c.scope === 'personal' && c.userAadObjectId === requesterObjectId,
  );
}
