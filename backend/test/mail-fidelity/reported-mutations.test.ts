import { compareMessages, type MailDifference } from '../../src/workloads/exchange/mail-fidelity/index.js';
import { corpusTree, legacyLatin1Body } from './corpus.js';
import { renderMime, type LeafPart, type MessagePart, type MimePart, type MultipartPart } from './mime-builder.js';

/** A restore that went wrong in one way, rendered next to the original it was made from. */
async function differencesAfter(name: string, mutate: (message: MimePart) => MimePart | void) {
  const original = renderMime(corpusTree(name));
  const mutated = corpusTree(name);
  const restored = renderMime(mutate(mutated) ?? mutated);
  return compareMessages(original, restored);
}

function multipart(part: MimePart): MultipartPart {
  if (part.kind !== 'multipart') throw new Error(`expected a multipart, got ${part.kind}`);
  return part;
}

function leaf(part: MimePart | undefined): LeafPart {
  if (part?.kind !== 'leaf') throw new Error(`expected a leaf, got ${part?.kind}`);
  return part;
}

function attachedMessage(part: MimePart | undefined): MessagePart {
  if (part?.kind !== 'message') throw new Error(`expected a message/rfc822 part, got ${part?.kind}`);
  return part;
}

function withoutHeaders(part: MimePart, names: string[]): void {
  if (part.kind === 'raw') return;
  part.headers = (part.headers ?? []).filter(([name]) => !names.includes(name));
}

function flipByte(bytes: Buffer, index: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

function expectReported(differences: MailDifference[], ...expected: Partial<MailDifference>[]): void {
  for (const difference of expected) expect(differences).toContainEqual(expect.objectContaining(difference));
}

describe('a restore that changed the MIME tree', () => {
  it('reports the text/plain alternative it dropped', async () => {
    const differences = await differencesAfter('alternative text and html', (message) => {
      multipart(message).parts.shift();
    });
    expect(differences).toEqual([{ where: 'part 1', what: 'part missing', expected: 'text/plain' }]);
  });

  it('reports multipart/signed turned into multipart/mixed', async () => {
    const differences = await differencesAfter('S/MIME multipart/signed', (message) => {
      const signed = multipart(message);
      signed.subtype = 'mixed';
      signed.params = {};
    });
    expectReported(
      differences,
      { where: 'body', what: 'content type differs', expected: 'multipart/signed', actual: 'multipart/mixed' },
      { where: 'body', what: 'parameter protocol missing', expected: 'application/pkcs7-signature' },
      { where: 'body', what: 'parameter micalg missing', expected: 'sha-256' },
    );
  });

  it('reports signed content re-encoded, though it decodes to the same text', async () => {
    const differences = await differencesAfter('S/MIME multipart/signed', (message) => {
      const signed = multipart(message);
      const content = signed.parts[0];
      if (content?.kind !== 'raw') throw new Error('expected the raw signed content');
      signed.parts[0] = { kind: 'raw', bytes: Buffer.from(content.bytes.toString('latin1').replace(/\r\n/g, '\n')) };
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'body', what: 'signed content changed' })]);
  });

  it('reports a message/rfc822 attachment dropped and its text pasted into the body', async () => {
    const differences = await differencesAfter('forwarded message/rfc822 with its own attachment', (message) => {
      const mixed = multipart(message);
      const body = leaf(mixed.parts[0]);
      body.body = Buffer.concat([
        body.body,
        Buffer.from('\r\n-----Original Message-----\r\nFrom: Accounts\r\nPlease find invoice 42 attached.\r\n'),
      ]);
      mixed.parts = [body];
    });
    expectReported(
      differences,
      { where: 'part 2', what: 'part missing', expected: 'message/rfc822' },
      { where: 'part 1', what: 'text differs' },
    );
  });
});

describe('a restore that lost headers', () => {
  it('reports a custom X- header dropped', async () => {
    const differences = await differencesAfter('custom X- headers', (message) => {
      withoutHeaders(message, ['X-Custodia-Ticket']);
    });
    expect(differences).toEqual([{ where: 'headers', what: 'header X-Custodia-Ticket missing', expected: '8812' }]);
  });

  it('reports the Received trace dropped', async () => {
    const differences = await differencesAfter('25 Received headers and Return-Path', (message) => {
      withoutHeaders(message, ['Received']);
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'headers', what: '25 Received headers missing' })]);
    expect(differences[0]?.expected?.split('\n')).toHaveLength(25);
  });

  it('reports the Bcc dropped', async () => {
    const differences = await differencesAfter('Bcc header', (message) => {
      withoutHeaders(message, ['Bcc']);
    });
    expect(differences).toEqual([
      {
        where: 'headers',
        what: 'header Bcc missing',
        expected: 'Direttore <direttore@contoso.example>, <audit@contoso.example>',
      },
    ]);
  });
});

