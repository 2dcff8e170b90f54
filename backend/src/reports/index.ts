export { reportRoutes, maxReportDays } from './report-routes.js';
export { snapshotsBetween, usageSnapshots, type PlanPoint, type UsageSnapshot } from './snapshot-store.js';
export { staleJobs, staleAfterMs, type StaleJob } from './stale-jobs.js';
export { takeUsageSnapshot, type SnapshotOptions } from './take-snapshot.js';
export { directoryAccounts, tenantCoverage, type DirectoryAccount, type TenantCoverage } from './tenant-coverage.js';
export { UsageReports, usageSnapshotDailyJobName, type UsageReportsOptions } from './usage-reports.js';
