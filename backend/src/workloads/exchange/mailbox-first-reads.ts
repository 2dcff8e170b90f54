import type { ReadAhead, ReadAheadReader } from '../../backup-unit/read-ahead.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import {
  childMailFolders,
  contactFolderPath,
  defaultContactFolderProbes,
  eventListing,
  exchangeSettingsPath,
  inboxFolderPath,
  mailboxFolderDelta,
  topMailFolders,
  type GraphMailFolder,
} from '../../graph/index.js';
import type { QuietClasses } from './quiet-classes.js';

/**
 * What earlier runs learnt of a mailbox that does not change while the mailbox lives, so that a run does not read it
 * again: the Inbox's id (the catalog's mail folder marked `inbox`; checked against each run's folder listing) and the
 * primary mailbox id of the import/export API (ProtectedResource.mailboxId; read again when Graph refuses it as gone).
 */
export interface RememberedMailbox {
  inboxId?: string;
  mailboxId?: string;
}

/** The mailbox's remembered facts, from its catalog folders and its resource record. */
export async function rememberedMailbox(context: UnitContext): Promise<RememberedMailbox> {
  const folders = await context.catalog.listFolders(context.resource.resourceId);
  const inbox = folders.find(
    (folder) => folder.deletedAt === null && folder.wellKnownName === 'inbox' && folder.folderId.startsWith('mail:'),
  );
  return {
    ...(inbox && { inboxId: inbox.folderId.slice('mail:'.length) }),
    ...(context.resource.mailboxId !== undefined && { mailboxId: context.resource.mailboxId }),
  };
}

/**
 * The reads a mailbox unit always starts with and that depend on nothing: its top-level mail folders, its Inbox's id
 * (read by its well-known name, to mark it among them) unless remembered, and either its Exchange settings (the
 * mailbox id of the import/export API) or, with that id remembered, the mailbox's folder list itself. Without a
 * remembered id the first page of its calendar and the default Contacts folder's reads go here too (else in the second
 * reads, once the folder list has told whether they can hold anything: quiet-classes.ts): the folder read by its
 * well-known name, whose refusal (Graph v1.0 does not document the name: 400 or 404) stands as the answer the unit
 * would get alone and handles, and the two one-item listings that name the folder where Graph does not answer to its
 * name (when it does, they were two sub-requests of a batch sent anyway).
 */
export function mailboxFirstReads(userId: string, remembered: RememberedMailbox): ReadAhead[] {
  return [
    topMailFolders(userId),
    ...(remembered.inboxId === undefined ? [{ path: inboxFolderPath(userId) }] : []),
    ...(remembered.mailboxId === undefined
      ? [{ path: exchangeSettingsPath(userId) }, ...calendarAndContactReads(userId)]
      : [mailboxFolderDelta(remembered.mailboxId)]),
  ];
}

/**
 * The reads that the first ones make certain: the child folders of each top-level mail folder that has any (its
 * `childFolderCount`), the mailbox's folder delta of the import/export API once the settings name the mailbox, and,
 * when the remembered mailbox id sent the folder list first, the calendar and contact reads of the classes that list
 * does not show quiet. A refused one (the API not consented) is sent again alone, where its refusal is handled.
 */
export function mailboxSecondReads(
  userId: string,
  first: ReadAheadReader,
  remembered: RememberedMailbox,
  quiet: QuietClasses,
): ReadAhead[] {
  const top = first.peek(topMailFolders(userId).path) as { value?: GraphMailFolder[] } | undefined;
  const settings = first.peek(exchangeSettingsPath(userId)) as { primaryMailboxId?: string } | undefined;
  return [
    ...(top?.value ?? [])
      .filter((folder) => (folder.childFolderCount ?? 0) > 0)
      .map((folder) => childMailFolders(userId, folder.id)),
    ...(settings?.primaryMailboxId ? [mailboxFolderDelta(settings.primaryMailboxId)] : []),
    ...(remembered.mailboxId === undefined ? [] : calendarAndContactReads(userId, quiet)),
  ];
}

function calendarAndContactReads(userId: string, quiet: QuietClasses = { contacts: false, calendar: false }) {
  return [
    ...(quiet.calendar ? [] : [eventListing(userId)]),
    ...(quiet.contacts
      ? []
      : [
          { path: contactFolderPath(userId), keptRefusals: [400, 404] },
          ...defaultContactFolderProbes(userId).map((path) => ({ path })),
        ]),
  ];
}
