import { renderMime, type LeafPart, type MimePart, type MultipartPart, type RenderOptions } from './mime-builder.js';

/**
 * Messages a restore has to bring back intact, built in code so that no binary file is committed and every variant
 * (refolded, re-boundaried, re-encoded) is generated from the same tree.
 */
export interface CorpusTree {
  name: string;
  message: MimePart;
}

/** Deterministic bytes (xorshift32), so attachments and signatures are the same on every run. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  let state = seed >>> 0 || 1;
  for (let index = 0; index < words.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[index] = state >>> 0;
  }
  return Buffer.from(words.buffer, 0, length);
}

const text = (value: string) => Buffer.from(value.replace(/\r?\n/g, '\r\n'), 'utf8');

function envelope(subject: string, extra: Array<[string, string]> = [], messageId = subject): Array<[string, string]> {
  const id = messageId.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return [
    ['From', 'Giulia Rossi <giulia.rossi@contoso.example>'],
    ['To', 'Marco Bianchi <marco.bianchi@fabrikam.example>'],
    ['Subject', subject],
    ['Date', 'Tue, 14 Jan 2025 09:30:00 +0100'],
    ['Message-ID', `<${id}@contoso.example>`],
    ...extra,
    ['MIME-Version', '1.0'],
  ];
}

function plain(body: string, extra: Partial<LeafPart> = {}): LeafPart {
  return {
    kind: 'leaf',
    contentType: { value: 'text/plain', params: { charset: 'utf-8' } },
    encoding: 'quoted-printable',
    body: text(body),
    ...extra,
  };
}

function html(body: string): LeafPart {
  return {
    kind: 'leaf',
    contentType: { value: 'text/html', params: { charset: 'utf-8' } },
    encoding: 'quoted-printable',
    body: text(body),
  };
}

function attachment(filename: string, type: string, body: Buffer, extra: Partial<LeafPart> = {}): LeafPart {
  return {
    kind: 'leaf',
    contentType: { value: type, params: { name: filename } },
    disposition: { value: 'attachment', params: { filename } },
    encoding: 'base64',
    body,
    ...extra,
  };
}

const invoicePdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), pseudoRandomBytes(6000, 42), Buffer.from('\n%%EOF\n')]);

function alternativeTextAndHtml(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'alternative',
    headers: envelope('Quarterly report'),
    parts: [
      plain('Ciao Marco,\nthe quarterly report is ready: revenue up 12%.\nGiulia\n'),
      html('<html><body><p>Ciao Marco,</p><p>the quarterly report is <b>ready</b>: revenue up 12%.</p></body></html>'),
    ],
  };
}

function relatedWithInlineImage(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'related',
    params: { type: 'text/html' },
    headers: envelope('Our new logo'),
    parts: [
      html('<html><body><p>Here it is:</p><img src="cid:logo.png@contoso.example" alt="logo"></body></html>'),
      {
        kind: 'leaf',
        headers: [['Content-ID', '<logo.png@contoso.example>']],
        contentType: { value: 'image/png', params: { name: 'logo.png' } },
        disposition: { value: 'inline', params: { filename: 'logo.png' } },
        encoding: 'base64',
        body: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pseudoRandomBytes(3000, 7)]),
      },
    ],
  };
}

/** The content an S/MIME signature covers, rendered once: its bytes never change whatever the rendering options. */
const signedContent = renderMime(
  {
    kind: 'multipart',
    subtype: 'alternative',
    parts: [plain('Contract attached in the next mail.\nSigned by Giulia.\n'), html('<p>Contract attached.</p>')],
  },
  { boundarySeed: 'signed-content' },
);

function smimeSigned(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'signed',
    params: { protocol: 'application/pkcs7-signature', micalg: 'sha-256' },
    headers: envelope('Signed contract notice'),
    parts: [
      { kind: 'raw', bytes: signedContent },
      attachment('smime.p7s', 'application/pkcs7-signature', pseudoRandomBytes(1234, 99)),
    ],
  };
}

function smimeEncrypted(): LeafPart {
  return {
    kind: 'leaf',
    headers: envelope('Encrypted payroll'),
    contentType: { value: 'application/pkcs7-mime', params: { 'smime-type': 'enveloped-data', name: 'smime.p7m' } },
    disposition: { value: 'attachment', params: { filename: 'smime.p7m' } },
    encoding: 'base64',
    body: pseudoRandomBytes(4096, 2025),
  };
}

