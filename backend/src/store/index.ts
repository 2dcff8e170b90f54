export { openContentStore, type ContentRef, type ContentStore, type ContentStoreOptions } from './content-store.js';
export type { ContentKind } from './chunker.js';
export type { PackBackend, StoredObject } from './pack-backend.js';
export { filesystemBackend } from './filesystem-backend.js';
export { azureBlobBackend, type AzureBlobBackendOptions } from './azure-blob-backend.js';
export { verifyStore, type StoreFinding, type VerifyOptions, type VerifyReport } from './verify-store.js';
export { StoreError, type LocalizedText, type StoreErrorCode } from './errors.js';
export { storeBlobs, type BlobLocation } from './blob-index.js';
