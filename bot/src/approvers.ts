import { isGranted } from '@custodia/backend/access/permissions';
import type { StoredConversation } from './conversation-store.js';
import type { BotServices } from './services.js';

type ConversationReads = Pick<BotServices, 'product' | 'stores'>;

/**
 * The personal chats of the tenant's portal users who may decide on restores (`approvals.manage`: tenant
 * administrators and restore operators), matched by object id or, before their first portal sign-in, by email.
 */
export async function approverConversations(
  services: ConversationReads,
  tenantId: string,
): Promise<StoredConversation[]> {
  const users = await services.product.unrevokedPortalUsers(tenantId);
  const approvers = users.filter((user) => isGranted(user.role, 'approvals.manage'));
  const objectIds = new Set(approvers.flatMap((user) => (user.userId === undefined ? [] : [user.userId])));
  const emails = new Set(approvers.filter((user) => user.userId === undefined).map((user) => user.email));
  return (await services.stores.conversations.ofTenant(tenantId)).filter(
    (c) =>
      c.scope === 'personal' &&
      ((c.userAadObjectId !== undefined && objectIds.has(c.userAadObjectId)) ||
        (c.userEmail !== undefined && emails.has(c.userEmail.toLowerCase()))),
  );
}

/** The personal chats of the person who asked for a restore. */
export async function requesterConversations(
  services: ConversationReads,
  tenantId: string,
  requesterObjectId: string,
): Promise<StoredConversation[]> {
  return (await services.stores.conversations.ofTenant(tenantId)).filter(
    (c) => c.scope === 'personal' && c.userAadObjectId === requesterObjectId,
  );
}
