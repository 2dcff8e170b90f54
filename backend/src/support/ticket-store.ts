import { defineTenantCollection } from '../db/index.js';

export const ticketSeverities = ['low', 'normal', 'high', 'critical'] as const;
export const ticketStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export interface TicketComment {
  id: string;
  side: 'customer' | 'provider';
  author: { name: string; email: string };
  text: string;
  at: Date;
}

/** A support ticket a tenant opens with the provider. */
export interface SupportTicket {
  tenantId: string;
  id: string;
  subject: string;
  description: string;
  severity: (typeof ticketSeverities)[number];
  status: TicketStatus;
  openedBy: { name: string; email: string };
  createdAt: Date;
  updatedAt: Date;
  comments: TicketComment[];
}

export const supportTickets = defineTenantCollection<SupportTicket>('support_tickets', [
  { key: { tenantId: 1, id: 1 }, unique: true, name: 'tenant_id' },
  { key: { tenantId: 1, status: 1, createdAt: -1 }, name: 'tenant_status_created' },
]);

export const maxCommentsPerTicket = 500;
