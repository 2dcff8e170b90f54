import type { ItemVersion } from '../catalog/index.js';
import type { GraphGateway } from '../graph/index.js';
import type { ContentStore } from '../store/index.js';
import type { FullFidelityImport } from './exchange/restore-import.js';
import type { ConflictPolicy, RestoreItem } from '../restore-model/model.js';
import type { VerifyOutcome, WriteOutcome } from '../restore-model/outcome.js';
import type { TargetLocation } from '../restore-model/target-location.js';
import type { UploadPacer } from '../restore-model/upload-pacer.js';

/** Everything a workload needs to write items of one restore back to Graph. */
export interface RestoreWriteContext {
  readonly tenantId: string;
  readonly graph: GraphGateway;
  readonly store: ContentStore;
  readonly conflictPolicy: ConflictPolicy;
  readonly pacer: UploadPacer;
  /** Upload-session chunk size for files: a multiple of 320 KiB. */
  readonly fileChunkBytes: number;
  /** Exchange items with a full-fidelity export stream are imported through it while the tenant allows it. */
  readonly fullFidelity: FullFidelityImport;
}

/** Durably records what the writer is about to do, before it does it (see RestoreItem). */
export type RecordIntent = (
  intent: Pick<RestoreItem, 'targetResource' | 'targetPath' | 'targetName' | 'preexistingIds'>,
) => Promise<void>;

/** Writes one kind of item back to Graph and reads it back to verify it. */
export interface ItemWriter {
  /**
   * Writes the item. When `item.state` is `writing`, an earlier attempt may have written it already: the writer
   * looks for that copy (by marker or name) and never leaves two.
   */
  write(item: RestoreItem, version: ItemVersion, location: TargetLocation, intend: RecordIntent): Promise<WriteOutcome>;
  verify(item: RestoreItem, version: ItemVersion, createdId: string): Promise<VerifyOutcome>;
}
