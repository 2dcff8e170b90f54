export * from './model.js';
export { RestoreService, restoreRunJobName, type RestoreServiceOptions } from './restore-service.js';
export { resolveSelection, maxItemsPerRestore } from './selection.js';
export { restoreFolderName } from './target-location.js';
export { outlookUploadBudget, type UploadBudget } from './upload-pacer.js';
export { restoreItemsCollection, restoreRequestsCollection, exportsCollection } from './collections.js';
export { SelfServiceRestore, SelfServiceScopeError, type SelfServiceRequest } from './self-service.js';
