/**
 * The portal's names for the API's payloads. Every shape comes from `generated.ts` (the backend's OpenAPI document);
 * this file only names the parts the portal passes around, and lists the choices it offers, checked against the API.
 */
import type * as Api from './generated.js';

/**
 * A union's every value as a list, in the order the portal shows them: a value missing from the list, or one the API
 * does not accept, does not compile.
 */
function everyValueOf<T>() {
  return <const L extends readonly T[]>(
    values: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => values;
}

export type Me = Api.MeReadResponse;
export type Terms = Api.TermsReadResponse;
export type TenantStatus = Api.TenantReadResponse;

export type DataLocation = Api.TenantSetDataLocationBody['dataLocation'];
export type SetupWorkload = Api.TenantSetWorkloadsBody['workloads'][number];
export const setupWorkloads = everyValueOf<SetupWorkload>()(['exchange', 'sharepoint-onedrive', 'teams']);

export type PortalUser = Api.PortalUsersListResponse['items'][number];
export type PortalRole = Api.PortalUsersInviteBody['role'];
export const portalRoles = everyValueOf<PortalRole>()(['tenant_admin', 'operator', 'viewer', 'restore_operator']);

export type NotificationRecipient = Api.NotificationsListResponse['items'][number];
export type NotificationEvent = NotificationRecipient['events'][number];
export const notificationEvents = everyValueOf<NotificationEvent>()([
  'job.succeeded',
  'job.warning',
  'job.failed',
  'licence.overrun',
  'restore.finished',
  'digest.daily',
]);

export type Settings = Api.SettingsReadResponse;
/** What the Settings form edits: the settings without what the API only reports. */
export type EditableSettings = Omit<Settings, 'lettersWaitingForSender'>;
export type ActivityEntry = Api.ActivityListResponse['items'][number];
export type ChainVerification = Api.ActivityVerifyResponse;

export type ArticleSummary = Api.KnowledgeListResponse['items'][number];
export type Article = Api.KnowledgeReadResponse;
export type ArticleCategory = Article['category'];
export const articleCategories = everyValueOf<ArticleCategory>()(['concept', 'how-to', 'error']);

export type TicketSummary = Api.SupportListResponse['items'][number];
export type Ticket = Api.SupportReadResponse;
export type TicketSeverity = TicketSummary['severity'];
export const ticketSeverities = everyValueOf<TicketSeverity>()(['low', 'normal', 'high', 'critical']);

export type JobView = Api.JobsReadResponse;
/** What a person chooses for a backup job ("Crea job di backup"): the job as created, before it is confirmed. */
export type JobSettings = Required<Omit<Api.JobsCreateBody, 'confirm'>>;
export type JobScope = JobSettings['scope'];
export type JobWorkload = JobSettings['workloads'][number];
export const jobWorkloads = everyValueOf<JobWorkload>()(['exchange', 'onedrive', 'sharepoint', 'teams']);
export type RetentionYears = JobSettings['retentionYears'];
export const retentionTiers = everyValueOf<RetentionYears>()([1, 3, 5, 10]);

export type RunSummary = Api.RunsListResponse['items'][number];
export type RunStatus = RunSummary['status'];
export const runStatuses = everyValueOf<RunStatus>()(['queued', 'running', 'succeeded', 'warning', 'failed']);
export type RunDetail = Api.RunsReadResponse;
export type RunProgress = RunDetail['progress'];
export type ResourceOutcome = RunDetail['resources'][number];

export type ProtectedItem = Api.ItemsListResponse['items'][number];
export type ResourceKind = ProtectedItem['kind'];
export const resourceKinds = everyValueOf<ResourceKind>()(['mailbox', 'onedrive', 'sharepoint', 'team']);

export type LicenceUsage = Api.LicenceReadResponse;

export type DirectoryGroup = Api.DirectoryGroupsResponse['items'][number];

export type BackedUpResource = Api.BackupsResourcesResponse['items'][number];
export type BackedUpFolder = Api.BackupsFoldersResponse['items'][number];
export type ItemVersion = Api.BackupsItemsResponse['items'][number];
export type ItemKind = ItemVersion['kind'];
export type RestorePoint = Api.BackupsPointsResponse['items'][number];

export type RestoreSelection = Api.RestoresCreateBody['selection'];
/** The instant a selection is restored as of: the latest backup, the end of a run, or an instant. */
export type PointInTime = Pick<Extract<RestoreSelection, { type: 'resource' }>, 'at' | 'asOfRun'>;
export type RestoreTarget = Api.RestoresCreateBody['target'];
export type ConflictPolicy = Api.RestoresCreateBody['conflictPolicy'];
export const conflictPolicies = everyValueOf<ConflictPolicy>()(['skip', 'keepBoth', 'overwrite']);

export type RestoreView = Api.RestoresReadResponse;
export type RestoreStatus = RestoreView['status'];
export type RestoreProgress = RestoreView['progress'];
export type RestoreItemView = Api.RestoresItemsResponse['items'][number];
export type RestoreItemState = RestoreItemView['state'];
/** A person's own restore request, with its items (self-service). */
export type OwnRestore = Api.MeRestoresReadResponse;
export type ExportView = Api.ExportsReadResponse;

export type UsageReport = Api.ReportsUsageResponse;
export type UsagePoint = UsageReport['points'][number];
export type CoverageReport = Api.ReportsCoverageResponse;
export type AccountKind = CoverageReport['kinds'][number]['kind'];

/** Whether a restore still moves: its page reads it again until it ends. */
export function restoreUnfinished(status: RestoreStatus): boolean {
  return status === 'queued' || status === 'running';
}
