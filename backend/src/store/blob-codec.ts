import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, createZstdCompress, zstdDecompress, type ZlibReset, type ZstdOptions } from 'node:zlib';
import type { LocalizedText } from './errors.js';
import { open, seal } from './sealed-box.js';
import { TaskSlots } from './task-slots.js';

export type Compression = 'zstd' | 'none';

const decompress = promisify(zstdDecompress);
const ZSTD_LEVEL = 3;
/**
 * Compressions of this process under way at once: libuv's thread pool runs four (UV_THREADPOOL_SIZE), and a stream
 * started beyond those only waits in its queue holding its output buffer (the blob's size, 64 KiB at least) and, once
 * run, its native context until the main thread sees its end. Unbounded, a full backup had 240 waiting at its peak
 * (the 20 streams of each of 16 export answers in flight at once, each put at once): 17 MB of output buffers.
 */
const compressions = new TaskSlots(4);

/**
 * One zstd frame of `plaintext`, through a stream whose native context is let go as soon as the frame is out. Node
 * frees a zstd context (its window and tables, allocated in the thread pool's malloc arenas) only when the stream
 * object is garbage collected: close() leaves it, and V8 does not count that memory, so nothing hurries the
 * collection. A backup compresses thousands of blobs between two full collections: `zstdCompress` held 50-60 MB of
 * thread arenas at the peak of the 4x300 benchmark (280 MB for 3,000 blobs of 20-140 KB with nothing else running).
 * reset() replaces the context with a new, empty one (node_zlib.cc: ResetStream creates a fresh context), so it is
 * called in the first 'end' listener, before the stream's own listener closes it (after which reset() is refused).
 */
function compress(plaintext: Uint8Array, options: ZstdOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Node's zstd streams have reset() (ZlibBase's, as every zlib stream); @types/node declares it only for zlib's.
    const engine = createZstdCompress(options) as ReturnType<typeof createZstdCompress> & ZlibReset;
    const chunks: Buffer[] = [];
    let length = 0;
    engine.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
    });
    engine.once('error', reject);
    engine.prependOnceListener('end', () => {
      engine.reset();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    });
    engine.end(plaintext);
  });
}

/**
 * zlib's asynchronous calls hand output back in `chunkSize` pieces, one thread-pool round trip each; the 16 KiB
 * default makes a 1 MiB blob cost dozens of round trips and cuts throughput several times over.
 */
function outputChunkSize(expectedBytes: number): number {
  return Math.min(Math.max(expectedBytes + 1024, 64 * 1024), 8 * 1024 * 1024);
}

export interface EncodedBlob {
  readonly box: Buffer;
  readonly compression: Compression;
}

export function blobIdOf(plaintext: Uint8Array): string {
  return createHash('sha256').update(plaintext).digest('hex');
}

/** Compresses (unless it saves less than 1/32) and seals one blob, bound to its id (FORMAT.md, "Blobs"). */
export async function encodeBlob(key: Buffer, blobId: string, plaintext: Uint8Array): Promise<EncodedBlob> {
  const packed = await compressions.run(() =>
    compress(plaintext, {
      chunkSize: outputChunkSize(plaintext.length),
      params: { [constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL },
      // The size known up front lets zstd size its window and tables to the blob instead of level 3's defaults (about
      // 3 MB of native memory per compression in flight, held in the thread pool's malloc arenas): 32 compressions of
      // 20-40 KB in flight peaked at 290 MB RSS without it, 190-214 MB with it. The frame also records the size.
      pledgedSrcSize: plaintext.length,
    }),
  );
  const worthIt = packed.length < plaintext.length - (plaintext.length >> 5);
  const compression: Compression = worthIt ? 'zstd' : 'none';
  return { box: seal(key, Buffer.from(blobId, 'hex'), worthIt ? packed : plaintext), compression };
}

/** Why a stored blob could not be turned back into its plaintext. */
export type DecodeFailure = 'undecryptable' | 'undecompressable' | 'wrong-length' | 'wrong-hash';

export const DECODE_FAILURE_TEXT: Record<DecodeFailure, LocalizedText> = {
  undecryptable: { en: 'does not decrypt', it: 'non si decifra' },
  undecompressable: { en: 'does not decompress', it: 'non si decomprime' },
  'wrong-length': { en: 'has the wrong length', it: 'ha la lunghezza sbagliata' },
  'wrong-hash': { en: 'does not hash to its id', it: 'non ha lo hash del suo identificativo' },
};

/** Opens, decompresses and checks one stored blob; answers the plaintext or the reason it is not trustworthy. */
export async function decodeBlob(
  key: Buffer,
  location: { blobId: string; rawLength: number; compression: string },
  box: Uint8Array,
): Promise<Buffer | DecodeFailure> {
  const opened = open(key, Buffer.from(location.blobId, 'hex'), box);
  if (!opened) return 'undecryptable';
  let plaintext: Buffer;
  try {
    plaintext =
      location.compression === 'none'
        ? opened
        : await decompress(opened, {
            chunkSize: outputChunkSize(location.rawLength),
            maxOutputLength: Math.max(location.rawLength, 1),
          });
  } catch {
    return 'undecompressable';
  }
  if (plaintext.length !== location.rawLength) return 'wrong-length';
  if (blobIdOf(plaintext) !== location.blobId) return 'wrong-hash';
  return plaintext;
}
