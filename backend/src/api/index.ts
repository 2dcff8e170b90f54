import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { JWTVerifyGetKey } from 'jose';
import { ActivityLog } from '../audit/activity-log.js';
import { TokenVerifier, type IdentityConfig } from '../auth/token-verifier.js';
import { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { BackupApiServices } from '../jobs-api/backup-services.js';
import type { RestoreApiServices } from '../restore-api/restore-api-services.js';
import type { AdminConsentProbe } from '../tenants/admin-consent.js';
import { MailOutbox } from '../tenants/mail-outbox.js';
import type { DataLocation } from '../tenants/tenant-store.js';
import { mountRoutes } from './mount.js';
import { supportArticleFill } from '../support/support-article-fill.js';
import { apiPrefix, apiRoutes } from './routes.js';
import type { ApiServices } from './services.js';
import type { ProviderProfile } from '../tenants/provider-profile.js';

/** A list of accounts or the licence's usage takes well under a second; twenty is a database in trouble. */
export const defaultRequestDeadlineMs = 20_000;

export interface ApiOptions {
  readonly db: Db;
  readonly identity: IdentityConfig;
  /** Overrides where signing keys come from (otherwise the authority's JWKS over HTTP). */
  readonly signingKeys?: JWTVerifyGetKey;
  readonly provider: ProviderProfile;
  /** Seals the activity log (`activityChainKey(masterKey)`), so a row edited in the database cannot be re-sealed. */
  readonly activityKey: Buffer;
  readonly consent: AdminConsentProbe;
  /** The data locations with a content store configured, in the provider's order: the only ones a tenant may choose. */
  readonly dataLocations: readonly DataLocation[];
  readonly portalUrl: string;
  readonly knowledgeDir?: string;
  /** How long a request may wait for the database before it is answered 503 `database_unavailable` (20 s unless told). */
  readonly requestDeadlineMs?: number;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Built once per process by `createBackupApiServices` (jobs-api). */
  readonly backup?: BackupApiServices;
  /** Built once per process by `createRestoreApiServices` (restore-api). */
  readonly restore?: RestoreApiServices;
}

export interface MountedApi {
  readonly services: ApiServices;
}

/**
 * Mounts the management API at `/api/v1` on the product's restify server. The server must parse query strings with
 * `mapParams: false` and leave the API's bodies unread (as `createHttpServer` in teams-app does): each route reads
 * its own body, within its size limit, once it knows the caller.
 */
export async function mountApi(server: Server, options: ApiOptions): Promise<MountedApi> {
  const clock = options.clock ?? (() => new Date());
  const services: ApiServices = {
    db: options.db,
    tokens: new TokenVerifier(options.identity, options.signingKeys),
    activity: new ActivityLog(options.db, options.activityKey, clock),
    outbox: new MailOutbox(options.db, clock),
    knowledge: await KnowledgeBase.load(supportArticleFill(options.provider), options.knowledgeDir),
    consent: options.consent,
    dataLocations: options.dataLocations,
    provider: options.provider,
    identity: {
      authorityHost: options.identity.authorityHost,
      clientId: options.identity.clientId,
      ...(options.identity.apiDomain !== undefined && { apiDomain: options.identity.apiDomain }),
    },
    portalUrl: options.portalUrl,
    requestDeadlineMs: options.requestDeadlineMs ?? defaultRequestDeadlineMs,
    clock,
    logger: options.logger,
    ...(options.backup && { backup: options.backup }),
    ...(options.restore && { restore: options.restore }),
  };
  mountRoutes(server, apiPrefix, apiRoutes, services);
  return { services };
}

export { apiPrefix, apiRoutes, apiVersion } from './routes.js';
export type { ApiServices } from './services.js';
export type { ProviderProfile } from '../tenants/provider-profile.js';
export type { RouteSpec, RouteContext, HttpMethod } from '../http/route.js';
export { defineRoute } from '../http/route.js';
export { ApiError, type ErrorBody } from '../http/api-error.js';
export { listQuery, pageOf, findPage, findTenantPage, type Page } from '../http/pagination.js';
export { negotiateLanguage, type Language, type Bilingual } from '../language/language.js';
export { tenantOf } from '../http/schemas.js';
export { isGranted, permissions, type Permission } from '../access/permissions.js';
export { roles, portalRoles, type Role, type PortalRole, type Principal } from '../access/principal.js';
export { addProviderOperator, replaceProviderOperators } from '../auth/provider-operators.js';
export { TokenVerifier, type IdentityConfig } from '../auth/token-verifier.js';
export { ActivityLog, type ActivityDraft } from '../audit/activity-log.js';
export { verifyActivityChain } from '../audit/verify-chain.js';
export { activityChainKey } from '../audit/activity-seal.js';
export { MailOutbox } from '../tenants/mail-outbox.js';
export type { Mailer, OutgoingMail } from '../tenants/mailer.js';
export { ClientCredentialsConsentProbe, type AdminConsentProbe } from '../tenants/admin-consent.js';
export { readSettings, type TenantSettings } from '../settings/settings-store.js';
export { findTenant, type TenantRecord } from '../tenants/tenant-store.js';
export { recipientsFor, notificationEvents, type NotificationEvent } from '../settings/notification-recipients.js';
export { KnowledgeBase, type ArticleFill } from '../knowledge/knowledge-base.js';
export { supportArticleFill } from '../support/support-article-fill.js';
export {
  supportHoursSetting,
  supportPhoneSetting,
  supportPinSetting,
  timeZoneSetting,
} from '../support/support-contact.js';
export type { SupportContact } from '../tenants/provider-profile.js';
export { missingSetupSteps } from '../tenants/setup-status.js';
