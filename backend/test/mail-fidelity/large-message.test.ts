import { compareMessages } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { corpusTree, largeAttachmentBytes } from './corpus.js';
import { renderMime, type MimePart } from './mime-builder.js';

/** Generous for a 2-core CI machine; on a laptop one comparison takes well under a second. */
const secondsPerComparison = 4;

const name = '30 MB base64 attachment';
const original = renderMime(corpusTree(name));

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

function withOneByteChanged(message: MimePart): MimePart {
  if (message.kind !== 'multipart') throw new Error('expected the multipart corpus message');
  const video = message.parts[1];
  if (video?.kind !== 'leaf') throw new Error('expected the video attachment');
  const bytes = Buffer.from(video.body);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x80;
  return { ...message, parts: [message.parts[0] as MimePart, { ...video, body: bytes }] };
}

describe('a 30 MB message', () => {
  it('is about 30 MB', () => {
    expect(original.length).toBeGreaterThan(29_000_000);
    expect(original.length).toBeLessThan(32_000_000);
    expect(largeAttachmentBytes).toBeGreaterThan(20_000_000);
  });

  it('compares equal to itself quickly', async () => {
    const { result, seconds } = await timed(() => compareMessages(original, Buffer.from(original)));
    expect(result).toEqual([]);
    expect(seconds).toBeLessThan(secondsPerComparison);
  });

  it('compares equal to a copy with other base64 line lengths and boundaries quickly', async () => {
    const restored = renderMime(corpusTree(name), { base64LineLength: 64, boundarySeed: 'restored' });
    const { result, seconds } = await timed(() => compareMessages(original, restored));
    expect(result).toEqual([]);
    expect(seconds).toBeLessThan(secondsPerComparison);
  });

  it('reports one byte changed in the middle of the attachment', async () => {
    const restored = renderMime(withOneByteChanged(corpusTree(name)));
    const { result, seconds } = await timed(() => compareMessages(original, restored));
    expect(result).toEqual([expect.objectContaining({ where: 'attachment survey.mp4', what: 'content differs' })]);
    expect(seconds).toBeLessThan(secondsPerComparison);
  });
});
