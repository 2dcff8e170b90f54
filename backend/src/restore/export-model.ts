import type { ExportItemFailure } from './export-zip.js';
export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

/** A background export: a ZIP written to a temporary file, downloadable with its token until it expires. */
export interface ExportRecord {
  tenantId: string;
  exportId: string;
  requestedBy: string;
  status: ExportStatus;
  items: number;
  bytes: number;
  /** A secret of 32 random bytes; whoever holds it may download the ZIP until `expiresAt`. */
  token: string;
  expiresAt: Date;
  filePath: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  /** Items left out of a ready export, each with its reason (also listed inside the ZIP). Absent on older records. */
  failures?: ExportItemFailure[];
}
