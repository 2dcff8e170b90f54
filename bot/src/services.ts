import type { BackupJobs, BackupRun, RunEngine } from '@custodia/backend/backup/index';
import type { ActivityLog } from '@custodia/backend/audit/activity-log';
import type { GraphReader } from '@custodia/backend/backup-unit/ports';
import type { RunRequest, RunRequestOutcome } from '@custodia/backend/jobs-api/run-request';
import type { ProtectedResource } from '@custodia/backend/catalog/index';
import type { LicenceUsage } from '@custodia/backend/licences/index';
import type { PortalUser } from '@custodia/backend/portal-users/portal-user-store';
import type { RestoreRequests, RestoreService } from '@custodia/backend/restore/index';
import type { DurableConsumerOptions } from '@custodia/backend/run-end/index';
import type { NotificationEvent, NotificationRecipient } from '@custodia/backend/settings/notification-recipients';
import type { BotStores } from './bot-stores.js';
import type { PortalLinks } from './portal-links.js';

/** The backend services the bot works with, called directly (not over HTTP); it is given no database. */
export interface BotServices {
  jobs: BackupJobs;
  engine: RunEngine;
  links: PortalLinks;
  /** The tenant's activity log, which "run now" writes to as the portal's does. */
  activity: ActivityLog;
  /** Who a person is, as Microsoft 365 knows them: the names the activity log records. */
  directory: BotDirectory;
  /** What the bot reads of the rest of the product, each through the module that owns it. */
  product: ProductReads;
  /** The bot's own records: conversations, alert and approval claims, run cards, mutes. */
  stores: BotStores;
  /** "Run this job", with the setup check and the activity entry the portal's route makes. */
  requestRun(request: RunRequest): Promise<RunRequestOutcome>;
  /** Deciding on restores awaiting approval from Teams; without it the approval cards have no buttons. */
  approvals?: ApprovalServices;
}

/** What deciding on a restore needs: the restore service (each decision goes to `BotServices.activity`). */
export interface ApprovalServices {
  restores: RestoreService;
}

/** App-only reads of a tenant's directory, through the product's Graph layer. */
export interface BotDirectory {
  graphFor(tenantId: string): Promise<Pick<GraphReader, 'getJson'>>;
}

/** The product's records the bot reads; the composition root answers each from the module that owns it. */
export interface ProductReads {
  /** Whether the organisation is onboarded in Custodia. */
  isOnboarded(tenantId: string): Promise<boolean>;
  /** The active portal user a person is, by object id or (before their first portal sign-in) by email. */
  activePortalUser(tenantId: string, userId: string, email: string): Promise<PortalUser | null>;
  unrevokedPortalUsers(tenantId: string): Promise<PortalUser[]>;
  portalUserByEmail(tenantId: string, email: string): Promise<PortalUser | null>;
  /** Who follows this event in the notification settings. */
  recipientsFor(tenantId: string, event: NotificationEvent): Promise<NotificationRecipient[]>;
  licenceUsage(tenantId: string): Promise<LicenceUsage>;
  /** Each job's most recent run. */
  latestRuns(tenantId: string, jobIds: readonly string[]): Promise<Map<string, BackupRun>>;
  restores: Pick<RestoreRequests, 'get' | 'newest' | 'awaitingOrDecidedSince'>;
  /** The tenant's protected accounts with one of these ids or owned by this person. */
  resources(tenantId: string, resourceIds: readonly string[], ownerUserId: string): Promise<ProtectedResource[]>;
  /** The account a backed-up version (catalog id) belongs to; null when it is not this tenant's or not a version. */
  resourceOfVersion(tenantId: string, versionId: string): Promise<string | null>;
}

/** Durable consumers of the product's domain events (`@custodia/backend/run-end`), on the product's database. */
export type DurableConsumers = (options: Omit<DurableConsumerOptions, 'db'>) => { pass(): Promise<unknown> };

/** What the composition root opens on the product's database for the bot: its reads, stores, run requests, events. */
export interface BotBackend extends Pick<BotServices, 'product' | 'stores' | 'requestRun'> {
  consumers: DurableConsumers;
}
