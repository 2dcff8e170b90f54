import type { Db } from 'mongodb';
import type { ActivityLog } from '../audit/activity-log.js';
import type { Actor } from '../audit/activity-store.js';
import type { BackupRun } from '../backup/model.js';
import type { RunEngine } from '../backup/run-engine.js';
import { missingSetupSteps, type SetupStep } from '../tenants/setup-status.js';
import { findTenant } from '../tenants/tenant-store.js';

export interface RunRequestServices {
  readonly db: Db;
  readonly engine: RunEngine;
  readonly activity: ActivityLog;
}

export interface RunRequest {
  readonly tenantId: string;
  readonly jobId: string;
  /** Who asked, in the activity log. */
  readonly actor: Actor;
  /** Who asked, on the run (the job log shows it). */
  readonly requestedBy: string;
}

/** The run that was started, or why none was: the tenant's setup steps still missing. */
export type RunRequestOutcome = { started: BackupRun } | { setupMissing: SetupStep[] };

/**
 * "Run this job", from wherever it is pressed (the portal's API, the bot's card): a tenant whose setup is not
 * finished is refused, otherwise the run starts and `backup_job.run_requested` is written to the activity log,
 * the same entry whoever asked. The caller has checked that the person may manage jobs and that the job exists.
 */
export async function requestRun(services: RunRequestServices, request: RunRequest): Promise<RunRequestOutcome> {
  const tenant = await findTenant(services.db, request.tenantId);
  const missing = tenant ? missingSetupSteps(tenant) : [];
  if (missing.length > 0) return { setupMissing: missing };
  const run = await services.engine.startRun(request.tenantId, request.jobId, 'manual', request.requestedBy);
  await services.activity.append(request.tenantId, request.actor, {
    action: 'backup_job.run_requested',
    target: { type: 'backup_job', id: run.jobId, label: run.jobName },
    details: { runId: run.runId },
  });
  return { started: run };
}
