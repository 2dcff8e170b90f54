import { z } from 'zod';
import { iso } from '../http/schemas.js';
import { ticketSeverities, ticketStatuses, type SupportTicket } from './ticket-store.js';

const person = z.strictObject({ name: z.string(), email: z.string() });

export const ticketSummarySchema = z.strictObject({
  id: z.string(),
  tenantId: z.string(),
  subject: z.string(),
  severity: z.enum(ticketSeverities),
  status: z.enum(ticketStatuses),
  openedBy: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  commentCount: z.number().int(),
});

export const ticketSchema = ticketSummarySchema.extend({
  description: z.string(),
  comments: z.array(
    z.strictObject({
      id: z.string(),
      side: z.enum(['customer', 'provider']),
      author: person,
      text: z.string(),
      at: z.iso.datetime(),
    }),
  ),
});

export function ticketSummary(ticket: SupportTicket): z.input<typeof ticketSummarySchema> {
  return {
    id: ticket.id,
    tenantId: ticket.tenantId,
    subject: ticket.subject,
    severity: ticket.severity,
    status: ticket.status,
    openedBy: ticket.openedBy,
    createdAt: iso(ticket.createdAt),
    updatedAt: iso(ticket.updatedAt),
    commentCount: ticket.comments.length,
  };
}

export function ticketDetail(ticket: SupportTicket): z.input<typeof ticketSchema> {
  return {
    ...ticketSummary(ticket),
    description: ticket.description,
    comments: ticket.comments.map((c) => ({ ...c, at: iso(c.at) })),
  };
}
