export { startSimulator, type RunningSimulator, type StartSimulatorOptions } from './simulator.js';
export { mintUserToken, type MintUserTokenOptions } from './mint-user-token.js';
export {
  SimulatorControl,
  type DriveSummary,
  type FileContent,
  type FolderSummary,
  type UserSummary,
} from './control.js';
export { RemoteSimulatorControl, type MessageSummary } from './control-client.js';
export type { FaultSpec } from './faults.js';
export type { CountersSnapshot, Count } from './limits/counters.js';
export type * from './model/definition.js';
export type { ContactRecord, EventRecord, OutboxEntry } from './model/records.js';
export { demoTenant, type DemoTenantOptions } from './demo-tenant.js';
export { demoProviderTenant } from './demo-provider-tenant.js';
export { APP_ROLES } from './identity/token-endpoint.js';
export { DEFAULT_IMPORT_SESSION_SECONDS } from './routes/import-sessions.js';
export {
  sharePointResourceUnitsPerMinute,
  MAILBOX_CONCURRENCY,
  MAILBOX_REQUESTS_PER_WINDOW,
  MAILBOX_UPLOAD_BYTES_PER_WINDOW,
} from './limits/limits.js';
