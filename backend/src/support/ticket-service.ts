import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { ApiError, notFound } from '../http/api-error.js';
import type { RouteServices } from '../http/route.js';
import { escapeHtml } from '../portal-users/welcome-letter.js';
import { readSettings } from '../settings/settings-store.js';
import { ticketTexts } from './ticket-texts.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import type { ProviderProfile } from '../tenants/provider-profile.js';
import {
  maxCommentsPerTicket,
  supportTickets,
  type SupportTicket,
  type TicketComment,
  type TicketStatus,
} from './ticket-store.js';

/** What the support desk reaches: the outbox, and the provider's support address on the other side. */
export interface SupportServices extends RouteServices {
  readonly outbox: MailOutbox;
  readonly provider: ProviderProfile;
}

export async function requireTicket(db: Db, tenantId: string, id: string): Promise<SupportTicket> {
  const ticket = await supportTickets.scoped(db).findOne(tenantId, { id }, { projection: { _id: 0 } });
  if (!ticket) throw notFound('ticket');
  return ticket;
}

export async function addComment(
  services: SupportServices,
  ticket: SupportTicket,
  comment: Omit<TicketComment, 'id' | 'at'>,
): Promise<SupportTicket> {
  if (ticket.comments.length >= maxCommentsPerTicket) {
    throw new ApiError(400, 'invalid_request', [{ location: 'body', path: 'text', code: 'too_many_comments' }]);
  }
  const at = services.clock();
  const entry: TicketComment = { ...comment, id: randomUUID(), at };
  await supportTickets
    .scoped(services.db)
    .updateOne(ticket.tenantId, { id: ticket.id }, { $push: { comments: entry }, $set: { updatedAt: at } });
  const updated = await requireTicket(services.db, ticket.tenantId, ticket.id);
  await notifyOtherSide(services, updated, entry);
  return updated;
}

export async function changeStatus(
  services: SupportServices,
  ticket: SupportTicket,
  status: TicketStatus,
): Promise<SupportTicket> {
  await supportTickets
    .scoped(services.db)
    .updateOne(ticket.tenantId, { id: ticket.id }, { $set: { status, updatedAt: services.clock() } });
  return requireTicket(services.db, ticket.tenantId, ticket.id);
}

/** The provider hears of new tickets and customer comments; the customer hears of provider answers. */
export async function notifyOtherSide(
  services: SupportServices,
  ticket: SupportTicket,
  comment?: TicketComment,
): Promise<void> {
  const toProvider = !comment || comment.side === 'customer';
  const language = toProvider ? 'it' : (await readSettings(services.db, ticket.tenantId)).defaultLanguage;
  const t = ticketTexts.in(language);
  const headline = comment
    ? t.newComment({ subject: ticket.subject })
    : t.newTicket({ severity: t[`severity_${ticket.severity}`], subject: ticket.subject });
  const lines = [
    headline,
    `Tenant: ${ticket.tenantId}`,
    t.from({ name: comment ? comment.author.name : ticket.openedBy.name }),
    comment ? comment.text : ticket.description,
  ];
  await services.outbox.enqueue({
    tenantId: ticket.tenantId,
    key: `support:${ticket.id}:${comment?.id ?? 'opened'}`,
    kind: 'support_ticket',
    // Support notices are the provider's letters, to its desk or to the customer, from the provider's mailbox.
    from: 'provider',
    to: toProvider ? { name: services.provider.name, email: services.provider.supportEmail } : ticket.openedBy,
    subject: headline,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
  });
}
