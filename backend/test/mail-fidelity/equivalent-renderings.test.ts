import { compareMessages } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { corpusTrees } from './corpus.js';
import { renderMime, type RenderOptions } from './mime-builder.js';

/** Ways to write the same message that a restore may legitimately produce. */
const equivalentRenderings: Record<string, Partial<RenderOptions>> = {
  'headers refolded narrow, continued with tabs': { foldWidth: 30, foldWith: '\t' },
  'headers unfolded to long lines': { foldWidth: 998 },
  'other multipart boundaries': { boundarySeed: 'restored-by-exchange' },
  'base64 and quoted-printable at other line lengths': { base64LineLength: 64, quotedPrintableLineLength: 60 },
  'B encoded-words and file names as Outlook writes them': { wordEncoding: 'B', parameterEncoding: 'encoded-word' },
  'file names in RFC 2231 continuations': { parameterEncoding: 'rfc2231-continued' },
  'all of these at once': {
    foldWidth: 40,
    foldWith: '\t',
    boundarySeed: 'all-at-once',
    base64LineLength: 72,
    quotedPrintableLineLength: 50,
    wordEncoding: 'B',
    parameterEncoding: 'encoded-word',
  },
};

const smallCorpus = corpusTrees({ large: false });

describe('a corpus message compared with itself', () => {
  it.each(smallCorpus.map((tree) => [tree.name, tree] as const))('%s: no differences', async (_name, tree) => {
    const mime = renderMime(tree.message);
    expect(await compareMessages(mime, mime)).toEqual([]);
  });
});

describe.each(Object.entries(equivalentRenderings))('a corpus message rendered with %s', (_rendering, options) => {
  it('changes the bytes of some messages', () => {
    const changed = smallCorpus.filter((tree) => !renderMime(tree.message).equals(renderMime(tree.message, options)));
    expect(changed.length).toBeGreaterThan(0);
  });

  it.each(smallCorpus.map((tree) => [tree.name, tree] as const))('%s: no differences', async (_name, tree) => {
    const original = renderMime(tree.message);
    const restored = renderMime(tree.message, options);
    expect(await compareMessages(original, restored)).toEqual([]);
  });
});
