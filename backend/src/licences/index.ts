export { LicenceMonitor } from './licence-monitor.js';
export { licenceUsage, type LicenceUsage, type PlanUsage } from './licence-usage.js';
export { readLicence, writeLicence, retentionTiers, type LicencePlan, type TenantLicence } from './licence-store.js';
export { overrunRemedies } from './remedies.js';
export { profileWorkloadsFromLicence } from './profile-workloads.js';
