import type { ReadAhead } from '../../backup/read-ahead.js';
import { exchangeSettingsPath } from '../../graph/index.js';
import { eventListing } from './calendar-backup.js';
import { topMailFolders } from './mail-folders.js';

/**
 * The reads a mailbox unit always starts with and that depend on nothing: its top-level mail folders, its Exchange
 * settings (the mailbox id of the import/export API) and the first page of its calendar. The default contact folder
 * is left out: Graph v1.0 does not document it by name, so it is often refused, and a refused read is sent again.
 */
export function mailboxFirstReads(userId: string): ReadAhead[] {
  return [topMailFolders(userId), { path: exchangeSettingsPath(userId) }, eventListing(userId)];
}
