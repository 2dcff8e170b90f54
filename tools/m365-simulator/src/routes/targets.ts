import type { SimulatorContext } from '../context.js';
import type { GraphRequest } from '../http/types.js';
import type { Mailbox, UserRecord } from '../model/records.js';
import { requireUser } from './directory.js';

/** Keeps a mailbox or drive built while a request may write to it (an upload session may finish much later). */
export function pinOnWrite<T extends { residency: { pinned: boolean } }>(request: GraphRequest, target: T): T {
  if (request.method !== 'GET') target.residency.pinned = true;
  return target;
}

export interface MailboxTarget {
  user: UserRecord;
  mailbox: Mailbox;
}

/** The user named by `:userId` (id or principal name) and their mailbox. */
export function mailboxTarget(context: SimulatorContext, request: GraphRequest): MailboxTarget {
  const user = requireUser(context, request.params['userId'] as string);
  return { user, mailbox: pinOnWrite(request, context.tenant.mailbox(user)) };
}
