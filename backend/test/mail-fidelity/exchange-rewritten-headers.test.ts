import { readFileSync } from 'node:fs';
import { compareMessages, exchangeRewrittenHeaders } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { corpusTree } from './corpus.js';
import { renderMime, type MimePart } from './mime-builder.js';

/** What Exchange Online stamps on an item it stores, as seen on messages read back from a mailbox. */
const stampedByExchange: Array<[string, string]> = [
  ['X-MS-Exchange-Organization-SCL', '-1'],
  ['X-MS-Exchange-Organization-AuthAs', 'Internal'],
  ['X-MS-Exchange-Organization-Network-Message-Id', '7c1d3a52-0f3e-4b8e-9d1a-1f0c2b3a4d5e'],
  ['X-MS-Exchange-Forest-ArrivalHubServer', 'AM0PR01MB1234.eurprd01.prod.exchangelabs.com'],
  ['X-MS-Exchange-CrossTenant-Id', '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b'],
  ['X-MS-Exchange-Transport-EndToEndLatency', '00:00:01.2345678'],
  ['X-MS-Has-Attach', 'yes'],
  ['X-MS-TNEF-Correlator', '<AM0PR01MB1234@contoso.example>'],
  ['Thread-Topic', 'Ticket 8812 updated'],
  ['Thread-Index', 'AdtmZ2g1WQYWPdLTH/Y8hua'],
  ['Accept-Language', 'it-IT, en-US'],
  ['Content-Language', 'it-IT'],
];

function withExtraHeaders(message: MimePart, extra: Array<[string, string]>): MimePart {
  if (message.kind === 'raw') return message;
  return { ...message, headers: [...(message.headers ?? []), ...extra] };
}

const name = 'custom X- headers';

describe('the list of headers Exchange Online rewrites', () => {
  it('is not a difference when Exchange stamps them on the restored copy', async () => {
    const original = renderMime(corpusTree(name));
    const restored = renderMime(withExtraHeaders(corpusTree(name), stampedByExchange));
    expect(await compareMessages(original, restored)).toEqual([]);
  });

  it('is not a difference when the original carried them and the restored copy lost them', async () => {
    const rewritten = stampedByExchange.filter(([header]) => header.startsWith('X-MS-'));
    const original = renderMime(withExtraHeaders(corpusTree(name), rewritten));
    const restored = renderMime(corpusTree(name));
    expect(await compareMessages(original, restored)).toEqual([]);
  });

  it('forgives MIME-Version on a pre-MIME message, and a new transfer encoding on every part', async () => {
    const legacy = 'legacy 8-bit latin1 without MIME-Version';
    const stamped = withExtraHeaders(corpusTree(legacy), [['MIME-Version', '1.0']]);
    expect(await compareMessages(renderMime(corpusTree(legacy)), renderMime(stamped))).toEqual([]);

    const forwarded = 'forwarded message/rfc822 with its own attachment';
    const reencoded = corpusTree(forwarded);
    const toBase64 = (part: MimePart): void => {
      if (part.kind === 'leaf') part.encoding = 'base64';
      if (part.kind === 'multipart') part.parts.forEach(toBase64);
      if (part.kind === 'message') toBase64(part.message);
    };
    toBase64(reencoded);
    expect(await compareMessages(renderMime(corpusTree(forwarded)), renderMime(reencoded))).toEqual([]);
  });

  it.each([
    ['X-Microsoft-Antispam', 'BCL:0;'],
    ['X-Forefront-Antispam-Report', 'CIP:192.0.2.1;CTRY:IT;SFV:NSPM'],
    ['X-MS-Exchangeable', 'no'],
    ['X-Custodia-Restore', 'yes'],
    ['Received', 'from restore.custodia.example by mx.contoso.example; Tue, 14 Jan 2025 10:00:00 +0000'],
    ['Thread-Indexes', 'not on the list'],
  ])('still reports %s added to the restored copy', async (header, value) => {
    const original = renderMime(corpusTree(name));
    const restored = renderMime(withExtraHeaders(corpusTree(name), [[header, value]]));
    expect(await compareMessages(original, restored)).toEqual([
      { where: 'headers', what: `header ${header} added`, actual: value },
    ]);
  });

  it('still reports a header Exchange only adds when the original had it with another value, or lost it', async () => {
    const original = renderMime(
      withExtraHeaders(corpusTree(name), [
        ['Thread-Topic', 'Original topic'],
        ['Content-Language', 'en-US'],
      ]),
    );
    const restored = renderMime(withExtraHeaders(corpusTree(name), [['Thread-Topic', 'Another topic']]));
    expect(await compareMessages(original, restored)).toEqual([
      { where: 'headers', what: 'header Thread-Topic differs', expected: 'Original topic', actual: 'Another topic' },
      { where: 'headers', what: 'header Content-Language missing', expected: 'en-US' },
    ]);
  });

  it('gives every entry a reason and a source, and the README prints them all', () => {
    const readme = readFileSync(
      new URL('../../src/workloads/exchange/mail-fidelity/README.md', import.meta.url),
      'utf8',
    );
    for (const entry of exchangeRewrittenHeaders) {
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(entry.source).toMatch(/^https:\/\//);
      expect(readme).toContain(entry.source);
      for (const header of entry.names) expect(readme).toContain(header);
    }
  });
});
