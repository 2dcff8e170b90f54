export { purgeResourceBackup, type PurgeCounts } from './purge-backup.js';
