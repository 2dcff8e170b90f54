import { createHash, randomBytes } from 'node:crypto';
import { MAX_CHUNK, MIN_CHUNK, StreamChunker, chunkerFor } from '../../src/store/chunker.js';

/** FastCDC exactly as FORMAT.md words it, in unsigned arithmetic, independent of the product's implementation. */
function chunkLengthsPerFormat(data: Buffer): number[] {
  const gear = Array.from({ length: 256 }, (_, b) =>
    createHash('sha256')
      .update(Buffer.concat([Buffer.from('custodia-gear-v1'), Buffer.of(b)]))
      .digest()
      .readUInt32BE(0),
  );
  const lengths: number[] = [];
  let s = 0;
  while (s < data.length) {
    const n = data.length - s;
    let length = Math.min(n, 4 * 1024 * 1024);
    if (n > 256 * 1024) {
      let h = 0;
      for (let i = s + 256 * 1024; i < s + Math.min(n, 4 * 1024 * 1024); i++) {
        h = (h * 2 + gear[data[i]!]!) % 2 ** 32;
        const mask = i < s + 1024 * 1024 ? 0xfffffc00 : 0xffffc000;
        if ((h & mask) >>> 0 === 0) {
          length = i + 1 - s;
          break;
        }
      }
    } else {
      length = n;
    }
    lengths.push(length);
    s += length;
  }
  return lengths;
}

function chunkInPieces(data: Buffer, pieceSizes: () => number): Buffer[] {
  const chunker = new StreamChunker();
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < data.length;) {
    const size = Math.min(pieceSizes(), data.length - offset);
    chunks.push(...chunker.push(data.subarray(offset, offset + size)));
    offset += size;
  }
  return [...chunks, ...chunker.end()];
}

const data = randomBytes(24 * 1024 * 1024);

test('chunk boundaries follow FORMAT.md and do not depend on how the bytes arrive', () => {
  const expected = chunkLengthsPerFormat(data);
  const whole = chunkInPieces(data, () => data.length).map((chunk) => chunk.length);
  const tiny = chunkInPieces(data, () => 1 + Math.floor(Math.random() * 70_000)).map((chunk) => chunk.length);
  expect(whole).toEqual(expected);
  expect(tiny).toEqual(expected);
  expect(expected.slice(0, -1).every((length) => length >= MIN_CHUNK && length <= MAX_CHUNK)).toBe(true);
  expect(expected.length).toBeGreaterThan(8);
});

test('inserting bytes changes only the chunks around the insertion', () => {
  const edited = Buffer.concat([data.subarray(0, 10_000_000), Buffer.from('inserted'), data.subarray(10_000_000)]);
  const ids = (buffer: Buffer) =>
    chunkInPieces(buffer, () => 65_536).map((chunk) => createHash('sha256').update(chunk).digest('hex'));
  const before = new Set(ids(data));
  const changed = ids(edited).filter((id) => !before.has(id));
  expect(changed.length).toBeGreaterThanOrEqual(1);
  expect(changed.length).toBeLessThanOrEqual(2);
});

test('an item stays one blob up to the maximum chunk size and is cut like a file beyond it', () => {
  const cut = (size: number) => {
    const chunker = chunkerFor('item');
    const chunks = [...chunker.push(data.subarray(0, size)), ...chunker.end()];
    return chunks.map((chunk) => chunk.length);
  };
  expect(cut(MAX_CHUNK)).toEqual([MAX_CHUNK]);
  expect(cut(3 * MIN_CHUNK)).toEqual([3 * MIN_CHUNK]);
  expect(cut(MAX_CHUNK + 1)).toEqual(chunkLengthsPerFormat(data.subarray(0, MAX_CHUNK + 1)));
});
