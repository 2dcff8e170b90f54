import type { ReadAhead, ReadAheadReader } from '../../backup-unit/read-ahead.js';
import { exchangeSettingsPath, mailboxFolderDelta } from '../../graph/index.js';
import { eventListing } from './calendar-backup.js';
import { contactFolderPath, defaultContactFolderProbes } from './contact-folders.js';
import { childMailFolders, inboxFolderPath, topMailFolders, type GraphMailFolder } from './mail-folders.js';

/**
 * The reads a mailbox unit always starts with and that depend on nothing: its top-level mail folders, its Inbox's id
 * (read by its well-known name, to mark it among them), its Exchange settings (the mailbox id of the import/export
 * API), the first page of its calendar, and the default Contacts
 * folder: read by its well-known name, whose refusal (Graph v1.0 does not document the name: 400 or 404) stands as
 * the answer the unit would get alone and handles, and the two one-item listings that name the folder where Graph
 * does not answer to its name (when it does, they were two sub-requests of a batch sent anyway).
 */
export function mailboxFirstReads(userId: string): ReadAhead[] {
  return [
    topMailFolders(userId),
    { path: inboxFolderPath(userId) },
    { path: exchangeSettingsPath(userId) },
    eventListing(userId),
    { path: contactFolderPath(userId), keptRefusals: [400, 404] },
    ...defaultContactFolderProbes(userId).map((path) => ({ path })),
  ];
}

/**
 * The reads that the first ones make certain: the child folders of each top-level mail folder that has any (its
 * `childFolderCount`), and the mailbox's folder delta of the import/export API once the settings name the mailbox.
 * A refused one (the API not consented) is sent again alone, where its refusal is handled.
 */
export function mailboxSecondReads(userId: string, first: ReadAheadReader): ReadAhead[] {
  const top = first.peek(topMailFolders(userId).path) as { value?: GraphMailFolder[] } | undefined;
  const settings = first.peek(exchangeSettingsPath(userId)) as { primaryMailboxId?: string } | undefined;
  return [
    ...(top?.value ?? [])
      .filter((folder) => (folder.childFolderCount ?? 0) > 0)
      .map((folder) => childMailFolders(userId, folder.id)),
    ...(settings?.primaryMailboxId ? [mailboxFolderDelta(settings.primaryMailboxId)] : []),
  ];
}
