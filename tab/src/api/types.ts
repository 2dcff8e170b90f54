/** The shapes of the management API's answers this portal reads (see /api/v1/openapi.json). */
import type { Language } from '../i18n/messages.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Me {
  kind: 'tenant' | 'provider';
  tenantId: string;
  role: string;
  name: string;
  email: string;
  language: Language;
  termsToAccept: string | null;
}

export interface Terms {
  version: string;
  text: string;
  accepted: boolean;
}

export const dataLocations = ['italy-north', 'west-europe'] as const;
export type DataLocation = (typeof dataLocations)[number];
export const setupWorkloads = ['exchange', 'sharepoint-onedrive', 'teams'] as const;
export type SetupWorkload = (typeof setupWorkloads)[number];

export interface TenantStatus {
  tenantId: string;
  name: string;
  onboardedAt: string;
  itManager: { name: string; email: string };
  setup: {
    dataLocation: DataLocation | null;
    workloads: SetupWorkload[];
    adminConsentGrantedAt: string | null;
    /** Whether the consent includes MailboxItem.ImportExport.All (full-fidelity Exchange restore); null until checked. */
    fullFidelityRestore: boolean | null;
    confirmedAt: string | null;
    missing: Array<'data_location' | 'workloads' | 'admin_consent' | 'confirmation'>;
  };
}

export const portalRoles = ['tenant_admin', 'operator', 'viewer', 'restore_operator'] as const;
export type PortalRole = (typeof portalRoles)[number];

export interface PortalUser {
  id: string;
  name: string;
  email: string;
  role: PortalRole;
  status: 'invited' | 'active' | 'revoked';
  invitedAt: string;
  lastSignInAt: string | null;
}

export const notificationEvents = ['job.warning', 'job.failed', 'licence.overrun'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export interface NotificationRecipient {
  id: string;
  name: string;
  email: string;
  language: Language;
  events: NotificationEvent[];
}

export interface Settings {
  selfServiceRestore: boolean;
  oneDriveSelfServiceNeedsApproval: boolean;
  defaultLanguage: Language;
  /** The tenant's mailbox (UPN or object id) that sends the letters; null: letters wait until one is set. */
  notificationSender: string | null;
}

export interface ActivityEntry {
  seq: number;
  at: string;
  actor: { kind: string; name: string; email: string };
  action: string;
  category: string;
  target?: { type: string; id: string; label?: string };
}

export interface ChainVerification {
  intact: boolean;
  entriesChecked: number;
  problems: Array<{ kind: string; seq: number }>;
}

export const articleCategories = ['concept', 'how-to', 'error'] as const;
export type ArticleCategory = (typeof articleCategories)[number];

export interface ArticleSummary {
  slug: string;
  title: string;
  category: ArticleCategory;
  excerpt: string;
}

export interface Article {
  slug: string;
  title: string;
  category: ArticleCategory;
  markdown: string;
}

export const ticketSeverities = ['low', 'normal', 'high', 'critical'] as const;
export type TicketSeverity = (typeof ticketSeverities)[number];

export interface TicketSummary {
  id: string;
  subject: string;
  severity: TicketSeverity;
  status: 'open' | 'in_progress' | 'resolved' | 'closed';
  openedBy: { name: string; email: string };
  createdAt: string;
  commentCount: number;
}

export interface Ticket extends TicketSummary {
  description: string;
  comments: Array<{ id: string; side: 'customer' | 'provider'; author: { name: string }; text: string; at: string }>;
}

export const jobWorkloads = ['exchange', 'onedrive', 'sharepoint', 'teams'] as const;
export type JobWorkload = (typeof jobWorkloads)[number];
export const retentionTiers = [1, 3, 5, 10] as const;
export type RetentionYears = (typeof retentionTiers)[number];

export type JobScope = { type: 'organisation' } | { type: 'groups'; groupIds: string[] };

/** What a person chooses for a backup job ("Crea job di backup"). */
export interface JobSettings {
  name: string;
  scope: JobScope;
  workloads: JobWorkload[];
  dailyTime: string;
  timeZone: string;
  retentionYears: RetentionYears;
  profile: string;
}

export const runStatuses = ['queued', 'running', 'succeeded', 'warning', 'failed'] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface RunSummary {
  id: string;
  jobId: string;
  jobName: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string;
  status: RunStatus;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface RunProgress {
  resourcesTotal: number;
  resourcesDone: number;
  resourcesFailed: number;
  items: number;
  bytes: number;
  deletions: number;
  warnings: number;
}

export const resourceKinds = ['mailbox', 'onedrive', 'sharepoint', 'team'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export interface ResourceOutcome {
  resourceId: string;
  kind: ResourceKind;
  displayName: string;
  workloads: string[];
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  items: number;
  bytes: number;
  deletions: number;
  warnings: Array<{ message: string; itemId?: string }>;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunDetail extends RunSummary {
  progress: RunProgress;
  summary: Record<Language, string>;
  resources: ResourceOutcome[];
}

export interface JobView extends JobSettings {
  id: string;
  createdAt: string;
  createdBy: string;
  status: 'stopped' | 'running' | 'succeeded' | 'warning' | 'failed';
  lastRun: RunSummary | null;
  nextRunAt: string | null;
  progress: RunProgress | null;
}

export interface ProtectedItem {
  id: string;
  kind: ResourceKind;
  displayName: string;
  ownerEmail: string | null;
  ownerUserId: string | null;
  protected: boolean;
  jobs: Array<{ id: string; name: string }>;
  lastBackupAt: string | null;
  storedBytes: number;
}

export interface LicenceUsage {
  licensed: boolean;
  plans: Array<{ profile: string; retentionYears: RetentionYears; workloads: string[]; seats: number; used: number }>;
  unlicensed: Array<{ profile: string; retentionYears: RetentionYears; used: number }>;
  storage: { purchasedBytes: number; usedBytes: number };
  overrun: boolean;
  remedies: Array<Record<Language, string>>;
}

export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}
