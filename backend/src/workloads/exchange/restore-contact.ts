import { MailFolderPaths } from './restore-mail-folders.js';
import { fieldDifferences, writableCopy, type GraphJson } from './restore-outlook-json.js';
import { OutlookJsonWriter, type OutlookContainer, type OutlookJson } from './restore-outlook-writer.js';

/** A contact as Graph serves it (learn.microsoft.com/graph/api/resources/contact); the rest travels untouched. */
export interface GraphContact extends OutlookJson {
  displayName?: string;
  givenName?: string;
  middleName?: string;
  surname?: string;
  emailAddresses?: { name?: string; address?: string }[];
  businessPhones?: string[];
  homePhones?: string[];
  mobilePhone?: string | null;
  companyName?: string | null;
  jobTitle?: string | null;
  personalNotes?: string | null;
  parentFolderId?: string;
}

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
 * Restores contacts into their contact folder (created by `POST /users/{id}/contactFolders`, or as a child folder
 * under a restore folder). Two contacts are the same when display name and first email address match.
 * https://learn.microsoft.com/graph/api/contactfolder-post-contacts
 */
export class ContactWriter extends OutlookJsonWriter<GraphContact> {
  private readonly folders = new Map<string, MailFolderPaths>();
  protected readonly itemSegment = 'contacts';
  protected readonly identitySelect = 'id,displayName,emailAddresses';

  protected async container(userId: string, folderPath: readonly string[]): Promise<OutlookContainer> {
    let paths = this.folders.get(userId);
    if (!paths) this.folders.set(userId, (paths = new MailFolderPaths(this.context.graph, userId, 'contactFolders')));
    const folderId = await paths.ensure(folderPath);
    return {
      itemsPath: `/users/${encodeURIComponent(userId)}/contactFolders/${encodeURIComponent(folderId)}/contacts`,
      folderId,
    };
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
    if (restored.parentFolderId !== container.folderId) differences.push('folder');
    return differences;
  }
}
