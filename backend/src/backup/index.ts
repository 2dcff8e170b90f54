export * from './model.js';
export { BackupJobs, newBackupJobSchema, type NewBackupJob } from './backup-jobs.js';
export {
  RunEngine,
  backupRunJobName,
  backupUnitJobName,
  type GraphErrorReader,
  type RunEngineOptions,
} from './run-engine.js';
export { expandScope, type PlannedResource } from './scope.js';
export type { ContentWriter, GraphReader, GraphResource, GraphDeltaPage } from '../backup-unit/ports.js';
export { backupJobsCollection, runsCollection, runUnitsCollection } from './collections.js';
export { graphErrorReader } from './graph-errors.js';