function forwardedMessage(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'mixed',
    headers: envelope('Fw: Invoice 42'),
    parts: [
      plain('See the message below, with its invoice.\n'),
      {
        kind: 'message',
        disposition: { value: 'attachment' },
        message: {
          kind: 'multipart',
          subtype: 'mixed',
          headers: [
            ['From', 'Accounts <accounts@fabrikam.example>'],
            ['To', 'Giulia Rossi <giulia.rossi@contoso.example>'],
            ['Subject', 'Invoice 42'],
            ['Date', 'Mon, 13 Jan 2025 17:02:11 +0000'],
            ['Message-ID', '<invoice-42@fabrikam.example>'],
            ['X-Fabrikam-Invoice', '42'],
            ['MIME-Version', '1.0'],
          ],
          parts: [
            plain('Please find invoice 42 attached.\n'),
            attachment('invoice.pdf', 'application/pdf', invoicePdf),
          ],
        },
      },
    ],
  };
}

const calendarRequest = text(
  [
    'BEGIN:VCALENDAR',
    'METHOD:REQUEST',
    'PRODID:-//Custodia//Corpus//EN',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:board-2025-02@contoso.example',
    'DTSTART:20250203T140000Z',
    'DTEND:20250203T150000Z',
    'SUMMARY:Board meeting',
    'ORGANIZER;CN=Giulia Rossi:mailto:giulia.rossi@contoso.example',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\n'),
);

function calendarInvite(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'mixed',
    headers: envelope('Invitation: Board meeting'),
    parts: [
      {
        kind: 'multipart',
        subtype: 'alternative',
        parts: [
          plain('You are invited to the board meeting on 3 February at 15:00.\n'),
          {
            kind: 'leaf',
            contentType: { value: 'text/calendar', params: { charset: 'utf-8', method: 'REQUEST' } },
            encoding: '7bit',
            body: calendarRequest,
          },
        ],
      },
      attachment('invite.ics', 'text/calendar', calendarRequest, {
        contentType: { value: 'text/calendar', params: { method: 'REQUEST', name: 'invite.ics' } },
      }),
    ],
  };
}

/** Latin-1 bytes, as a pre-MIME mailer wrote them: no MIME-Version, no Content-Type, no charset anywhere. */
export const legacyLatin1Body = Buffer.from(
  'Perché è già là la riunione? Così non va, è tardi.\r\nA più tardi.\r\n',
  'latin1',
);

function legacyLatin1(): LeafPart {
  return {
    kind: 'leaf',
    raw8bitHeaders: true,
    headers: [
      ['From', 'Nonna Pina <pina@legacy.example>'],
      ['To', 'giulia.rossi@contoso.example'],
      ['Subject', 'Caffè più tardi?'],
      ['Date', 'Fri, 3 Mar 1995 10:00:00 +0100'],
      ['Message-ID', '<legacy-1995@legacy.example>'],
    ],
    body: legacyLatin1Body,
  };
}

function encodedNames(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'mixed',
    headers: envelope('Fattura n° 42 — caffè e cornetti'),
    parts: [
      plain('Two attachments with non-ASCII names.\n'),
      attachment('Fattura n° 42 — caffè.pdf', 'application/pdf', invoicePdf),
      // Outlook's spelling: an RFC 2047 encoded-word inside a quoted name, in both headers.
      attachment('Ricevuta già pagata.txt', 'text/plain', text('Pagato.\n'), {
        contentType: { value: 'text/plain', params: { name: '=?utf-8?Q?Ricevuta_gi=C3=A0_pagata.txt?=' } },
        disposition: { value: 'attachment', params: { filename: '=?utf-8?Q?Ricevuta_gi=C3=A0_pagata.txt?=' } },
      }),
    ],
  };
}

function longFoldedHeaders(): LeafPart {
  const references = Array.from({ length: 18 }, (_, index) => `<thread-${index}.${index * 7919}@contoso.example>`);
  const recipients = Array.from({ length: 14 }, (_, index) => `Recipient Number ${index} <r${index}@fabrikam.example>`);
  return plain('A long thread.\n', {
    headers: envelope(
      'A subject that goes on and on about the many topics this thread has covered over the last several weeks of work',
      [
        ['Cc', recipients.join(', ')],
        ['References', references.join(' ')],
        ['In-Reply-To', references[references.length - 1] ?? ''],
      ],
    ),
  });
}

