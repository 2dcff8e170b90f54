import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ByteBoundedCache } from '../util/byte-bounded-cache.js';
import { createRandom, hashSeed } from '../util/random.js';

/** File bytes: held inline, or derived block by block from a seed so a 2 GB file streams without being held. */
export interface ContentSource {
  readonly size: number;
  /** Bytes [start, end] inclusive, as a stream. */
  stream(start?: number, end?: number): Readable;
}

export function inlineContent(bytes: Buffer): ContentSource {
  return {
    size: bytes.length,
    stream: (start = 0, end = bytes.length - 1) => Readable.from([bytes.subarray(start, end + 1)]),
  };
}

const BLOCK = 64 * 1024;

/**
 * Recently derived blocks: a file read twice (a backup, then the benchmark's raw-fetch ceiling; a restore's check)
 * is derived once. 32 MB holds a generated tenant's usual files (10 KB - 2 MB each); a 2 GB file streams through it.
 * Keyed by "seed:block" strings, so equal keys hit; blocks are pushed as read-only views and never written.
 */
const blocks = new ByteBoundedCache<string, Buffer>(32 * 1024 * 1024);

/** Block k of a seeded file: the same bytes for the same (seed, k), so any Range can be served and hashed. */
function seededBlock(seed: number, block: number): Buffer {
  const key = `${seed}:${block}`;
  const known = blocks.get(key);
  if (known) return known;
  const random = createRandom(hashSeed(seed, block));
  const bytes = Buffer.allocUnsafe(BLOCK);
  for (let offset = 0; offset < BLOCK; offset += 4) bytes.writeUInt32LE(Math.floor(random() * 0x100000000), offset);
  blocks.set(key, bytes, BLOCK);
  return bytes;
}

export function seededContent(size: number, seed: number): ContentSource {
  return {
    size,
    stream(start = 0, end = size - 1) {
      let position = start;
      return new Readable({
        read() {
          if (position > end) {
            this.push(null);
            return;
          }
          const block = Math.floor(position / BLOCK);
          const bytes = seededBlock(seed, block);
          const from = position - block * BLOCK;
          const to = Math.min(BLOCK, end - block * BLOCK + 1);
          position = block * BLOCK + to;
          this.push(bytes.subarray(from, to));
        },
      });
    },
  };
}

/** Bytes spooled to a file (an upload session's result), read back by range. */
export function fileContent(path: string, size: number): ContentSource {
  return {
    size,
    stream: (start = 0, end = size - 1) => (size === 0 ? Readable.from([]) : createReadStream(path, { start, end })),
  };
}

export async function readAll(source: ContentSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** SHA-256 of the content, streamed (so tests can compare a large file's backup without holding it). */
export async function sha256Of(source: ContentSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.stream()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
