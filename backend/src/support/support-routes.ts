import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findPage, findTenantPage, listQuery, pageOf } from '../http/pagination.js';
import { routeDefiner } from '../http/route.js';
import { idParams, resourceId, tenantOf } from '../http/schemas.js';
import { supportContactSchema, supportContactView } from './support-contact.js';
import { addComment, changeStatus, notifyOtherSide, requireTicket, type SupportServices } from './ticket-service.js';
import { supportTickets, ticketSeverities, ticketStatuses, type SupportTicket } from './ticket-store.js';
import { ticketDetail, ticketSchema, ticketSummary, ticketSummarySchema } from './ticket-view.js';

const defineRoute = routeDefiner<SupportServices>();

const ticketList = listQuery(['createdAt', 'updatedAt'], '-createdAt', { status: z.enum(ticketStatuses).optional() });
const commentBody = z.strictObject({ text: z.string().trim().min(1).max(10_000) });
const providerTicketParams = z.strictObject({ tenantId: z.uuid(), id: resourceId });
const target = (t: { id: string; subject: string }) => ({ type: 'support_ticket', id: t.id, label: t.subject });

/** Customers open tickets, comment, and close or reopen them; they read how to phone the provider. */
const customerRoutes = [
  defineRoute({
    id: 'support.contact',
    method: 'GET',
    path: '/support/contact',
    tag: 'support',
    summary: 'The provider’s support phone line, its hours and PIN, and its support address',
    permission: 'support.read',
    response: supportContactSchema,
    handler: async ({ services }) => supportContactView(services.provider, services.provider.support),
  }),
  defineRoute({
    id: 'support.list',
    method: 'GET',
    path: '/support/tickets',
    tag: 'support',
    summary: 'The tenant’s support tickets',
    permission: 'support.read',
    query: ticketList,
    response: pageOf(ticketSummarySchema),
    async handler({ principal, query, services }) {
      const page = await findTenantPage(
        supportTickets.scoped(services.db),
        tenantOf(principal),
        query.status ? { status: query.status } : {},
        query,
      );
      return { items: page.items.map(ticketSummary), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'support.read',
    method: 'GET',
    path: '/support/tickets/:id',
    tag: 'support',
    summary: 'One support ticket with its comments',
    permission: 'support.read',
    params: idParams,
    response: ticketSchema,
    async handler({ principal, params, services }) {
      return ticketDetail(await requireTicket(services.db, tenantOf(principal), params.id));
    },
  }),
  defineRoute({
    id: 'support.open',
    method: 'POST',
    path: '/support/tickets',
    tag: 'support',
    summary: 'Opens a support ticket; the provider is notified by email',
    permission: 'support.write',
    maxBodyBytes: 32 * 1024,
    body: z.strictObject({
      subject: z.string().trim().min(3).max(200),
      description: z.string().trim().min(1).max(20_000),
      severity: z.enum(ticketSeverities).default('normal'),
    }),
    response: ticketSchema,
    status: 201,
    async handler({ principal, body, services }) {
      const tenantId = tenantOf(principal);
      const now = services.clock();
      const ticket: SupportTicket = {
        tenantId,
        id: randomUUID(),
        ...body,
        status: 'open',
        openedBy: { name: principal.name, email: principal.email },
        createdAt: now,
        updatedAt: now,
        comments: [],
      };
      await supportTickets.scoped(services.db).insertOne(tenantId, { ...ticket });
      await notifyOtherSide(services, ticket);
      return ticketDetail(ticket);
    },
    activity: ({ principal }, t) => ({
      tenantId: tenantOf(principal),
      action: 'support_ticket.opened',
      target: target(t),
      details: { severity: t.severity },
    }),
  }),
  defineRoute({
    id: 'support.comment',
    method: 'POST',
    path: '/support/tickets/:id/comments',
    tag: 'support',
    summary: 'Adds a comment to a ticket; the provider is notified',
    permission: 'support.write',
    params: idParams,
    body: commentBody,
    response: ticketSchema,
    status: 201,
    async handler({ principal, params, body, services }) {
      const ticket = await requireTicket(services.db, tenantOf(principal), params.id);
      const author = { name: principal.name, email: principal.email };
      return ticketDetail(await addComment(services, ticket, { side: 'customer', author, text: body.text }));
    },
    activity: ({ principal }, t) => ({
      tenantId: tenantOf(principal),
      action: 'support_ticket.commented',
      target: target(t),
    }),
  }),
  defineRoute({
    id: 'support.setStatus',
    method: 'PATCH',
    path: '/support/tickets/:id',
    tag: 'support',
    summary: 'Closes a ticket, or reopens it',
    permission: 'support.write',
    params: idParams,
    body: z.strictObject({ status: z.enum(['open', 'closed']) }),
    response: ticketSchema,
    async handler({ principal, params, body, services }) {
      const ticket = await requireTicket(services.db, tenantOf(principal), params.id);
      return ticketDetail(await changeStatus(services, ticket, body.status));
    },
    activity: ({ principal }, t) => ({
      tenantId: tenantOf(principal),
      action: 'support_ticket.status_changed',
      target: target(t),
      details: { status: t.status },
    }),
  }),
];

/** The provider works every customer's tickets: list, read, answer, move through statuses. */
const providerRoutes = [
  defineRoute({
    id: 'provider.listTickets',
    method: 'GET',
    path: '/provider/support/tickets',
    tag: 'provider',
    summary: 'Support tickets of every customer tenant',
    permission: 'provider.support',
    query: ticketList.extend({ tenantId: z.uuid().optional() }),
    response: pageOf(ticketSummarySchema),
    async handler({ query, services }) {
      const filter = {
        ...(query.status && { status: query.status }),
        ...(query.tenantId && { tenantId: query.tenantId }),
      };
      const page = await findPage<SupportTicket>(
        (f, options) => supportTickets.raw(services.db).find(f, options),
        filter,
        query,
        'id',
      );
      return { items: page.items.map(ticketSummary), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'provider.readTicket',
    method: 'GET',
    path: '/provider/tenants/:tenantId/support/tickets/:id',
    tag: 'provider',
    summary: 'One customer ticket with its comments',
    permission: 'provider.support',
    params: providerTicketParams,
    response: ticketSchema,
    async handler({ params, services }) {
      return ticketDetail(await requireTicket(services.db, params.tenantId, params.id));
    },
  }),
  defineRoute({
    id: 'provider.commentTicket',
    method: 'POST',
    path: '/provider/tenants/:tenantId/support/tickets/:id/comments',
    tag: 'provider',
    summary: 'Answers a customer ticket; the person who opened it is notified',
    permission: 'provider.support',
    params: providerTicketParams,
    body: commentBody,
    response: ticketSchema,
    status: 201,
    async handler({ principal, params, body, services }) {
      const ticket = await requireTicket(services.db, params.tenantId, params.id);
      const author = { name: principal.name, email: principal.email };
      return ticketDetail(await addComment(services, ticket, { side: 'provider', author, text: body.text }));
    },
    activity: ({ params }, t) => ({ tenantId: params.tenantId, action: 'support_ticket.answered', target: target(t) }),
  }),
  defineRoute({
    id: 'provider.setTicketStatus',
    method: 'PATCH',
    path: '/provider/tenants/:tenantId/support/tickets/:id',
    tag: 'provider',
    summary: 'Moves a customer ticket to another status',
    permission: 'provider.support',
    params: providerTicketParams,
    body: z.strictObject({ status: z.enum(ticketStatuses) }),
    response: ticketSchema,
    async handler({ params, body, services }) {
      const ticket = await requireTicket(services.db, params.tenantId, params.id);
      return ticketDetail(await changeStatus(services, ticket, body.status));
    },
    activity: ({ params }, t) => ({
      tenantId: params.tenantId,
      action: 'support_ticket.status_changed',
      target: target(t),
      details: { status: t.status },
    }),
  }),
];

export const supportRoutes = [...customerRoutes, ...providerRoutes];
