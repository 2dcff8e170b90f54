export * from './model.js';
export { Catalog, visibleAt, type NewItemVersion } from './catalog.js';
export {
  dateBucketsCollection,
  deltaCursorsCollection,
  foldersCollection,
  itemVersionsCollection,
  resourcesCollection,
} from './collections.js';
export { ResourceReads, type ResourceListFilter } from './resource-reads.js';
export { VersionReads } from './version-reads.js';
export { VersionBlobReferences, type VersionReference } from './version-blob-references.js';
export { VersionExpiry } from './version-expiry.js';
export { purgeResourceCatalog, type PurgedCatalog } from './resource-purge.js';
export { searchTermsOf } from './search-terms.js';
export { searchBucketsOf } from './search-buckets.js';
export { countDateBuckets, dateBucketFieldsOf } from './date-buckets.js';
import './search-buckets-upgrade.js';
import './date-buckets-upgrade.js';
export { currentBytesOfResource } from './resource-stored-bytes.js';
export { childFolderPath, displayFolderPath, joinFolderPath, splitFolderPath } from './folder-path.js';
