import { guidFrom } from '../util/ids.js';
import type { Tenant } from './tenant.js';
import type { UserRecord } from './records.js';

/**
 * Mailbox ids of the mailbox import/export API. Graph's are opaque strings such as `MBX:e0643f21@a7809c93` or
 * `MBX:5ffdc069-c31e-43fa-9542-eaf862ce18c0@601eaae7-815e-4d2e-9e48-109351d094ab`
 * (https://learn.microsoft.com/graph/api/usersettings-list-exchange, /graph/handle-archive-mailbox-redirects); the
 * simulator's have the long form, a GUID derived from the user and the tenant id, so they are stable across starts.
 * Clients must not build them: they come from `GET /users/{id}/settings/exchange`.
 */
export function primaryMailboxIdOf(tenant: Tenant, user: UserRecord): string {
  return `MBX:${guidFrom(tenant.id, 'primaryMailbox', user.id)}@${tenant.id}`;
}

const byTenant = new WeakMap<Tenant, Map<string, UserRecord>>();

/** The user whose primary mailbox has this id (ids compare without case, as GUIDs do). */
export function userOfMailbox(tenant: Tenant, mailboxId: string): UserRecord | undefined {
  let index = byTenant.get(tenant);
  if (!index) {
    index = new Map(tenant.users.map((user) => [primaryMailboxIdOf(tenant, user).toLowerCase(), user]));
    byTenant.set(tenant, index);
  }
  return index.get(mailboxId.toLowerCase());
}
