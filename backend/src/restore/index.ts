export * from '../restore-model/model.js';
export { RestoreService, restoreRunJobName, type RestoreServiceOptions } from './restore-service.js';
export { RestoreRequests } from './restore-requests.js';
export { resolveSelection, maxItemsPerRestore, SelectionTooLargeError } from './selection.js';
export { restoreFolderName } from '../restore-model/target-location.js';
export { outlookUploadBudget, type UploadBudget } from '../restore-model/upload-pacer.js';
export { restoreItemsCollection, restoreRequestsCollection, exportsCollection } from './collections.js';
export {
  SelfServiceRestore,
  SelfServiceScopeError,
  selfServiceRequester,
  type SelfServiceRequest,
} from './self-service.js';
export { ExportService, restoreExportJobName, type ExportServiceOptions } from './export-service.js';
export type { ExportRecord, ExportStatus } from './export-model.js';
export { writeSelectionZip, type ZipExportInput } from './export-zip.js';
