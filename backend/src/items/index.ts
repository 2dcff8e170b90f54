export { purgeResourceBackup, type PurgeCounts } from './purge-backup.js';
export { storedBytesByResource, storedBytesOfTenant } from './stored-bytes.js';
