import { readAhead, type ReadAhead, type ReadAheadReader } from '../../backup-unit/read-ahead.js';
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
import { quietClasses, type QuietClasses } from './quiet-classes.js';

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
 * Reads ahead what a mailbox unit needs before its first delta poll, in JSON batches of independent reads, and tells
 * which classes it may skip. First: its top-level mail folders, its Inbox's id (read by its well-known name, to mark
 * it among them) unless remembered, and either its Exchange settings (the mailbox id of the import/export API) or,
 * with that id remembered, the mailbox's folder list itself. Then the reads those make certain: the child folders of
 * each top-level mail folder that has any (its `childFolderCount`) and, once the settings name the mailbox, its folder
 * list. The calendar and contact reads wait for that list, in a first run as in later ones, so that a class the list
 * shows quiet (quiet-classes.ts) is not read at all: one more round of a first run costs the time of one request, a
 * read of an empty class costs four requests of the mailbox's budget. The default Contacts folder is read by its
 * well-known name, whose refusal (Graph v1.0 does not document the name: 400 or 404) stands as the answer the unit
 * would get alone and handles, with the two one-item listings that name the folder where Graph does not answer to its
 * name (when it does, they were two sub-requests of a batch sent anyway). A refused read (the API not consented) is
 * sent again alone, where its refusal is handled.
 */
export async function readMailboxAhead(
  context: UnitContext,
  userId: string,
  remembered: RememberedMailbox,
): Promise<{ graph: ReadAheadReader; quiet: QuietClasses }> {
  const key = { kind: 'mailbox', userId } as const;
  const { tenantId } = context;
  const first = await readAhead(context.graph, key, firstReads(userId, remembered), tenantId);
  const settings = first.peek(exchangeSettingsPath(userId)) as { primaryMailboxId?: string } | undefined;
  const mailboxId = remembered.mailboxId ?? settings?.primaryMailboxId;
  const listedLater = remembered.mailboxId === undefined && mailboxId !== undefined;
  const second = await readAhead(
    first,
    key,
    [...childFolderReads(userId, first), ...(listedLater ? [mailboxFolderDelta(mailboxId)] : [])],
    tenantId,
  );
  const quiet = await quietClasses(context, second, mailboxId);
  const graph = await readAhead(second, key, calendarAndContactReads(userId, quiet), tenantId);
  return { graph, quiet };
}

function firstReads(userId: string, remembered: RememberedMailbox): ReadAhead[] {
  return [
    topMailFolders(userId),
    ...(remembered.inboxId === undefined ? [{ path: inboxFolderPath(userId) }] : []),
    remembered.mailboxId === undefined
      ? { path: exchangeSettingsPath(userId) }
      : mailboxFolderDelta(remembered.mailboxId),
  ];
}

function childFolderReads(userId: string, first: ReadAheadReader): ReadAhead[] {
  const top = first.peek(topMailFolders(userId).path) as { value?: GraphMailFolder[] } | undefined;
  return (top?.value ?? [])
    .filter((folder) => (folder.childFolderCount ?? 0) > 0)
    .map((folder) => childMailFolders(userId, folder.id));
}

function calendarAndContactReads(userId: string, quiet: QuietClasses): ReadAhead[] {
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
