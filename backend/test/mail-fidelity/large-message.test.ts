import { compareMessages } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { corpusTree, largeAttachmentBytes } from './corpus.js';
import { renderMime, type MimePart } from './mime-builder.js';

const name = '30 MB base64 attachment';
const original = renderMime(corpusTree(name));

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

  it('compares equal to itself', async () => {
    expect(await compareMessages(original, Buffer.from(original))).toEqual([]);
  });

  it('compares equal to a copy with other base64 line lengths and boundaries', async () => {
    const restored = renderMime(corpusTree(name), { base64LineLength: 64, boundarySeed: 'restored' });
    expect(await compareMessages(original, restored)).toEqual([]);
  });

  it('reports one byte changed in the middle of the attachment', async () => {
    const restored = renderMime(withOneByteChanged(corpusTree(name)));
    expect(await compareMessages(original, restored)).toEqual([
      expect.objectContaining({ where: 'attachment survey.mp4', what: 'content differs' }),
    ]);
  });
});
