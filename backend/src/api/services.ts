import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ActivityLog } from '../audit/activity-log.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { BackupApiServices } from '../jobs-api/backup-services.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { AdminConsentProbe } from '../tenants/admin-consent.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import type { RestoreApiServices } from '../restore-api/restore-api-services.js';

export interface ProviderProfile {
  /** The provider's own Entra directory: its operators sign in from there. */
  readonly tenantId: string;
  readonly name: string;
  /** Where new support tickets and customer comments are announced. */
  readonly supportEmail: string;
}

/** Everything the API's handlers reach; the composition root builds it once. */
export interface ApiServices {
  readonly db: Db;
  readonly tokens: TokenVerifier;
  readonly activity: ActivityLog;
  readonly outbox: MailOutbox;
  readonly knowledge: KnowledgeBase;
  readonly consent: AdminConsentProbe;
  readonly provider: ProviderProfile;
  /** The authority host and client id, for the admin-consent link. */
  readonly identity: { readonly authorityHost: string; readonly clientId: string; readonly apiDomain?: string };
  /** Where people open the product (the welcome letter links there). */
  readonly portalUrl: string;
  readonly clock: () => Date;
  readonly logger: Logger | undefined;
  /** The backup engine, schedules and licence accounting; routes that need them answer 503 without. */
  readonly backup?: BackupApiServices;
  /** Restores, exports and self-service; routes that need them answer 503 without. */
  readonly restore?: RestoreApiServices;
}
