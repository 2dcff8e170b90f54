import type { ActivityLog } from '../audit/activity-log.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { BackupApiServices } from '../jobs-api/backup-services.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { AdminConsentProbe } from '../tenants/admin-consent.js';
import type { DataLocation } from '../tenants/tenant-store.js';
import type { MailOutbox } from '../tenants/mail-outbox.js';
import type { ProviderProfile } from '../tenants/provider-profile.js';
import type { RestoreApiServices } from '../restore-api/restore-api-services.js';
import type { RouteServices } from '../http/route.js';

/** Everything the API's handlers reach, each feature's needs together; the composition root builds it once. */
export interface ApiServices extends RouteServices {
  readonly tokens: TokenVerifier;
  readonly activity: ActivityLog;
  readonly outbox: MailOutbox;
  readonly knowledge: KnowledgeBase;
  readonly consent: AdminConsentProbe;
  /** The data locations with a content store configured: the only ones a tenant may choose. */
  readonly dataLocations: readonly DataLocation[];
  readonly provider: ProviderProfile;
  /** The authority host and client id, for the admin-consent link. */
  readonly identity: { readonly authorityHost: string; readonly clientId: string; readonly apiDomain?: string };
  /** How long a request may wait for the database before it is answered 503 `database_unavailable`. */
  readonly requestDeadlineMs: number;
  /** Where people open the product (the welcome letter links there). */
  readonly portalUrl: string;
  /** The backup engine, schedules and licence accounting; routes that need them answer 503 without. */
  readonly backup?: BackupApiServices;
  /** Restores, exports and self-service; routes that need them answer 503 without. */
  readonly restore?: RestoreApiServices;
}
