export * from './model.js';
export { Catalog, visibleAt, type NewItemVersion } from './catalog.js';
export {
  dateBucketsCollection,
  deltaCursorsCollection,
  foldersCollection,
  itemVersionsCollection,
  resourcesCollection,
} from './collections.js';
export { searchTermsOf } from './search-terms.js';
export { searchBucketsOf } from './search-buckets.js';
export { countDateBuckets, dateBucketFieldsOf } from './date-buckets.js';
import './search-buckets-upgrade.js';
import './date-buckets-upgrade.js';
export { currentBytesOfResource } from './resource-stored-bytes.js';
export { childFolderPath, displayFolderPath, joinFolderPath, splitFolderPath } from './folder-path.js';
