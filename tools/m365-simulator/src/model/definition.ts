/**
 * The tenant file format (documented in README.md). Every id is optional: missing ones are derived from names, so the
 * same file gives the same ids on every start.
 */
export interface TenantDefinition {
  tenantId?: string;
  displayName: string;
  /** The initial domain, e.g. `contoso.onmicrosoft.com`; users' principal names end with it. */
  domain: string;
  /** Licensed seats, which sets the SharePoint resource-unit budget; defaults to the number of users. */
  licences?: number;
  app?: { clientId: string; clientSecret: string; displayName?: string };
  users: UserDefinition[];
  groups?: GroupDefinition[];
  sites?: SiteDefinition[];
  teams?: TeamDefinition[];
}

export interface UserDefinition {
  id?: string;
  userPrincipalName: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  preferredLanguage?: string;
  mailbox?: MailboxDefinition;
  drive?: { items?: DriveItemDefinition[] };
}

export interface MailboxDefinition {
  folders?: MailFolderDefinition[];
  /** Messages derived on demand from (seed, index), spread over the mailbox's folders. */
  generate?: { messages: number; seed: number };
  contacts?: ContactDefinition[];
  events?: EventDefinition[];
}

export interface MailFolderDefinition {
  displayName: string;
  /** `inbox`, `sentitems`, `drafts`, `deleteditems`, `archive`, `junkemail`, `outbox`. */
  wellKnownName?: string;
  messages?: MessageDefinition[];
  childFolders?: MailFolderDefinition[];
}

export interface MessageDefinition {
  /** The raw internet message (RFC 5322), as text; or `mimeBase64` for bytes that are not UTF-8. */
  mime?: string;
  mimeBase64?: string;
  isRead?: boolean;
}

export interface ContactDefinition {
  givenName: string;
  surname: string;
  email?: string;
  companyName?: string;
  mobilePhone?: string;
  /** Other contact properties as Graph renders them: `businessPhones`, `jobTitle`, `businessAddress`, `personalNotes`… */
  details?: Record<string, unknown>;
}

export interface EventDefinition {
  subject: string;
  body?: string;
  /** ISO date-times in UTC. */
  start: string;
  end: string;
  location?: string;
  isAllDay?: boolean;
  recurrence?: RecurrenceDefinition;
  /** The zone `start` and `end` are given in (then without `Z`); UTC when absent. */
  timeZone?: string;
  /** The body as HTML instead of text. */
  bodyHtml?: string;
  showAs?: string;
  attendees?: Array<{ name: string; address: string; type?: 'required' | 'optional' | 'resource' }>;
}

/** Graph's patternedRecurrence (https://learn.microsoft.com/graph/api/resources/patternedrecurrence). */
export interface RecurrenceDefinition {
  pattern: { type: 'daily' | 'weekly'; interval: number; daysOfWeek?: string[] };
  range: { type: 'endDate' | 'numbered' | 'noEnd'; startDate: string; endDate?: string; numberOfOccurrences?: number };
}

export interface DriveItemDefinition {
  name: string;
  /** A folder when present (possibly empty). */
  children?: DriveItemDefinition[];
  /** Inline file content as UTF-8 text, or `contentBase64`. */
  content?: string;
  contentBase64?: string;
  /** Generated content: `size` bytes derived from `seed`, streamed and never held in memory. */
  size?: number;
  seed?: number;
}

export interface GroupDefinition {
  id?: string;
  displayName: string;
  mailNickname: string;
  description?: string;
  /** User principal names or other groups' mailNicknames. */
  members: string[];
  visibility?: 'Public' | 'Private';
}

export interface SiteDefinition {
  id?: string;
  name: string;
  displayName: string;
  /** The mailNickname of the Microsoft 365 group whose team site this is (`GET /groups/{id}/sites/root`). */
  group?: string;
  drives: Array<{ name: string; items?: DriveItemDefinition[] }>;
}

export interface TeamDefinition {
  /** The mailNickname of the Microsoft 365 group behind the team. */
  group: string;
  channels: ChannelDefinition[];
}

export interface ChannelDefinition {
  displayName: string;
  description?: string;
  messages?: ChannelMessageDefinition[];
}

export interface ChannelMessageDefinition {
  /** User principal name of the author. */
  from: string;
  body: string;
  createdDateTime?: string;
  replies?: Array<{ from: string; body: string; createdDateTime?: string }>;
}

/** Options for a generated tenant (`--users N --messages N --files N --seed N`). */
export interface GenerateSpec {
  users: number;
  messagesPerUser: number;
  filesPerUser: number;
  seed: number;
}
