import { defaultContactFolderName } from './contact-folders.js';
import type { ExtendedProperty } from './outlook-items.js';
import { userPath } from './user-path.js';

/**
 * A contact as Graph serves it (https://learn.microsoft.com/graph/api/resources/contact): the fields Custodia reads;
 * the rest travels untouched, backed up and restored as the JSON Graph gave.
 */
export interface GraphContact {
  [property: string]: unknown;
  id: string;
  '@removed'?: { reason: string };
  changeKey?: string;
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
  lastModifiedDateTime?: string;
  singleValueExtendedProperties?: ExtendedProperty[];
}

/** The first request of a contact folder's delta round (https://learn.microsoft.com/graph/api/contact-delta). */
export function contactDeltaStart(userId: string, folderId: string): string {
  return `${userPath(userId)}/contactFolders/${encodeURIComponent(folderId)}/contacts/delta`;
}

/**
 * Where a folder's contacts are listed and created; the default folder's by the path v1.0 documents for it
 * (https://learn.microsoft.com/graph/api/user-post-contacts, /graph/api/contactfolder-post-contacts).
 */
export function folderContactsPath(userId: string, folderId: string): string {
  return folderId === defaultContactFolderName
    ? `${userPath(userId)}/contacts`
    : `${userPath(userId)}/contactFolders/${encodeURIComponent(folderId)}/contacts`;
}
