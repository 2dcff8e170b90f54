import type { ResourceKind } from '../catalog/index.js';
import type { AnyWarningNotice } from '../backup-unit/warning-texts.js';
import type { AnyRunErrorNotice } from '../run-errors/run-error-texts.js';

export type Workload = 'exchange' | 'onedrive' | 'sharepoint' | 'teams';
export const allWorkloads: readonly Workload[] = ['exchange', 'onedrive', 'sharepoint', 'teams'];

/**
 * Whom a job protects. A job of groups gives each group a licence profile (the guide: "select the group and associate
 * the profile"); a group with no entry in `groupProfiles` has the job's `profile`, which is how jobs stored before
 * per-group profiles read (one profile for every group) without a migration.
 */
export type BackupScope =
  { type: 'organisation' } | { type: 'groups'; groupIds: string[]; groupProfiles?: Record<string, string> };

/** What an administrator configured: what to protect, when, for how long. */
export interface BackupJob {
  tenantId: string;
  jobId: string;
  name: string;
  scope: BackupScope;
  workloads: Workload[];
  /** Daily start, HH:mm in the tenant's time zone. */
  dailyTime: string;
  timeZone: string;
  retentionYears: 1 | 3 | 5 | 10;
  /** The whole organisation's profile, or the profile of each group that `scope.groupProfiles` does not name. */
  profile: string;
  createdAt: Date;
  createdBy: string;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'warning' | 'failed';
export type UnitStatus = 'pending' | 'running' | 'done' | 'failed';

export interface RunProgress {
  resourcesTotal: number;
  resourcesDone: number;
  resourcesFailed: number;
  items: number;
  bytes: number;
  deletions: number;
  warnings: number;
}

/** One execution of a backup job. Its progress is summed from its units when read. */
export interface BackupRun {
  tenantId: string;
  runId: string;
  jobId: string;
  jobName: string;
  trigger: 'schedule' | 'manual';
  requestedBy: string;
  status: RunStatus;
  queuedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** A sentence for the job log when the run as a whole could not proceed, in English as recorded. */
  error: string | null;
  /** What the reader's language writes `error` from; absent on older runs. */
  errorNotice?: AnyRunErrorNotice;
}

export interface RunView extends BackupRun {
  progress: RunProgress;
}

export interface UnitWarning {
  itemId?: string;
  /** In English, as recorded: all that entries from before warnings had codes carry. */
  message: string;
  /** What the reader's language writes it from; absent on older entries. */
  notice?: AnyWarningNotice;
}

/**
 * One resource within a run: the unit of work that one worker leases at a time. Only the lease
 * holder writes it, so its counters need no atomic increments across workers.
 */
export interface RunUnit {
  tenantId: string;
  runId: string;
  resourceId: string;
  resourceKind: ResourceKind;
  displayName: string;
  workloads: Workload[];
  /** The licence profile the resource's owner is protected under in this job; absent for sites, teams, older units. */
  profile?: string;
  /** Its place in the run's plan, which puts it in a lane (`unit-lanes.ts`); absent for units of older runs. */
  position?: number;
  status: UnitStatus;
  attempts: number;
  items: number;
  bytes: number;
  deletions: number;
  graphRequests: number;
  warnings: UnitWarning[];
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A unit as planning records it: pending, nothing counted, at `position` in the plan. */
export function pendingUnit(
  tenantId: string,
  runId: string,
  resource: { resourceId: string; kind: ResourceKind; displayName: string; workloads: Workload[]; profile?: string },
  position?: number,
): RunUnit {
  return {
    tenantId,
    runId,
    resourceId: resource.resourceId,
    resourceKind: resource.kind,
    displayName: resource.displayName,
    workloads: resource.workloads,
    ...(resource.profile !== undefined && { profile: resource.profile }),
    ...(position !== undefined && { position }),
    status: 'pending',
    attempts: 0,
    items: 0,
    bytes: 0,
    deletions: 0,
    graphRequests: 0,
    warnings: [],
    error: null,
    startedAt: null,
    finishedAt: null,
  };
}
