import { defineTenantCollection } from '../db/index.js';
import type { BackupJob, BackupRun, RunUnit } from './model.js';

export const backupJobsCollection = defineTenantCollection<BackupJob>('backupJobs', [
  { key: { tenantId: 1, jobId: 1 }, unique: true, name: 'tenant_job' },
  { key: { tenantId: 1, name: 1 }, unique: true, name: 'tenant_job_name' },
]);

export const runsCollection = defineTenantCollection<BackupRun>('backupRuns', [
  { key: { tenantId: 1, runId: 1 }, unique: true, name: 'tenant_run' },
  { key: { tenantId: 1, jobId: 1, queuedAt: -1 }, name: 'tenant_job_runs' },
]);

export const runUnitsCollection = defineTenantCollection<RunUnit>('backupRunUnits', [
  { key: { tenantId: 1, runId: 1, resourceId: 1 }, unique: true, name: 'tenant_run_resource' },
  { key: { tenantId: 1, runId: 1, status: 1 }, name: 'tenant_run_status' },
  { key: { tenantId: 1, runId: 1, position: 1 }, name: 'tenant_run_position' },
]);