function receivedTrace(): LeafPart {
  const received = Array.from({ length: 25 }, (_, hop): [string, string] => [
    'Received',
    `from mx${hop}.relay.example (mx${hop}.relay.example [192.0.2.${hop + 1}]) by mx${hop + 1}.relay.example ` +
      `with ESMTPS id hop${hop}; Tue, 14 Jan 2025 09:${String(hop + 5).padStart(2, '0')}:00 +0000`,
  ]);
  return plain('Twenty-five hops later.\n', {
    headers: [
      ['Return-Path', '<bounces+giulia=contoso.example@relay.example>'],
      ...received,
      ['Authentication-Results', 'mx25.relay.example; spf=pass smtp.mailfrom=relay.example; dkim=pass'],
      ...envelope('Relayed newsletter'),
    ],
  });
}

function withBcc(): LeafPart {
  return plain('Sent item with a blind copy.\n', {
    headers: envelope('Budget draft', [['Bcc', 'Direttore <direttore@contoso.example>, audit@contoso.example']]),
  });
}

function customXHeaders(): LeafPart {
  return plain('Ticket update.\n', {
    headers: envelope('Ticket 8812 updated', [
      ['X-Custodia-Ticket', '8812'],
      ['X-Mailer', 'Contoso Helpdesk 4.2'],
      ['X-Priority', '1 (Highest)'],
      ['X-Original-Sender', 'helpdesk@contoso.example'],
    ]),
  });
}

function duplicateMessageId(body: string): LeafPart {
  return plain(body, { headers: envelope('Same id, different message', [], 'duplicate-id') });
}

function zeroByteAttachment(): MultipartPart {
  return {
    kind: 'multipart',
    subtype: 'mixed',
    headers: envelope('Empty file'),
    parts: [
      plain('The file is empty on purpose.\n'),
      attachment('empty.bin', 'application/octet-stream', Buffer.alloc(0)),
    ],
  };
}

/** Size of the large attachment: 22.5 MB of bytes is about 30 MB of base64 with its line breaks. */
export const largeAttachmentBytes = 22_500_000;
let largeAttachment: Buffer | undefined;

function largeMessage(): MultipartPart {
  largeAttachment ??= pseudoRandomBytes(largeAttachmentBytes, 30);
  return {
    kind: 'multipart',
    subtype: 'mixed',
    headers: envelope('Site survey video'),
    parts: [plain('The survey video, about 30 MB as mail.\n'), attachment('survey.mp4', 'video/mp4', largeAttachment)],
  };
}

function unicodeSubject(): LeafPart {
  return plain('Unicode in the subject and the sender name.\n', {
    headers: envelope('Résumé — 東京 meeting 🚀 Ünïcödé', [['Reply-To', 'Zoë Ångström <zoe@contoso.example>']]),
  });
}

/** The corpus as trees, for building variants and mutations; `large` leaves out the 30 MB message. */
export function corpusTrees(options: { large?: boolean } = {}): CorpusTree[] {
  const trees: CorpusTree[] = [
    { name: 'alternative text and html', message: alternativeTextAndHtml() },
    { name: 'related html with inline image', message: relatedWithInlineImage() },
    { name: 'S/MIME multipart/signed', message: smimeSigned() },
    { name: 'S/MIME application/pkcs7-mime encrypted', message: smimeEncrypted() },
    { name: 'forwarded message/rfc822 with its own attachment', message: forwardedMessage() },
    { name: 'calendar invite with .ics attachment', message: calendarInvite() },
    { name: 'legacy 8-bit latin1 without MIME-Version', message: legacyLatin1() },
    { name: 'RFC 2231 and RFC 2047 encoded names', message: encodedNames() },
    { name: 'long folded headers', message: longFoldedHeaders() },
    { name: '25 Received headers and Return-Path', message: receivedTrace() },
    { name: 'Bcc header', message: withBcc() },
    { name: 'custom X- headers', message: customXHeaders() },
    { name: 'duplicate Message-ID, first message', message: duplicateMessageId('The first of two messages.\n') },
    { name: 'duplicate Message-ID, second message', message: duplicateMessageId('The second, other text.\n') },
    { name: 'zero-byte attachment', message: zeroByteAttachment() },
    { name: 'unicode subject', message: unicodeSubject() },
  ];
  if (options.large !== false) trees.push({ name: '30 MB base64 attachment', message: largeMessage() });
  return trees;
}

/** The corpus rendered as MIME (by default as a mail client would write it). */
export function mailCorpus(rendering: Partial<RenderOptions> = {}): Array<{ name: string; mime: Buffer }> {
  return corpusTrees().map(({ name, message }) => ({ name, mime: renderMime(message, rendering) }));
}

export function corpusTree(name: string): MimePart {
  const found = corpusTrees({ large: name.startsWith('30 MB') }).find((tree) => tree.name === name);
  if (!found) throw new Error(`No corpus message named ${name}`);
  return found.message;
}
