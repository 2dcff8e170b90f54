import type { ItemKind } from '../catalog/index.js';

/** What to restore: exact versions, a folder, a whole resource (as of a point in time), or search results. */
export type RestoreSelection =
  | { type: 'versions'; versionIds: string[] }
  | { type: 'folder'; resourceId: string; containerId: string; at?: Date; includeSubfolders?: boolean }
  | { type: 'resource'; resourceId: string; at?: Date }
  | { type: 'search'; words: string[]; resourceIds?: string[]; from?: Date; to?: Date; at?: Date; limit?: number };

/**
 * Where restored items go: where they were; into a new `Ripristino <data>` / `Restored <date>` folder of the same
 * mailbox or drive; or into such a folder of another user's mailbox or OneDrive (for people who left).
 */
export type RestoreTarget = { type: 'original' } | { type: 'newFolder' } | { type: 'otherUser'; userId: string };

/** What happens when the item is already there: leave it, add a second copy, or replace it. */
export type ConflictPolicy = 'skip' | 'keepBoth' | 'overwrite';

export type RequesterLanguage = 'it' | 'en';

/** `awaitingApproval`: a self-service restore the tenant wants an administrator to approve first; `rejected`: refused. */
export type RestoreStatus = 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';

/** Why a restore waited for an administrator, and what the administrator decided. */
export interface RestoreApproval {
  /** The tenant's settings ask an administrator to approve self-service restores of OneDrive items. */
  reason: 'oneDriveSelfService';
  decision: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The administrator's words to the requester when rejecting. */
  note: string | null;
}

export interface RestoreProgress {
  total: number;
  restored: number;
  skipped: number;
  failed: number;
  verified: number;
  /** Items restored whose read-back differs from the backup. */
  mismatched: number;
  /** Channel messages and other kinds that cannot be written back through Graph: offered as an export. */
  exportOnly: number;
}

export interface NewRestoreRequest {
  selection: RestoreSelection;
  target: RestoreTarget;
  conflictPolicy: ConflictPolicy;
  /** Decides the name of the new folder: `Ripristino …` or `Restored …`. */
  language: RequesterLanguage;
}

export interface RestoreRequest extends NewRestoreRequest {
  tenantId: string;
  restoreId: string;
  requestedBy: string;
  /** The folder name new-folder and other-user targets write under, fixed when the request is made. */
  restoreFolderName: string;
  status: RestoreStatus;
  progress: RestoreProgress;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** A sentence for the requester when the restore as a whole could not proceed. */
  error: string | null;
  /** Present when the restore had to wait for an administrator's approval. */
  approval?: RestoreApproval;
}

export type ItemState = 'pending' | 'writing' | 'restored' | 'skipped' | 'failed' | 'exportOnly';

/**
 * How an Exchange item went back: imported from Exchange's full-fidelity export stream (nothing lost), or recreated
 * through JSON (the fallback when the tenant has not consented to the import/export API; it loses MIME structure,
 * trace headers and signatures, so such an item is never reported as verified).
 */
export type RestoreMethod = 'import' | 'json';

/**
 * One item of a restore and its outcome. Written only by the worker holding the restore's lease; the state moves to
 * `writing` (durably, with the marker and target) before anything is written to Graph, so a worker that resumes after
 * a crash knows which item may already exist at Graph and looks for it instead of creating it twice.
 */
export interface RestoreItem {
  tenantId: string;
  restoreId: string;
  /** Position in the restore: items are processed in this order. */
  seq: number;
  versionId: string;
  resourceId: string;
  kind: ItemKind;
  name: string;
  containerPath: string;
  state: ItemState;
  /** A stable tag written on the restored item (mail: an extended property), to find it again after a crash. */
  marker: string;
  /** Where it was written: the mailbox/drive and the Graph id of the new item. */
  targetResource?: string;
  targetPath?: string;
  targetName?: string;
  /**
   * Copies with the same identity (internetMessageId) already in the target folder when the item was about to be
   * written: after a crash, any other copy is the one this item's interrupted attempt left.
   */
  preexistingIds?: string[];
  createdId?: string;
  restoredBy?: RestoreMethod;
  /** Why it failed or was skipped, in English and Italian. */
  reason?: { en: string; it: string };
  verified?: boolean;
  /** What the read-back found different from the backup. */
  differences?: string[];
  finishedAt?: Date;
}

export interface RestoreView extends RestoreRequest {
  items?: RestoreItem[];
}
