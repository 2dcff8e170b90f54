import type { ReadAheadReader } from '../../backup-unit/read-ahead.js';
import type { UnitContext } from '../../backup-unit/unit-context.js';
import { mailboxFolderDelta, type MailboxFolder } from '../../graph/index.js';

/** Whether a mailbox's contacts, and its calendars, hold nothing at Graph and nothing in the catalog. */
export interface QuietClasses {
  contacts: boolean;
  calendar: boolean;
}

const noneQuiet: QuietClasses = { contacts: false, calendar: false };

interface FolderListPage {
  value?: MailboxFolder[];
  '@odata.nextLink'?: string;
}

/**
 * Tells, from the mailbox's whole folder list (the import/export API's folder delta, read ahead by readMailboxAhead
 * before any calendar or contact read), the classes whose reads a run may skip without losing a change, as a mail
 * folder's delta poll is skipped (delta-prefetch.ts, needsDeltaPoll). Each folder carries its class (`type`) and "totalItemCount: The number
 * of items in the folder" (https://learn.microsoft.com/graph/api/resources/mailboxfolder). The contacts are quiet when
 * the list holds exactly one contact folder (the default Contacts folder: no child folder to walk) and it holds no
 * item, and the catalog holds no open contact folder: the contact reads would find nothing to add and nothing to
 * close. The calendars are quiet when every calendar folder holds no item and the catalog holds no event open now: the
 * event listing would be empty and close nothing. A list of more than one page, or none (the API not consented, the
 * id refused), leaves every class read as before. A contact or event added after the list was read is found by the
 * next run, as one added after the listing would be.
 */
export async function quietClasses(
  context: Pick<UnitContext, 'catalog' | 'resource'>,
  first: ReadAheadReader,
  mailboxId: string | undefined,
): Promise<QuietClasses> {
  if (mailboxId === undefined) return noneQuiet;
  const page = first.peek(mailboxFolderDelta(mailboxId).path) as FolderListPage | undefined;
  if (!page?.value || page['@odata.nextLink'] !== undefined) return noneQuiet;
  const ofClass = (prefix: string) => page.value!.filter((folder) => folder.type.startsWith(prefix));
  const contactFolders = ofClass('IPF.Contact');
  const calendars = ofClass('IPF.Appointment');
  const resourceId = context.resource.resourceId;
  const contacts =
    contactFolders.length === 1 &&
    contactFolders[0]!.totalItemCount === 0 &&
    !(await context.catalog.listFolders(resourceId)).some(
      (folder) => folder.deletedAt === null && folder.folderId.startsWith('contacts:'),
    );
  const calendar =
    calendars.length > 0 &&
    calendars.every((folder) => folder.totalItemCount === 0) &&
    (await context.catalog.browse(resourceId, 'calendar', new Date(), 1)).length === 0;
  return { contacts, calendar };
}
