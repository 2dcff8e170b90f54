import { createHash } from 'node:crypto';

/** Chunking parameters of format version 1 (FORMAT.md, "How content becomes blobs"). */
export const MIN_CHUNK = 256 * 1024;
export const NORMAL_CHUNK = 1024 * 1024;
export const MAX_CHUNK = 4 * 1024 * 1024;
const MASK_BEFORE_NORMAL = 0xfffffc00 | 0;
const MASK_AFTER_NORMAL = 0xffffc000 | 0;

const GEAR = buildGearTable();

function buildGearTable(): Int32Array {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    const digest = createHash('sha256')
      .update(Buffer.concat([Buffer.from('custodia-gear-v1', 'ascii'), Buffer.of(byte)]))
      .digest();
    table[byte] = digest.readInt32BE(0);
  }
  return table;
}

/** Length of the chunk that starts at `start`, looking at no more than `end - start` bytes (FastCDC, normalised). */
export function findChunkLength(data: Uint8Array, start: number, end: number): number {
  const available = end - start;
  if (available <= MIN_CHUNK) return available;
  const limit = start + Math.min(available, MAX_CHUNK);
  const normal = Math.min(start + NORMAL_CHUNK, limit);
  let hash = 0;
  let i = start + MIN_CHUNK;
  // Int32 arithmetic wraps exactly like the uint32 arithmetic of the format; the gear table is stored signed.
  for (; i < normal; i++) {
    hash = ((hash << 1) + GEAR[data[i]!]!) | 0;
    if ((hash & MASK_BEFORE_NORMAL) === 0) return i + 1 - start;
  }
  for (; i < limit; i++) {
    hash = ((hash << 1) + GEAR[data[i]!]!) | 0;
    if ((hash & MASK_AFTER_NORMAL) === 0) return i + 1 - start;
  }
  return limit - start;
}

/**
 * Cuts a stream of bytes into content-defined chunks. It only cuts once it holds a whole maximum-size window (or the
 * stream has ended), so boundaries never depend on how the bytes arrived; it never holds more than one maximum chunk
 * plus the piece just pushed.
 */
export class StreamChunker {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** Adds bytes; returns the chunks that are now final. */
  push(piece: Uint8Array): Buffer[] {
    if (piece.length === 0) return [];
    this.pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.length));
    this.pendingBytes += piece.length;
    return this.pendingBytes >= MAX_CHUNK ? this.cut(false) : [];
  }

  /** Ends the stream; returns the remaining chunks. */
  end(): Buffer[] {
    return this.cut(true);
  }

  private cut(final: boolean): Buffer[] {
    const data = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const chunks: Buffer[] = [];
    let offset = 0;
    while (data.length - offset >= MAX_CHUNK || (final && offset < data.length)) {
      const length = findChunkLength(data, offset, data.length);
      chunks.push(data.subarray(offset, offset + length));
      offset += length;
    }
    const rest = data.subarray(offset);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    return chunks;
  }
}

/** `item`: mail MIME, JSON; one blob up to the maximum chunk size. `file`: always content-defined chunks. */
export type ContentKind = 'item' | 'file';

export interface Chunker {
  push(piece: Uint8Array): Buffer[];
  end(): Buffer[];
}

export function chunkerFor(kind: ContentKind): Chunker {
  return kind === 'item' ? new WholeItemChunker() : new StreamChunker();
}

/** Keeps an item whole while it fits in one blob; past that, cuts it like a file (FORMAT.md, "Items"). */
class WholeItemChunker implements Chunker {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private chunker: StreamChunker | undefined;

  push(piece: Uint8Array): Buffer[] {
    if (this.chunker) return this.chunker.push(piece);
    this.held.push(Buffer.from(piece.buffer, piece.byteOffset, piece.length));
    this.heldBytes += piece.length;
    if (this.heldBytes <= MAX_CHUNK) return [];
    const chunker = new StreamChunker();
    this.chunker = chunker;
    const held = this.held;
    this.held = [];
    return held.flatMap((part) => chunker.push(part));
  }

  end(): Buffer[] {
    if (this.chunker) return this.chunker.end();
    return this.heldBytes > 0 ? [Buffer.concat(this.held, this.heldBytes)] : [];
  }
}
