import type { ContactDefinition, EventDefinition, TenantDefinition } from '@custodia/m365-simulator';

const domain = 'restauri.onmicrosoft.com';
export const giulia = `giulia.rossi@${domain}`;
export const marco = `marco.bianchi@${domain}`;
export const elena = `elena.ferre@${domain}`;

/** A PNG-like payload: bytes that are not text, so base64 round trips are exercised. */
const pixel = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** 3.5 MB: over the 3 MB single-POST limit, so the restore must use an attachment upload session. */
export const largeAttachment = Buffer.alloc(3_500_000, 0).map((_, index) => (index * 31) % 251);

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function message(subject: string, date: string, body: string, parts: string[] = []): string {
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

export function attachment(name: string, type: string, bytes: Buffer, inlineId?: string): string {
  return [
    `Content-Type: ${type}; name="${name}"`,
    `Content-Disposition: ${inlineId ? 'inline' : 'attachment'}; filename="${name}"`,
    ...(inlineId ? [`Content-ID: <${inlineId}>`] : []),
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(bytes),
  ].join('\r\n');
}

/** A contact with every field restore and VCF care about, in several scripts, with characters vCard must escape. */
export const unicodeContact: ContactDefinition = {
  givenName: 'Zoë',
  surname: 'Łukasiewicz-Núñez',
  email: 'zoe.nunez@example.com',
  companyName: 'Società Ævum; Ricerca, Sviluppo',
  mobilePhone: '+39 333 123 4567',
  details: {
    middleName: 'Анна',
    jobTitle: 'Direttrice tecnica R&D',
    businessPhones: ['+39 02 1234 5678'],
    homePhones: ['+39 035 765 4321'],
    businessAddress: {
      street: 'Via Dante, 7',
      city: 'Milano',
      state: 'MI',
      countryOrRegion: 'Italia',
      postalCode: '20121',
    },
    personalNotes:
      'Allergica ai crostacei.\nPreferisce la posta elettronica: 日本語も話せます。 Una riga lunga abbastanza da dover essere piegata a 75 ottetti nel vCard.',
  },
};

export const plainContact: ContactDefinition = {
  givenName: 'Luca',
  surname: 'Neri',
  email: 'luca.neri@example.com',
  companyName: 'Neri Impianti',
};

export const seriesSubject = 'Riunione settimanale di cantiere';
export const singleSubject = 'Consegna chiavi, firma; timbro';

/** A weekly series with attendees in a named time zone, and an all-day single event. */
export const eventsOfElena: EventDefinition[] = [
  {
    subject: seriesSubject,
    bodyHtml: '<html><body><p>Ordine del giorno: avanzamento lavori &amp; sicurezza</p></body></html>',
    start: '2026-01-12T09:00:00',
    end: '2026-01-12T10:00:00',
    timeZone: 'W. Europe Standard Time',
    location: 'Cantiere Città Alta',
    showAs: 'busy',
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2026-01-12', numberOfOccurrences: 10 },
    },
    attendees: [
      { name: 'Giulia Rossi', address: giulia },
      { name: 'Marco Bianchi', address: marco, type: 'optional' },
    ],
  },
  {
    subject: singleSubject,
    body: 'Portare i documenti.\nChiavi al custode.',
    start: '2026-03-02T00:00:00',
    end: '2026-03-03T00:00:00',
    isAllDay: true,
    showAs: 'free',
    location: 'Via Dante 7, Milano',
  },
];

const contactsOfElena = [unicodeContact, plainContact];

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
    {
      userPrincipalName: elena,
      displayName: 'Elena Ferrè',
      preferredLanguage: 'it-IT',
      mailbox: { contacts: contactsOfElena, events: eventsOfElena },
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
