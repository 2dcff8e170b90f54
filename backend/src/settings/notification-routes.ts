import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { findTenantPage, listQuery, pageOf } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { emailAddress, idParams, iso, languageSchema, personName, someFields, tenantOf } from '../http/schemas.js';
import { notificationEvents, notificationRecipients, type NotificationRecipient } from './notification-recipients.js';
import { isDuplicateKeyError } from '../db/index.js';

const eventsSchema = z.array(z.enum(notificationEvents)).max(notificationEvents.length);

const recipientSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  language: languageSchema,
  events: eventsSchema,
  createdAt: z.iso.datetime(),
});

function view(recipient: NotificationRecipient): z.input<typeof recipientSchema> {
  const { tenantId: _tenant, createdAt, ...rest } = recipient;
  return { ...rest, createdAt: iso(createdAt) };
}

async function requireRecipient(db: Db, tenantId: string, id: string): Promise<NotificationRecipient> {
  const found = await notificationRecipients.scoped(db).findOne(tenantId, { id }, { projection: { _id: 0 } });
  if (!found) throw notFound('notification recipient');
  return found;
}

const target = (r: { id: string; email: string }) => ({ type: 'notification_recipient', id: r.id, label: r.email });
const uniqueEvents = (events: readonly string[]) => [...new Set(events)].sort() as NotificationRecipient['events'];

export const notificationRoutes = [
  defineRoute({
    id: 'notifications.list',
    method: 'GET',
    path: '/notification-recipients',
    tag: 'notifications',
    summary: 'Who receives email notifications, and for which events',
    permission: 'notifications.read',
    query: listQuery(['email'], 'email', { event: z.enum(notificationEvents).optional() }),
    response: pageOf(recipientSchema),
    async handler({ principal, query, services }) {
      const page = await findTenantPage(
        notificationRecipients.scoped(services.db),
        tenantOf(principal),
        query.event ? { events: query.event } : {},
        query,
      );
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'notifications.add',
    method: 'POST',
    path: '/notification-recipients',
    tag: 'notifications',
    summary: 'Adds an address that receives the chosen notifications',
    permission: 'notifications.manage',
    refusals: { 409: ['already_exists'] },
    body: z.strictObject({
      name: personName,
      email: emailAddress,
      language: languageSchema.default('it'),
      events: eventsSchema.min(1),
    }),
    response: recipientSchema,
    status: 201,
    async handler({ principal, body, services }) {
      const tenantId = tenantOf(principal);
      const recipient: NotificationRecipient = {
        tenantId,
        id: randomUUID(),
        ...body,
        events: uniqueEvents(body.events),
        createdAt: services.clock(),
      };
      try {
        await notificationRecipients.scoped(services.db).insertOne(tenantId, { ...recipient });
      } catch (error) {
        if (isDuplicateKeyError(error)) {
          throw new ApiError(409, 'already_exists', { email: body.email }, { what: body.email });
        }
        throw error;
      }
      return view(recipient);
    },
    activity: ({ principal }, r) => ({
      tenantId: tenantOf(principal),
      action: 'notification_recipient.added',
      target: target(r),
      details: { events: r.events.join(',') },
    }),
  }),
  defineRoute({
    id: 'notifications.update',
    method: 'PATCH',
    path: '/notification-recipients/:id',
    tag: 'notifications',
    summary: 'Changes which events an address receives, its name or language',
    permission: 'notifications.manage',
    params: idParams,
    body: someFields(
      z.strictObject({
        name: personName.optional(),
        language: languageSchema.optional(),
        events: eventsSchema.optional(),
      }),
    ),
    response: recipientSchema,
    async handler({ principal, params, body, services }) {
      const tenantId = tenantOf(principal);
      await requireRecipient(services.db, tenantId, params.id);
      const change = { ...body, ...(body.events && { events: uniqueEvents(body.events) }) };
      await notificationRecipients.scoped(services.db).updateOne(tenantId, { id: params.id }, { $set: change });
      return view(await requireRecipient(services.db, tenantId, params.id));
    },
    activity: ({ principal }, r) => ({
      tenantId: tenantOf(principal),
      action: 'notification_recipient.changed',
      target: target(r),
      details: { events: r.events.join(',') },
    }),
  }),
  defineRoute({
    id: 'notifications.remove',
    method: 'DELETE',
    path: '/notification-recipients/:id',
    tag: 'notifications',
    summary: 'Stops all notifications to an address',
    permission: 'notifications.manage',
    params: idParams,
    response: recipientSchema,
    async handler({ principal, params, services }) {
      const tenantId = tenantOf(principal);
      const recipient = await requireRecipient(services.db, tenantId, params.id);
      await notificationRecipients.scoped(services.db).deleteOne(tenantId, { id: params.id });
      return view(recipient);
    },
    activity: ({ principal }, r) => ({
      tenantId: tenantOf(principal),
      action: 'notification_recipient.removed',
      target: target(r),
    }),
  }),
];
