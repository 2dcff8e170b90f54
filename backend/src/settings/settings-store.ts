import type { Db } from 'mongodb';
import { defineTenantCollection } from '../db/index.js';
import type { Language } from '../language/language.js';

/** How the portal behaves for one tenant. */
export interface TenantSettings {
  /** End users may restore their own mail and files from the personal tab and Outlook. */
  selfServiceRestore: boolean;
  /** A self-service restore of OneDrive items waits for an administrator's approval. */
  oneDriveSelfServiceNeedsApproval: boolean;
  /** The language of letters and of the API when the caller's Accept-Language names neither. */
  defaultLanguage: Language;
  /**
   * The mailbox of the customer's tenant (UPN or Entra object id) that notification and welcome
   * letters are sent from through Graph `sendMail`. Until one is set, letters wait in the outbox.
   */
  notificationSender: string | null;
}

interface StoredSettings extends Partial<TenantSettings> {
  tenantId: string;
  updatedAt?: Date;
}

export const defaultSettings: TenantSettings = {
  selfServiceRestore: false,
  oneDriveSelfServiceNeedsApproval: true,
  defaultLanguage: 'it',
  notificationSender: null,
};

export const tenantSettings = defineTenantCollection<StoredSettings>('tenant_settings', [
  { key: { tenantId: 1 }, unique: true, name: 'tenant' },
]);

export async function readSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  const stored = await tenantSettings.scoped(db).findOne(tenantId);
  return {
    selfServiceRestore: stored?.selfServiceRestore ?? defaultSettings.selfServiceRestore,
    oneDriveSelfServiceNeedsApproval:
      stored?.oneDriveSelfServiceNeedsApproval ?? defaultSettings.oneDriveSelfServiceNeedsApproval,
    defaultLanguage: stored?.defaultLanguage ?? defaultSettings.defaultLanguage,
    notificationSender: stored?.notificationSender ?? defaultSettings.notificationSender,
  };
}

export async function writeSettings(
  db: Db,
  tenantId: string,
  changes: Partial<TenantSettings>,
  now: Date,
): Promise<TenantSettings> {
  await tenantSettings.scoped(db).updateOne(tenantId, {}, { $set: { ...changes, updatedAt: now } }, { upsert: true });
  return readSettings(db, tenantId);
}
