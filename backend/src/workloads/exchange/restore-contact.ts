import { defaultContactFolderName, folderContactsPath, type GraphContact } from '../../graph/index.js';
import { defaultContactFolderId } from './contact-folders.js';
import { pathBelowDefaultFolder } from './default-folder-path.js';
import { MailFolderPaths } from './restore-mail-folders.js';
import { fieldDifferences, writableCopy, type GraphJson } from './restore-outlook-json.js';
import { OutlookJsonWriter, type OutlookContainer } from './restore-outlook-writer.js';

/** Navigation properties a contact may carry in its backup, which a POST does not take. */
const contactReadOnly = ['photo', 'extensions'];

/** What the read-back must match: names, emails, phones, company, job title, addresses, notes. */
const verifiedContactFields = [
  'displayName',
  'title',
  'givenName',
  'middleName',
  'surname',
  'generation',
  'nickName',
  'emailAddresses',
  'businessPhones',
  'homePhones',
  'mobilePhone',
  'companyName',
  'department',
  'jobTitle',
  'officeLocation',
  'businessAddress',
  'homeAddress',
  'otherAddress',
  'personalNotes',
];

/**
 * Restores contacts into their contact folder. A contact's backed-up path starts with the default Contacts folder
 * (`Contatti/Fornitori/Italia`): in place, the path below it is recreated inside the target mailbox's default folder;
 * into a new folder or another user's mailbox, the restore's folder is created inside the default folder and the
 * path below the original default folder beneath it (`Contatti/Ripristino …/Fornitori/Italia`). Two contacts are the
 * same when display name and first email address match.
 * https://learn.microsoft.com/graph/api/contactfolder-post-contacts, /graph/api/contactfolder-post-childfolders
 */
export class ContactWriter extends OutlookJsonWriter<GraphContact> {
  private readonly folders = new Map<string, MailFolderPaths>();
  private readonly defaultFolderIds = new Map<string, string>();
  protected readonly itemSegment = 'contacts';
  protected readonly identitySelect = 'id,displayName,emailAddresses';

  protected async container(
    userId: string,
    folderPath: readonly string[],
    originalPath: readonly string[],
  ): Promise<OutlookContainer> {
    let paths = this.folders.get(userId);
    if (!paths) this.folders.set(userId, (paths = new MailFolderPaths(this.context.graph, userId, 'contactFolders')));
    const folderId = await paths.ensure(pathBelowDefaultFolder(folderPath, originalPath));
    const checkedId = folderId === defaultContactFolderName ? await this.defaultFolderId(userId) : folderId;
    return {
      itemsPath: folderContactsPath(userId, folderId),
      ...(checkedId !== undefined && { folderId: checkedId }),
      ...(folderId === defaultContactFolderName && { wellKnownName: defaultContactFolderName }),
    };
  }

  /** The default folder's real id, which read-back compares with `parentFolderId`; kept once known. */
  private async defaultFolderId(userId: string): Promise<string | undefined> {
    let id = this.defaultFolderIds.get(userId);
    if (id === undefined) {
      id = await defaultContactFolderId(this.context.graph, userId);
      if (id !== undefined) this.defaultFolderIds.set(userId, id);
    }
    return id;
  }

  protected identityOf(contact: GraphContact): string {
    const email = contact.emailAddresses?.[0]?.address ?? '';
    return `${(contact.displayName ?? '').trim().toLocaleLowerCase()}\n${email.trim().toLowerCase()}`;
  }

  protected toCreate(original: GraphContact, marker: string): GraphJson {
    return writableCopy(original, contactReadOnly, marker);
  }

  protected differences(original: GraphContact, restored: GraphContact, container: OutlookContainer): string[] {
    const differences = fieldDifferences(original, restored, verifiedContactFields);
    // Unknown only while the default folder holds no contact: then the restored one is not there.
    if (restored.parentFolderId !== container.folderId) differences.push('folder');
    return differences;
  }
}
