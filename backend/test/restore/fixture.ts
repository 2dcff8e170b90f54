import type { TenantDefinition } from '@custodia/m365-simulator';

const domain = 'restauri.onmicrosoft.com';
export const giulia = `giulia.rossi@${domain}`;
export const marco = `marco.bianchi@${domain}`;

/** A PNG-like payload: bytes that are not text, so base64 round trips are exercised. */
const pixel = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** 3.5 MB: over the 3 MB single-POST limit, so the restore must use an attachment upload session. */
export const largeAttachment = Buffer.alloc(3_500_000, 0).map((_, index) => (index * 31) % 251);

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function message(subject: string, date: string, body: string, parts: string[] = []): string {
  const headers = [
    `Message-ID: <${subject.replace(/\W+/g, '-')}@restauri.example>`,
    `Date: ${new Date(date).toUTCString().replace('GMT', '+0000')}`,
    'From: Paolo Verdi <paolo.verdi@example.com>',
    `To: Giulia Rossi <${giulia}>`,
    `Subject: =?UTF-8?B?${Buffer.from(subject, 'utf8').toString('base64')}?=`,
    'MIME-Version: 1.0',
  ];
  const html = [
    'Content-Type: text/html; charset="utf-8"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(body, 'utf8')),
  ].join('\r\n');
  if (parts.length === 0) return `${headers.join('\r\n')}\r\n${html}`;
  const boundary = `b-${subject.length}`;
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    html,
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

function attachment(name: string, type: string, bytes: Buffer, inlineId?: string): string {
  return [
    `Content-Type: ${type}; name="${name}"`,
    `Content-Disposition: ${inlineId ? 'inline' : 'attachment'}; filename="${name}"`,
    ...(inlineId ? [`Content-ID: <${inlineId}>`] : []),
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(bytes),
  ].join('\r\n');
}

export const subjects = {
  plain: 'Preventivo caldaia',
  inline: 'Foto del cantiere è pronta',
  large: 'Capitolato con allegato grande',
  nested: 'Verbale riunione Città 2026',
};

/** Two users with nested unicode folders, inline images, a large attachment, an empty file and a multi-chunk file. */
export const restoreTenant: TenantDefinition = {
  displayName: 'Restauri Test S.r.l.',
  domain,
  users: [
    {
      userPrincipalName: giulia,
      displayName: 'Giulia Rossi',
      preferredLanguage: 'it-IT',
      mailbox: {
        folders: [
          {
            displayName: 'Posta in arrivo',
            wellKnownName: 'inbox',
            messages: [
              {
                mime: message(subjects.plain, '2025-03-02T08:15:00Z', '<p>Buongiorno, ecco il preventivo.</p>'),
                isRead: true,
              },
              {
                mime: message(subjects.inline, '2025-03-03T09:00:00Z', '<p>Vedi <img src="cid:foto1@x"></p>', [
                  attachment('foto.png', 'image/png', pixel, 'foto1@x'),
                ]),
                isRead: false,
              },
              {
                mime: message(subjects.large, '2025-03-04T10:30:00Z', '<p>In allegato il capitolato.</p>', [
                  attachment('capitolato.bin', 'application/octet-stream', largeAttachment),
                  attachment('nota.txt', 'text/plain', Buffer.from('nota breve', 'utf8')),
                ]),
                isRead: true,
              },
            ],
          },
          {
            displayName: 'Progetti',
            childFolders: [
              {
                displayName: 'Città 2026',
                messages: [
                  { mime: message(subjects.nested, '2025-04-01T07:00:00Z', '<p>Verbale allegato.</p>'), isRead: true },
                ],
              },
            ],
          },
        ],
      },
      drive: {
        items: [
          {
            name: 'Documenti',
            children: [
              { name: 'Note.txt', content: 'prima versione' },
              { name: 'vuoto.txt', content: '' },
            ],
          },
          { name: 'Archivio', children: [{ name: 'grande.bin', size: 1_500_000, seed: 11 }] },
        ],
      },
    },
    {
      userPrincipalName: marco,
      displayName: 'Marco Bianchi',
      preferredLanguage: 'en-US',
      mailbox: {
        folders: [
          {
            displayName: 'Posta in arrivo',
            wellKnownName: 'inbox',
            messages: [
              { mime: message('Marco private note', '2025-05-05T05:05:00Z', '<p>riservato</p>'), isRead: true },
            ],
          },
        ],
      },
      drive: { items: [{ name: 'Privato', children: [{ name: 'segreto.txt', content: 'solo Marco' }] }] },
    },
  ],
  groups: [{ displayName: 'Cantiere', mailNickname: 'cantiere', members: [giulia, marco] }],
  teams: [
    {
      group: 'cantiere',
      channels: [
        {
          displayName: 'General',
          messages: [
            {
              from: giulia,
              body: '<p>Sopralluogo domani <script>alert(1)</script></p>',
              createdDateTime: '2025-06-01T09:00:00Z',
              replies: [{ from: marco, body: '<p>Ci sarò</p>', createdDateTime: '2025-06-01T09:05:00Z' }],
            },
          ],
        },
      ],
    },
  ],
};
