import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { languageSchema, someFields, tenantOf } from '../http/schemas.js';
import type { Db } from 'mongodb';
import { unsentLetters } from '../tenants/mail-outbox.js';
import { readSettings, writeSettings, type TenantSettings } from './settings-store.js';

/**
 * A mailbox of the customer's tenant: its user principal name or its Entra object id. The closing pipe states what
 * the transform yields, so the OpenAPI document types the answer as a string instead of an unrepresentable `{}`.
 */
const senderMailbox = z
  .union([z.email().max(254), z.uuid()])
  .transform((value) => value.toLowerCase())
  .pipe(z.string());

const settingsSchema = z.strictObject({
  selfServiceRestore: z.boolean().describe('End users may restore their own mail and files'),
  oneDriveSelfServiceNeedsApproval: z
    .boolean()
    .describe('Self-service restores of OneDrive items wait for an administrator'),
  defaultLanguage: languageSchema.describe('Language of letters, and of the API when Accept-Language names neither'),
  notificationSender: senderMailbox
    .nullable()
    .describe(
      'Mailbox (UPN or object id) of the tenant that sends notification and welcome letters; null: letters wait',
    ),
});

/** The settings as the portal shows them: with the letters that wait because no sender mailbox is set. */
const settingsViewSchema = settingsSchema.extend({
  lettersWaitingForSender: z
    .number()
    .int()
    .describe('Letters (welcome letters, alerts) not sent because no sender mailbox is set; 0 once one is'),
});

async function settingsView(db: Db, tenantId: string, settings: TenantSettings) {
  const waiting = settings.notificationSender === null ? await unsentLetters(db, tenantId) : 0;
  return { ...settings, lettersWaitingForSender: waiting };
}

export const settingsRoutes = [
  defineRoute({
    id: 'settings.read',
    method: 'GET',
    path: '/settings',
    tag: 'settings',
    summary: 'The portal settings of the tenant',
    permission: 'settings.read',
    response: settingsViewSchema,
    async handler({ principal, services }) {
      const tenantId = tenantOf(principal);
      return settingsView(services.db, tenantId, await readSettings(services.db, tenantId));
    },
  }),
  defineRoute({
    id: 'settings.update',
    method: 'PATCH',
    path: '/settings',
    tag: 'settings',
    summary: 'Changes some of the portal settings (self-service restore, OneDrive approval, default language, sender)',
    permission: 'settings.manage',
    body: someFields(settingsSchema.partial()),
    response: settingsViewSchema,
    async handler({ principal, body, services }) {
      const tenantId = tenantOf(principal);
      return settingsView(services.db, tenantId, await writeSettings(services.db, tenantId, body, services.clock()));
    },
    activity: ({ principal, body }) => ({
      tenantId: tenantOf(principal),
      action: 'settings.changed',
      details: { ...body },
    }),
  }),
];
