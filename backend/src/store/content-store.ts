import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from 'mongodb';
import { blobIdOf, encodeBlob } from './blob-codec.js';
import { BlobIndex, storeBlobs } from './blob-index.js';
import { BoundedWork } from './bounded-work.js';
import { chunkerFor, type ContentKind } from './chunker.js';
import { readContent } from './content-reader.js';
import { StoreError } from './errors.js';
import { KeyRing } from './key-ring.js';
import type { PackBackend } from './pack-backend.js';
import { TenantPackWriter, type PackOutcome } from './pack-writer.js';
import { StoreIndex } from './store-index.js';
import { assertTenantId } from './tenant-id.js';

/** Where a piece of content lives: its blobs in order, its length and the SHA-256 of the whole (FORMAT.md). */
export interface ContentRef {
  readonly blobIds: string[];
  readonly size: number;
  readonly sha256: string;
}

export interface ContentStore {
  /** Stores content held in memory. It is durable only once a later `flush()` resolves. */
  put(tenantId: string, data: Uint8Array, kind: ContentKind): Promise<ContentRef>;
  /** Stores a stream as it reads it, in bounded memory. It is durable only once a later `flush()` resolves. */
  putStream(tenantId: string, stream: AsyncIterable<Uint8Array | string>, kind: ContentKind): Promise<ContentRef>;
  /**
   * Writes every open pack and indexes it; everything put before the call is then durable. Packs are
   * shared by every caller of the store, so a pack that fails may hold another caller's blobs: pass the references
   * you are about to record, and the flush fails if any of their blobs was lost, whoever flushed its pack.
   */
  flush(tenantId?: string, refs?: readonly ContentRef[]): Promise<void>;
  /** The plaintext of durable content, verified blob by blob; errors with a StoreError on any damage. */
  openStream(tenantId: string, ref: ContentRef): Readable;
  read(tenantId: string, ref: ContentRef): Promise<Buffer>;
  /** True when the blob is durable, or accepted by this store and due at the next flush. */
  has(tenantId: string, blobId: string): Promise<boolean>;
  /** Flushes, then refuses further writes. */
  close(): Promise<void>;
}

export interface ContentStoreOptions {
  readonly db: Db;
  readonly backend: PackBackend;
  /** 32 bytes from configuration; it wraps every tenant's data key. */
  readonly masterKey: Buffer;
  /** Size at which an open pack is sealed and written; 16 MiB unless a test wants small packs. */
  readonly packTargetBytes?: number;
}

const DEFAULT_PACK_TARGET = 16 * 1024 * 1024;
/** Blobs of one stream compressed and encrypted at once, and packs being written at once: together they bound memory. */
const CHUNKS_IN_FLIGHT = 6;
const PACKS_IN_FLIGHT = 1;
/** How long a blob lost with its pack is reported to flushes that name it. */
const LOST_BLOBS_TTL_MS = 60 * 60_000;

/** Opens the content store: checks the master key against the store, then accepts writes and reads. */
export async function openContentStore(options: ContentStoreOptions): Promise<ContentStore> {
  const keys = await KeyRing.open(options.backend, options.masterKey);
  // The unique key makes retried flushes harmless, so it must exist before the first write. One index per call:
  // FerretDB drops the connection when one createIndexes call names several indexes that all exist already.
  for (const index of storeBlobs.indexes) await storeBlobs.raw(options.db).createIndexes([index]);
  return new PackedContentStore(options, keys);
}

class PackedContentStore implements ContentStore {
  private readonly index: StoreIndex;
  private readonly targetBytes: number;
  private readonly writers = new Map<string, Promise<TenantPackWriter>>();
  /** Blobs accepted since the last durable write of their pack, by tenant then id; settles once the blob is in a pack. */
  private readonly pending = new Map<string, Map<string, Promise<void>>>();
  private readonly packWrites = new Set<Promise<PackOutcome>>();
  private failures: unknown[] = [];
  /** Blobs whose pack write failed, until they are written again; dropped after an hour (their writers gave up). */
  private readonly lost = new Map<string, { at: number; error: unknown }>();
  private closed = false;

  constructor(
    private readonly options: ContentStoreOptions,
    private readonly keys: KeyRing,
  ) {
    this.index = new StoreIndex(options.backend, keys, new BlobIndex(options.db));
    this.targetBytes = options.packTargetBytes ?? DEFAULT_PACK_TARGET;
  }

  put(tenantId: string, data: Uint8Array, kind: ContentKind): Promise<ContentRef> {
    return this.storePieces(tenantId, [data], kind, data);
  }

  putStream(tenantId: string, stream: AsyncIterable<Uint8Array | string>, kind: ContentKind): Promise<ContentRef> {
    return this.storePieces(tenantId, stream, kind);
  }

