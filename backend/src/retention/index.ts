export {
  retentionPolicyOf,
  expiryCutoff,
  LONGEST_RETENTION,
  type RetentionPolicy,
  type RetentionYears,
} from './retention-policy.js';
export { sweepExpiredVersions, type RetentionSweepReport } from './retention-sweep.js';
export { referencedBlobIds } from './live-blobs.js';
export { maintainTenant, type MaintenanceOptions, type MaintenanceReport } from './tenant-maintenance.js';
export {
  RetentionJobs,
  retentionDailyJobName,
  retentionTenantJobName,
  type RetentionJobsOptions,
} from './retention-jobs.js';
export { verifyCatalogReferences, type ReferenceReport } from './verify-references.js';
export { verifyTenants, type TenantVerifyOptions, type TenantVerifyReport } from './verify-tenant.js';
export {
  runVerifyCommand,
  parseVerifyArguments,
  UsageError,
  VERIFY_USAGE,
  type CommandContext,
  type VerifyArguments,
} from './cli/verify-command.js';
export { runRebuildIndexCommand, REBUILD_INDEX_USAGE } from './cli/rebuild-index-command.js';
