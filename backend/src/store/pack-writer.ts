import type { EncodedBlob } from './blob-codec.js';
import type { PackBackend } from './pack-backend.js';
import { finishPack, packIdOf, packPath, type PackEntry } from './pack-format.js';
import type { StoreIndex } from './store-index.js';

/** What happened to a sealed pack: its blobs are durable and indexed, or the write failed and they are not. */
export interface PackOutcome {
  readonly tenantId: string;
  readonly blobIds: readonly string[];
  readonly error?: unknown;
}

/**
 * Collects one tenant's encoded blobs into the open pack and seals it when it reaches the target size. Sealing writes
 * the pack atomically and then indexes it (an index file, then the blobs' state); the pack's blobs are durable only after
 * both.
 */
export class TenantPackWriter {
  private boxes: Buffer[] = [];
  private entries: PackEntry[] = [];
  private bytes = 0;

  constructor(
    private readonly tenantId: string,
    private readonly key: Buffer,
    private readonly backend: PackBackend,
    private readonly index: StoreIndex,
    private readonly targetBytes: number,
  ) {}

  /** Adds a blob to the open pack; answers the sealed pack's write when this blob filled it. */
  append(blobId: string, rawLength: number, blob: EncodedBlob): Promise<PackOutcome> | undefined {
    this.entries.push({
      id: blobId,
      offset: this.bytes,
      length: blob.box.length,
      rawLength,
      compression: blob.compression,
    });
    this.boxes.push(blob.box);
    this.bytes += blob.box.length;
    return this.bytes >= this.targetBytes ? this.seal() : undefined;
  }

  /** Seals the open pack (if it holds anything) and writes it; the next blob starts a new pack. */
  seal(): Promise<PackOutcome> | undefined {
    if (this.entries.length === 0) return undefined;
    const boxes = this.boxes;
    const entries = this.entries;
    this.boxes = [];
    this.entries = [];
    this.bytes = 0;
    return this.indexPack(this.writeBytes(boxes, entries), entries);
  }

  /**
   * Writes the pack and answers its id. Apart from indexing so that the pack's bytes (up to the target size) are let go
   * once they are written, not kept through the index's database round trip: an async function keeps its parameters
   * until it returns, so two sealed packs (32 MiB at the default target) could stay in memory beside the open one while
   * only their index was being written.
   */
  private async writeBytes(boxes: readonly Buffer[], entries: PackEntry[]): Promise<string> {
    const parts = finishPack(this.key, this.tenantId, boxes, entries);
    const packId = packIdOf(parts);
    await this.backend.writePack(packPath(this.tenantId, packId), parts);
    return packId;
  }

  private async indexPack(written: Promise<string>, entries: PackEntry[]): Promise<PackOutcome> {
    const blobIds = entries.map((entry) => entry.id);
    try {
      const packId = await written;
      await this.index.recordPack(this.tenantId, this.key, packId, entries);
      return { tenantId: this.tenantId, blobIds };
    } catch (error) {
      return { tenantId: this.tenantId, blobIds, error };
    }
  }
}
