import type { AttachmentContent, MessageContent } from '../mime/types.js';
import type { ContentSource } from './content.js';
import type { DeltaCollection, Residency } from './delta-collection.js';

export interface UserRecord {
  id: string;
  index: number;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  preferredLanguage: string;
  accountEnabled: boolean;
}

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string;
  visibility: 'Public' | 'Private';
  memberIds: string[];
  isTeam: boolean;
  createdDateTime: string;
}

export interface FolderRecord {
  id: string;
  seq: number;
  displayName: string;
  parentFolderId: string;
  wellKnownName?: string;
  /** A mail folder created with `isHidden: true`, which mailFolders lists only with `includeHiddenFolders=true`. */
  isHidden?: boolean;
  /** Set when the folder was created with extended properties (mailboxFolder create accepts them). */
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

/** Where a message's bytes come from: the MIME it was stored as, or content it was created from or generated. */
export interface MessageSource {
  mime(): Buffer;
  content(): MessageContent;
}

export interface MessageRecord {
  id: string;
  seq: number;
  parentFolderId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  isRead: boolean;
  isDraft: boolean;
  importance: 'low' | 'normal' | 'high';
  inferenceClassification: 'focused' | 'other';
  flag: { flagStatus: 'notFlagged' | 'flagged' | 'complete' };
  categories: string[];
  subject: string;
  from?: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  cc: Array<{ name: string; address: string }>;
  bcc: Array<{ name: string; address: string }>;
  replyTo: Array<{ name: string; address: string }>;
  hasAttachments: boolean;
  internetMessageId: string;
  conversationId: string;
  /** PidTagConversationIndex, base64: the thread's 22-byte header and 5 bytes per reply level. */
  conversationIndex: string;
  /** The Message-ID (without angle brackets) of the message this one replies to or forwards. */
  inReplyTo?: string;
  source: MessageSource;
  singleValueExtendedProperties: Array<{ id: string; value: string }>;
}

export interface OutboxEntry {
  userId: string;
  sentDateTime: string;
  message: MessageContent;
  saveToSentItems: boolean;
}

export interface ContactRecord {
  id: string;
  seq: number;
  parentFolderId: string;
  displayName: string;
  givenName: string;
  surname: string;
  emailAddresses: Array<{ name: string; address: string }>;
  companyName: string | null;
  mobilePhone: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Other writable contact properties as posted (phones, job title, addresses, notes…), rendered as they came. */
  details?: Record<string, unknown>;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

export interface EventRecord {
  id: string;
  seq: number;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  isAllDay: boolean;
  location: { displayName: string };
  attendees: Array<{ emailAddress: { name: string; address: string }; type: string }>;
  organizer: { emailAddress: { name: string; address: string } };
  recurrence: object | null;
  type: 'singleInstance' | 'seriesMaster';
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Absent for the default calendar. */
  calendarId?: string;
  showAs?: string;
  /** Other writable event properties as posted (importance, sensitivity, categories, reminder…). */
  details?: Record<string, unknown>;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
  /** Exchange's UID of the event across calendars, kept by export and import (https://learn.microsoft.com/graph/api/resources/event). */
  iCalUId?: string;
  /** A series master's cancelled and changed occurrences, keyed by their original start (ISO 8601, UTC). */
  occurrenceChanges?: Record<string, OccurrenceChange>;
}

/**
 * What became of one occurrence of a series: deleted or cancelled, or changed into an exception whose own values
 * replace the series' (https://learn.microsoft.com/graph/api/event-update, /graph/api/event-delete).
 */
export type ExceptionProperty =
  'subject' | 'body' | 'start' | 'end' | 'location' | 'isAllDay' | 'attendees' | 'showAs' | 'details';

export interface OccurrenceChange {
  cancelled?: boolean;
  changed?: Partial<Pick<EventRecord, ExceptionProperty>>;
  lastModifiedDateTime: string;
}

export interface Mailbox {
  userId: string;
  residency: Residency;
  folders: DeltaCollection<FolderRecord>;
  messages: Map<string, DeltaCollection<MessageRecord>>;
  /** Message id -> folder id, to find a message addressed without its folder. */
  messageFolder: Map<string, string>;
  contactFolders: DeltaCollection<FolderRecord>;
  contacts: Map<string, DeltaCollection<ContactRecord>>;
  events: DeltaCollection<EventRecord>;
  /** Calendars other than the default one, which holds every event without a calendarId. */
  calendars: DeltaCollection<FolderRecord>;
  /** Task folders (IPF.Task: the default Tasks folder and its subfolders) and note folders (IPF.StickyNote). */
  taskFolders: DeltaCollection<FolderRecord>;
  noteFolders: DeltaCollection<FolderRecord>;
  /** Folder id -> the tasks or notes it holds. */
  mailboxOnlyItems: Map<string, DeltaCollection<MailboxOnlyItemRecord>>;
}

/** The message classes of the items only the mailbox import/export API reaches in Graph v1.0. */
export type MailboxOnlyItemClass = 'IPM.Task' | 'IPM.StickyNote';

/**
 * An Outlook task or note. Graph v1.0 has no JSON API for them (the Outlook tasks API was beta only and is retired);
 * the mailbox import/export API lists, exports and imports them like any item. Their content is held as the MAPI
 * properties Exchange stores (subject `String 0x37`, body `String 0x1000`, the task's due date, status and percent
 * complete, the note's colour), each readable as a single-value extended property.
 */
export interface MailboxOnlyItemRecord {
  id: string;
  seq: number;
  parentFolderId: string;
  itemClass: MailboxOnlyItemClass;
  createdDateTime: string;
  lastModifiedDateTime: string;
  categories: string[];
  singleValueExtendedProperties: Array<{ id: string; value: string }>;
}

export interface DriveItemVersion {
  id: string;
  lastModifiedDateTime: string;
  content: ContentSource;
  lastModifiedBy?: IdentitySet;
}

export interface DriveItemRecord {
  id: string;
  seq: number;
  name: string;
  parentId: string | null;
  isFolder: boolean;
  content: ContentSource | null;
  mimeType: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  versions: DriveItemVersion[];
  /** Who created and last changed the item, as the driveItem's identity sets show them; the drive's owner if unset. */
  createdBy?: IdentitySet;
  lastModifiedBy?: IdentitySet;
  /** The times a client set (`fileSystemInfo` on upload or update); the service's own times otherwise. */
  fileSystemInfo?: { createdDateTime?: string; lastModifiedDateTime?: string };
}

/** An identitySet (https://learn.microsoft.com/graph/api/resources/identityset): the user or app behind a change. */
export interface IdentitySet {
  user?: { id?: string; displayName: string; email?: string };
  application?: { id: string; displayName: string };
}

export interface DriveRecord {
  id: string;
  name: string;
  driveType: 'business' | 'documentLibrary';
  owner: { user?: { id: string; displayName: string }; group?: { id: string; displayName: string } };
  siteId?: string;
  rootId: string;
  items: DeltaCollection<DriveItemRecord>;
  residency: Residency;
  createdDateTime: string;
  /** The drive's storage quota in bytes (https://learn.microsoft.com/graph/api/resources/quota); writes past it get 507. */
  quotaTotal: number;
}

export interface SiteRecord {
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  driveIds: string[];
  createdDateTime: string;
  /** The group whose team site this is, if any. */
  groupId?: string;
}

export interface ChatMessageRecord {
  id: string;
  seq: number;
  replyToId: string | null;
  from: { user: { id: string; displayName: string } };
  body: { contentType: 'text' | 'html'; content: string };
  createdDateTime: string;
  lastModifiedDateTime: string;
  deletedDateTime: string | null;
}

export interface ChannelRecord {
  id: string;
  displayName: string;
  description: string | null;
  messages: DeltaCollection<ChatMessageRecord>;
  replies: Map<string, ChatMessageRecord[]>;
  createdDateTime: string;
}

export interface TeamRecord {
  id: string;
  channels: ChannelRecord[];
}

export type { AttachmentContent };
