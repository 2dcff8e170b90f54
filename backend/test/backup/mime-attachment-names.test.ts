import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AttachmentNameCollector, MessageAttachmentNames } from '../../src/workloads/exchange/mime-attachment-names.js';
import type { NewItemVersion } from '../../src/catalog/index.js';

const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');

/** An attached message: headers (the subject encoded as RFC 2047), a body with an attachment of its own. */
const forwarded = (subject: string) =>
  [
    `Subject: =?UTF-8?B?${b64(subject)}?=`,
    'From: a@example.com',
    'Content-Type: multipart/mixed; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain',
    '',
    'testo',
    '--inner',
    'Content-Type: application/pdf; name="interno.pdf"',
    'Content-Disposition: attachment; filename="interno.pdf"',
    '',
    'PDF',
    '--inner--',
    '',
  ].join('\r\n');

const message = [
  'Subject: Fatture',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p><img src="cid:logo@x"></p>',
  '--rel',
  'Content-Type: image/png; name="logo.png"',
  'Content-Disposition: inline; filename="logo.png"',
  'Content-ID: <logo@x>',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--rel--',
  '--outer',
  'Content-Type: application/pdf',
  "Content-Disposition: attachment; filename*=UTF-8''Fattura%20n%C2%B012%20%E2%82%AC.pdf",
  'Content-Transfer-Encoding: base64',
  '',
  b64('%PDF-1.7 fattura'),
  '--outer',
  `Content-Type: text/csv; name="=?UTF-8?Q?Rendiconto_citt=C3=A0.csv?="`,
  '',
  'a;b',
  '--outer',
  'Content-Type: message/rfc822',
  'Content-Disposition: attachment',
  '',
  forwarded('Offerta è scaduta'),
  '--outer',
  'Content-Type: message/rfc822',
  'Content-Transfer-Encoding: base64',
  '',
  (b64(forwarded('Codificato in base64')).match(/.{1,76}/g) ?? []).join('\r\n'),
  '--outer--',
  '',
].join('\r\n');

const expected = ['Fattura n°12 €.pdf', 'Rendiconto città.csv', 'Offerta è scaduta', 'Codificato in base64'];

async function collect(source: Buffer, chunkSize: number): Promise<{ names: string[]; passed: string }> {
  const chunks: Buffer[] = [];
  for (let start = 0; start < source.length; start += chunkSize) chunks.push(source.subarray(start, start + chunkSize));
  const collector = new AttachmentNameCollector();
  const passed = await text(Readable.from(chunks).pipe(collector));
  return { names: collector.names, passed };
}

test('names of attachments, encoded in every way MIME allows, attached messages by subject; not inline pictures nor parts of attached messages', async () => {
  const { names, passed } = await collect(Buffer.from(message, 'utf8'), 64 * 1024);
  expect(names).toEqual(expected);
  expect(passed).toBe(message);
});

test('the same names whatever the chunks the stream arrives in, and the bytes pass unchanged', async () => {
  for (const size of [...Array.from({ length: 40 }, (_, index) => index + 1), 100, 4096]) {
    const { names, passed } = await collect(Buffer.from(message, 'utf8'), size);
    expect(names).toEqual(expected);
    expect(passed).toBe(message);
  }
});

test('bare LF line endings, a preamble and an epilogue read the same', async () => {
  const lf = message
    .replace(/\r\n/g, '\n')
    .replace('--outer\n', 'Questo è un messaggio MIME.\n--outer\n')
    .replace(/--outer--\n$/, '--outer--\nepilogo\n--outer\nContent-Type: application/pdf; name="fuori.pdf"\n\nx\n');
  for (const size of [1, 2, 3, 5, 8, 13, 4096])
    expect((await collect(Buffer.from(lf, 'utf8'), size)).names).toEqual(expected);
});

test('a message without attachments, and one whose whole body is a file', async () => {
  expect((await collect(Buffer.from('Subject: x\r\nContent-Type: text/plain\r\n\r\nciao\r\n'), 10)).names).toEqual([]);
  const single =
    'Subject: x\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="solo.pdf"\r\n\r\nPDF';
  expect((await collect(Buffer.from(single), 10)).names).toEqual(['solo.pdf']);
});

test('a message the splitter cannot read still streams whole; the names found so far are kept', async () => {
  const huge = `Subject: x\r\nX-Long: ${'a'.repeat(2 * 1024 * 1024)}\r\nContent-Type: text/plain\r\n\r\nciao`;
  const { names, passed } = await collect(Buffer.from(huge), 64 * 1024);
  expect(names).toEqual([]);
  expect(passed.length).toBe(huge.length);
});

test('a version gets its names, searchable, and a failed read leaves none behind', async () => {
  const tracker = new MessageAttachmentNames();
  await text(tracker.watch('m1', Readable.from([Buffer.from(message, 'utf8')])));
  const version = { graphId: 'm1', searchTerms: ['fatture'] } as unknown as NewItemVersion;
  const named = tracker.addTo(version);
  expect(named.attachmentNames).toEqual(expected);
  expect(named.searchTerms).toEqual(expect.arrayContaining(['fatture', 'rendiconto', 'città', 'csv', 'scaduta']));
  expect(tracker.addTo(version)).toBe(version);

  const failing = new Readable({
    read() {
      this.destroy(new Error('connection reset'));
    },
  });
  await expect(text(tracker.watch('m2', failing))).rejects.toThrow('connection reset');
  expect(tracker.addTo({ ...version, graphId: 'm2' }).attachmentNames).toBeUndefined();
});
