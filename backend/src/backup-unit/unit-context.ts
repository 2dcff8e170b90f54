import type { Catalog, ProtectedResource } from '../catalog/index.js';
import type { ResyncSignal } from './delta-stream.js';
import type { ContentWriter, GraphReader } from './ports.js';
import type { AnyWarningNotice } from './warning-texts.js';

/** Counts a unit accumulates while it runs; the engine persists them into the run's progress. */
export interface UnitProgress {
  addItems(count: number, bytes: number): void;
  addDeletions(count: number): void;
  /** Something could not be backed up as it should: the run goes on and the job log says it by code. */
  warn(warning: AnyWarningNotice, itemId?: string): void;
  /**
   * Persists counts and renews the unit's lease; called after each durable page, it writes at most
   * once per checkpoint interval unless forced.
   */
  checkpoint(force?: boolean): Promise<void>;
}

/** Everything one workload needs to back up one resource. */
export interface UnitContext {
  tenantId: string;
  runId: string;
  resource: ProtectedResource;
  graph: GraphReader;
  store: ContentWriter;
  catalog: Catalog;
  progress: UnitProgress;
  resyncOf(error: unknown): ResyncSignal | null;
  /** Whether an error is a permanent "this item is gone or unreadable" answer (404, 403...). */
  isItemUnreadable(error: unknown): boolean;
}
