export { openDatabase, type Database } from './database.js';
export { watchDatabase, type ConnectivityLog } from './connectivity.js';
export {
  defineCollection,
  defineTenantCollection,
  ensureIndexes,
  registeredCollections,
  type CollectionDefinition,
  type TenantCollectionDefinition,
} from './collections.js';
export { defineUpgrade, runUpgrades, type Upgrade } from './upgrades.js';
export { TenantCollection, TenantScopeError, type TenantOwned } from './tenant-collection.js';
export { bulkWriteInBatches, writesPerCommand } from './write-batches.js';
export { insertedFirst, isDuplicateKeyError } from './duplicate-key.js';