describe('a restore that changed content', () => {
  it('reports è and à replaced by U+FFFD when a latin1 message was re-encoded as UTF-8', async () => {
    const differences = await differencesAfter('legacy 8-bit latin1 without MIME-Version', (message) => {
      const body = leaf(message);
      const mangled = legacyLatin1Body.toString('latin1').replace(/[^\x00-\x7f]/g, '\uFFFD');
      body.headers = [...(body.headers ?? []), ['MIME-Version', '1.0']];
      body.contentType = { value: 'text/plain', params: { charset: 'utf-8' } };
      body.encoding = '8bit';
      body.body = Buffer.from(mangled, 'utf8');
    });
    expectReported(
      differences,
      { where: 'body', what: 'text differs', expected: 'Perché è già là la riunione? …' },
      { where: 'body', what: 'charset differs', expected: 'none (read as windows-1252)', actual: 'utf-8' },
    );
    expect(differences.find((difference) => difference.what === 'text differs')?.actual).toContain('Perch\uFFFD');
  });

  it('accepts a latin1 message faithfully re-encoded as UTF-8, reporting only the new charset', async () => {
    const differences = await differencesAfter('legacy 8-bit latin1 without MIME-Version', (message) => {
      const body = leaf(message);
      body.headers = [...(body.headers ?? []), ['MIME-Version', '1.0']];
      body.contentType = { value: 'text/plain', params: { charset: 'utf-8' } };
      body.encoding = 'quoted-printable';
      body.body = Buffer.from(legacyLatin1Body.toString('latin1'), 'utf8');
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'body', what: 'charset differs' })]);
  });

  it('reports CRLF turned into LF inside a text/calendar attachment', async () => {
    const differences = await differencesAfter('calendar invite with .ics attachment', (message) => {
      const invite = leaf(multipart(message).parts[1]);
      invite.body = Buffer.from(invite.body.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'attachment invite.ics', what: 'content differs' })]);
  });

  it('forgives CRLF turned into LF in a text/plain body, but not in the inline text/calendar', async () => {
    const toLf = (part: LeafPart) => {
      part.encoding = '8bit';
      part.body = Buffer.from(part.body.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    };
    const differences = await differencesAfter('calendar invite with .ics attachment', (message) => {
      const alternative = multipart(multipart(message).parts[0] as MimePart);
      toLf(leaf(alternative.parts[0]));
      toLf(leaf(alternative.parts[1]));
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'part 1.2', what: 'text differs' })]);
  });

  it('reports an attachment renamed', async () => {
    const differences = await differencesAfter('RFC 2231 and RFC 2047 encoded names', (message) => {
      const invoice = leaf(multipart(message).parts[1]);
      invoice.contentType = { value: 'application/pdf', params: { name: 'Fattura 42.pdf' } };
      invoice.disposition = { value: 'attachment', params: { filename: 'Fattura 42.pdf' } };
    });
    expect(differences).toEqual([
      {
        where: 'attachment Fattura n° 42 — caffè.pdf',
        what: 'file name differs',
        expected: 'Fattura n° 42 — caffè.pdf',
        actual: 'Fattura 42.pdf',
      },
    ]);
  });

  it('reports one byte of an attachment changed', async () => {
    const differences = await differencesAfter('related html with inline image', (message) => {
      const image = leaf(multipart(message).parts[1]);
      image.body = flipByte(image.body, 1500);
    });
    expect(differences).toEqual([expect.objectContaining({ where: 'attachment logo.png', what: 'content differs' })]);
  });

  it('reports a zero-byte attachment that came back with content', async () => {
    const differences = await differencesAfter('zero-byte attachment', (message) => {
      leaf(multipart(message).parts[1]).body = Buffer.from([0]);
    });
    expect(differences).toEqual([
      expect.objectContaining({
        where: 'attachment empty.bin',
        what: 'content differs',
        expected: expect.stringMatching(/^0 bytes, SHA-256 e3b0c442/),
      }),
    ]);
  });

  it('tells two messages sharing a Message-ID apart', async () => {
    const first = renderMime(corpusTree('duplicate Message-ID, first message'));
    const second = renderMime(corpusTree('duplicate Message-ID, second message'));
    expect(await compareMessages(first, second)).toEqual([expect.objectContaining({ what: 'text differs' })]);
  });
});

describe('a restore that changed a nested message', () => {
  const nested = (message: MimePart) => multipart(attachedMessage(multipart(message).parts[1]).message);

  it("reports one byte changed inside the nested message's attachment", async () => {
    const differences = await differencesAfter('forwarded message/rfc822 with its own attachment', (message) => {
      const invoice = leaf(nested(message).parts[1]);
      invoice.body = flipByte(invoice.body, 3000);
    });
    expect(differences).toEqual([
      expect.objectContaining({ where: 'part 2 > attachment invoice.pdf', what: 'content differs' }),
    ]);
  });

  it('reports a header value changed inside the nested message', async () => {
    const differences = await differencesAfter('forwarded message/rfc822 with its own attachment', (message) => {
      const inner = nested(message);
      inner.headers = (inner.headers ?? []).map(([name, value]) =>
        name === 'Subject' ? [name, 'Invoice 43'] : [name, value],
      );
    });
    expect(differences).toEqual([
      { where: 'part 2 > headers', what: 'header Subject differs', expected: 'Invoice 42', actual: 'Invoice 43' },
    ]);
  });
});
