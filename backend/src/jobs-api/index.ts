export {
  createBackupApiServices,
  type BackupApiOptions,
  type BackupApiServices,
  type DirectoryAccess,
} from './backup-services.js';
export { JobScheduling, backupScheduleJobName, dailyCron } from './job-scheduling.js';
export { requestRun, type RunRequest, type RunRequestOutcome, type RunRequestServices } from './run-request.js';
