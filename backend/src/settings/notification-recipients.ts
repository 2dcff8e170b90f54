import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { Language } from '../language/language.js';

/** What a recipient can be told about by email. */
export const notificationEvents = [
  'job.succeeded',
  'job.warning',
  'job.failed',
  'licence.overrun',
  'restore.finished',
  'digest.daily',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export interface NotificationRecipient {
  tenantId: string;
  id: string;
  name: string;
  /** Lower case; one recipient per address and tenant. */
  email: string;
  language: Language;
  events: NotificationEvent[];
  createdAt: Date;
}

export const notificationRecipients = defineTenantCollection<NotificationRecipient>('notification_recipients', [
  { key: { tenantId: 1, email: 1 }, unique: true, name: 'tenant_email' },
  { key: { tenantId: 1, id: 1 }, unique: true, name: 'tenant_id' },
  { key: { tenantId: 1, events: 1 }, name: 'tenant_events' },
]);

/** Who receives an email for this event: the notifier (the lead's) asks here. */
export function recipientsFor(db: Db, tenantId: string, event: NotificationEvent): Promise<NotificationRecipient[]> {
  return notificationRecipients
    .scoped(db)
    .find(tenantId, { events: event }, { projection: { _id: 0 }, sort: { email: 1 } })
    .toArray() as Promise<NotificationRecipient[]>;
}

/** Of every tenant, who asked for this event's letter (the daily digest, sent to every tenant at once). */
export function recipientsInEveryTenant(db: Db, event: NotificationEvent): Promise<NotificationRecipient[]> {
  return notificationRecipients
    .raw(db)
    .find({ events: event }, { projection: { _id: 0 } })
    .toArray() as Promise<NotificationRecipient[]>;
}
