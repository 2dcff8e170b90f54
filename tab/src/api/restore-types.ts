import type { ResourceKind } from './types.js';

/** The restore API's shapes (backend/src/restore-api/views.ts), as the portal reads them. */
export interface BackedUpResource {
  id: string;
  kind: ResourceKind;
  displayName: string;
  ownerEmail: string | null;
  lastBackupAt: string | null;
}

export interface BackedUpFolder {
  id: string;
  parentId: string | null;
  displayName: string;
  path: string;
  deleted: boolean;
}

export type ItemKind = 'message' | 'contact' | 'event' | 'task' | 'note' | 'file' | 'channelMessage';

export interface ItemVersion {
  id: string;
  resourceId: string;
  kind: ItemKind;
  name: string;
  containerId: string;
  containerPath: string;
  from: string | null;
  to: string[];
  size: number;
  itemDate: string | null;
  attachmentNames: string[];
  backedUpFrom: string;
  replacedOrDeletedAt: string | null;
  deletedAt: string | null;
}

export interface RestorePoint {
  runId: string;
  finishedAt: string;
  items: number;
}

/** The instant a selection is restored as of: the latest backup, the end of a run, or an instant. */
export type PointInTime = { at?: string; asOfRun?: string };

export type RestoreSelection =
  | { type: 'versions'; versionIds: string[] }
  | ({ type: 'folder'; resourceId: string; containerId: string; includeSubfolders: boolean } & PointInTime)
  | ({ type: 'resource'; resourceId: string } & PointInTime)
  | ({ type: 'search'; words: string[]; resourceIds?: string[] } & PointInTime);

export type RestoreTarget = { type: 'original' } | { type: 'newFolder' } | { type: 'otherUser'; userId: string };

export const conflictPolicies = ['skip', 'keepBoth', 'overwrite'] as const;
export type ConflictPolicy = (typeof conflictPolicies)[number];

export type RestoreStatus = 'awaitingApproval' | 'rejected' | 'queued' | 'running' | 'completed' | 'failed';

export interface RestoreProgress {
  total: number;
  restored: number;
  skipped: number;
  failed: number;
  verified: number;
  mismatched: number;
  exportOnly: number;
}

export interface RestoreView {
  id: string;
  status: RestoreStatus;
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  selection: {
    type: RestoreSelection['type'];
    resourceIds: string[];
    items: number | null;
    words: string[];
    at: string | null;
  };
  target: RestoreTarget;
  conflictPolicy: ConflictPolicy;
  restoreFolderName: string;
  progress: RestoreProgress;
  error: string | null;
  approval: { decision: string; decidedBy: string | null; decidedAt: string | null; note: string | null } | null;
}

export type RestoreItemState = 'pending' | 'writing' | 'restored' | 'skipped' | 'failed' | 'exportOnly';

export interface RestoreItemView {
  seq: number;
  kind: string;
  name: string;
  containerPath: string;
  state: RestoreItemState;
  target: { resourceId: string; path: string; name: string } | null;
  verified: boolean | null;
  differences: string[];
  reason: { en: string; it: string } | null;
  finishedAt: string | null;
}

export interface ExportView {
  id: string;
  status: 'queued' | 'running' | 'ready' | 'failed';
  items: number;
  bytes: number;
  requestedAt: string;
  finishedAt: string | null;
  expiresAt: string;
  downloadPath: string | null;
  error: string | null;
}

/** Whether a restore still moves: its page reads it again until it ends. */
export function restoreUnfinished(status: RestoreStatus): boolean {
  return status === 'queued' || status === 'running';
}