  /**
   * `inMemory` is the whole content when the caller holds it: it is then hashed as a whole only if it makes more than
   * one blob, since a single blob's id is already the SHA-256 of the whole (most mail is one blob; hashing it twice
   * was a measurable share of a backup's hashing).
   */
  private async storePieces(
    tenantId: string,
    pieces: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>,
    kind: ContentKind,
    inMemory?: Uint8Array,
  ): Promise<ContentRef> {
    this.assertOpen();
    assertTenantId(tenantId);
    const chunker = chunkerFor(kind);
    const whole = createHash('sha256');
    const blobIds: string[] = [];
    const work = new BoundedWork(CHUNKS_IN_FLIGHT);
    let size = 0;
    const store = async (chunks: Buffer[]) => {
      for (const chunk of chunks) {
        const blobId = blobIdOf(chunk);
        blobIds.push(blobId);
        await work.add(() => this.storeBlob(tenantId, blobId, chunk));
      }
    };
    for await (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      if (!inMemory) whole.update(bytes);
      size += bytes.length;
      await store(chunker.push(bytes));
    }
    await store(chunker.end());
    await work.drain();
    if (!inMemory) return { blobIds, size, sha256: whole.digest('hex') };
    return { blobIds, size, sha256: blobIds.length === 1 ? blobIds[0]! : whole.update(inMemory).digest('hex') };
  }

  async flush(tenantId?: string, refs: readonly ContentRef[] = []): Promise<void> {
    for (const writer of this.writers.values()) this.track((await writer).seal());
    await Promise.all(this.packWrites);
    const failures = this.failures;
    this.failures = [];
    if (failures.length > 0) {
      throw new AggregateError(
        failures,
        `${failures.length} pack write(s) failed; the content put since the last flush is not durable`,
      );
    }
    this.forgetOldLosses();
    const lost =
      tenantId === undefined
        ? []
        : refs.flatMap((ref) => ref.blobIds).flatMap((id) => this.lost.get(blobKey(tenantId, id)) ?? []);
    if (lost.length > 0) {
      throw new StoreError(
        'pack-write-failed',
        {
          en: `${lost.length} blob(s) were in a pack that could not be written; put them again`,
          it: `${lost.length} blob erano in un pack che non è stato possibile scrivere; vanno salvati di nuovo`,
        },
        { cause: lost[0]!.error },
      );
    }
  }

  openStream(tenantId: string, ref: ContentRef): Readable {
    assertTenantId(tenantId);
    return Readable.from(readContent(this.options.backend, this.index, this.keys, tenantId, ref), {
      objectMode: false,
    });
  }

  async read(tenantId: string, ref: ContentRef): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.openStream(tenantId, ref)) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  async has(tenantId: string, blobId: string): Promise<boolean> {
    assertTenantId(tenantId);
    if (this.pending.get(tenantId)?.has(blobId)) return true;
    return this.index.isStoredNow(tenantId, blobId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
  }

  /**
   * Makes one blob part of the next flush unless it is already stored. Concurrent puts of the same new blob share one
   * write: the second waits until the first has placed it in a pack, so a flush after either covers it.
   */
  private async storeBlob(tenantId: string, blobId: string, plaintext: Buffer): Promise<void> {
    const pending = this.pendingFor(tenantId);
    const accepted = pending.get(blobId);
    if (accepted) return accepted;
    const placing = this.place(tenantId, blobId, plaintext);
    pending.set(blobId, placing);
    try {
      await placing;
    } catch (error) {
      pending.delete(blobId);
      throw error;
    }
  }

  private async place(tenantId: string, blobId: string, plaintext: Buffer): Promise<void> {
    if (await this.index.isStored(tenantId, blobId)) {
      this.pending.get(tenantId)?.delete(blobId);
      return;
    }
    const key = await this.keys.dataKey(tenantId);
    const encoded = await encodeBlob(key, blobId, plaintext);
    const writer = await this.writerFor(tenantId);
    this.track(writer.append(blobId, plaintext.length, encoded));
    while (this.packWrites.size > PACKS_IN_FLIGHT) await Promise.race(this.packWrites);
  }

  private track(write: Promise<PackOutcome> | undefined): void {
    if (!write) return;
    const settled = write.then((outcome) => this.settle(outcome));
    this.packWrites.add(write);
    void settled.finally(() => this.packWrites.delete(write));
  }

  private settle(outcome: PackOutcome): void {
    const pending = this.pending.get(outcome.tenantId);
    for (const blobId of outcome.blobIds) pending?.delete(blobId);
    if (outcome.error === undefined) {
      for (const blobId of outcome.blobIds) this.lost.delete(blobKey(outcome.tenantId, blobId));
    } else {
      this.failures.push(outcome.error);
      const loss = { at: Date.now(), error: outcome.error };
      for (const blobId of outcome.blobIds) this.lost.set(blobKey(outcome.tenantId, blobId), loss);
    }
  }

  private forgetOldLosses(): void {
    const cutoff = Date.now() - LOST_BLOBS_TTL_MS;
    for (const [key, loss] of this.lost) if (loss.at < cutoff) this.lost.delete(key);
  }

  private pendingFor(tenantId: string): Map<string, Promise<void>> {
    let pending = this.pending.get(tenantId);
    if (!pending) {
      pending = new Map();
      this.pending.set(tenantId, pending);
    }
    return pending;
  }

  private writerFor(tenantId: string): Promise<TenantPackWriter> {
    let writer = this.writers.get(tenantId);
    if (!writer) {
      writer = this.keys
        .dataKey(tenantId)
        .then((key) => new TenantPackWriter(tenantId, key, this.options.backend, this.index, this.targetBytes));
      this.writers.set(tenantId, writer);
    }
    return writer;
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new StoreError('store-closed', {
        en: 'the content store is closed and accepts no more content',
        it: "l'archivio dei contenuti è chiuso e non accetta altri contenuti",
      });
    }
  }
}

const blobKey = (tenantId: string, blobId: string) => `${tenantId}/${blobId}`;
