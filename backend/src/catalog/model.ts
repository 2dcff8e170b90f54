import type { SearchBuckets } from './search-buckets.js';
/** What the catalog records. Every record carries tenantId; see collections.ts for the indexes. */

export type ResourceKind = 'mailbox' | 'onedrive' | 'sharepoint' | 'team';
export type ItemKind = 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';

/** A unit of protection: one mailbox, one OneDrive, one site library, one team. */
export interface ProtectedResource {
  tenantId: string;
  /** Stable id of ours: `${kind}:${graphId}`. */
  resourceId: string;
  kind: ResourceKind;
  /** Graph id of the user (mailbox, OneDrive), drive (site library) or team. */
  graphId: string;
  displayName: string;
  /** The user the resource belongs to, for self-service scoping and licences. */
  ownerUserId?: string;
  ownerEmail?: string;
  /** For drives: the drive id; for site libraries also the site id. */
  driveId?: string;
  siteId?: string;
  /**
   * For mailboxes: the primary mailbox id of the import/export API (`settings/exchange`), remembered from the run that
   * read it, so that later runs do not ask again; read again when a request addressed by it is refused as gone.
   */
  mailboxId?: string;
  firstSeenAt: Date;
  lastBackupAt?: Date;
  lastRunId?: string;
  /** Bytes of its current versions as of its last completed backup (`resource-stored-bytes.ts`). */
  storedBytes?: number;
  /**
   * For teams: the people who belong to it, as Graph listed its group's members at the team's last backup. Absent on
   * a team recorded before members were read, or not yet backed up: the team then belongs to nobody in particular.
   */
  members?: TeamMember[];
}

/** A person who belongs to a team: their user id and the address they are known by (lower case), when they have one. */
export interface TeamMember {
  userId: string;
  email?: string;
}

/** A blob list in the content store that holds an item's bytes. */
export interface StoredContent {
  blobIds: string[];
  size: number;
  sha256: string;
}

/**
 * One version of one item. A new version is recorded when Graph reports a new change key; the
 * previous one is closed (`validTo`). A deletion closes the current version and sets `deletedAt`.
 * Point-in-time T sees the versions with validFrom <= T < (validTo ?? infinity).
 */
export interface ItemVersion extends SearchBuckets {
  tenantId: string;
  resourceId: string;
  kind: ItemKind;
  graphId: string;
  /** changeKey (Outlook), eTag/cTag (drive items) — what identifies this version at Graph. */
  versionKey: string;
  containerId: string;
  /** Path of the folder, e.g. `Inbox/Progetti/2026`, names escaped as folder-path.ts says. */
  containerPath: string;
  name: string;
  from?: string;
  to?: string[];
  size: number;
  /** Received (mail), modified (files), start (events), created (channel messages). */
  itemDate?: Date;
  /** `itemDate`'s month, and its month and day in the resource and the tenant (`date-buckets.ts`), which the catalog
   * fills when it records. */
  itemMonth: string;
  searchMonths: string[];
  searchDays: string[];
  /** Messages: what a mail client lists as attachments, read from the MIME as it is backed up (mime-attachment-names.ts). */
  attachmentNames?: string[];
  /** Workload-specific fields a restore needs (flags, read state, importance, categories, ...). */
  properties: Record<string, unknown>;
  content?: StoredContent;
  /**
   * Exchange items only: the item as Exchange exported it through the mailbox import/export API (`exportItems`), an
   * opaque full-fidelity stream that Exchange re-imports with nothing lost. Absent when the tenant has not consented
   * to that API (restores then use JSON creation, the fallback) or when Exchange refused to export this item.
   */
  fullFidelity?: StoredContent;
  /** Lowercased words of name, sender, recipients and attachment names, for search without $text; also spread over
   * the `searchTerms0`…`searchTerms7` buckets (`search-buckets.ts`), which the catalog fills when it records. */
  searchTerms: string[];
  firstRunId: string;
  lastRunId: string;
  /** When a run last saw this version at Graph; a full (resync) round closes versions it did not see. */
  lastSeenAt: Date;
  validFrom: Date;
  validTo: Date | null;
  deletedAt: Date | null;
}

/**
 * How many versions a month holds, in one resource or (`scope` `*`) the whole tenant: a search walks the months
 * that exist, newest first, and takes a crowded month a day at a time (`newest-first-search.ts`).
 */
export interface CatalogDateBucket {
  /** `<tenantId>|<scope>|<month>`. */
  _id: string;
  tenantId: string;
  scope: string;
  month: string;
  versions: number;
}

/** A folder (mail folder, drive folder, channel) as last seen; `lastRunId` is the run that last changed it. */
export interface CatalogFolder {
  tenantId: string;
  resourceId: string;
  folderId: string;
  parentId: string | null;
  displayName: string;
  /** The names from the top down, escaped as folder-path.ts says. */
  path: string;
  wellKnownName?: string;
  deletedAt: Date | null;
  lastRunId: string;
}

export type DeltaRound = 'initial' | 'resync' | 'incremental';

/** Where a resource's delta round stands for one container: resumable after a crash. */
export interface DeltaCursor {
  tenantId: string;
  resourceId: string;
  /** What the cursor tracks: `mail:<folderId>`, `drive`, `contacts`, `calendar`, `channel:<id>`. */
  stream: string;
  /** A nextLink (round in progress) or a deltaLink (round complete). */
  link: string;
  roundComplete: boolean;
  /**
   * The round in progress: the first enumeration of a stream (nothing to compare with), a full
   * re-enumeration after Graph asked for a resync, or changes since the last round.
   */
  round: DeltaRound;
  /** When a resync round began; it ends by closing the versions it did not see since. */
  fullRoundStartedAt: Date | null;
  updatedAt: Date;
}
