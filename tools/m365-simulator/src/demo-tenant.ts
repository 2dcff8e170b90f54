import type { MailboxDefinition, TenantDefinition, UserDefinition } from './model/definition.js';
import { DEPARTMENTS, GIVEN_NAMES, SURNAMES } from './generator/corpus.js';
import { generatedPerson } from './generator/tenant.js';

const DOMAIN = 'officinebrambilla.onmicrosoft.com';

const JOB_TITLES = [
  'Amministratore delegato',
  'Responsabile IT',
  'Commerciale',
  'Contabile',
  'Magazziniere',
  'Project manager',
  'Assistente',
];

function upn(given: string, surname: string): string {
  const clean = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${clean(given)}.${clean(surname)}@${DOMAIN}`;
}

const WELCOME_MIME = (to: string) =>
  [
    'From: "Giulia Rossi" <giulia.rossi@officinebrambilla.onmicrosoft.com>',
    `To: <${to}>`,
    'Subject: =?UTF-8?B?' + Buffer.from('Benvenuti in Officine Brambilla — Welcome!').toString('base64') + '?=',
    'Date: Mon, 12 Jan 2026 09:15:00 +0100',
    'Message-ID: <welcome.2026@officinebrambilla.onmicrosoft.com>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Benvenuti! Da oggi la posta aziendale =C3=A8 protetta dal backup.',
    'Welcome! From today company mail is backed up.',
    '--b1',
    'Content-Type: application/pdf; name="Regolamento aziendale.pdf"',
    'Content-Disposition: attachment; filename="Regolamento aziendale.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4\n% regolamento aziendale\n').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');

function mailbox(index: number, address: string): MailboxDefinition {
  return {
    generate: { messages: 40, seed: 2026 + index },
    folders: [
      { displayName: 'Posta in arrivo', wellKnownName: 'inbox', messages: [{ mime: WELCOME_MIME(address) }] },
      { displayName: 'Clienti', childFolders: [{ displayName: 'Clienti esteri — foreign customers' }] },
    ],
    contacts: [
      {
        givenName: 'Paolo',
        surname: 'Verdi',
        email: 'paolo.verdi@fornitore.example',
        companyName: 'Verdi Trasporti S.r.l.',
      },
      { givenName: 'Anna', surname: 'Schmidt', email: 'anna.schmidt@kunde.example', companyName: 'Schmidt GmbH' },
    ],
    events: [
      {
        subject: 'Riunione settimanale / Weekly meeting',
        start: '2026-01-12T08:30:00Z',
        end: '2026-01-12T09:00:00Z',
        location: 'Sala Garda',
        recurrence: {
          pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
          range: { type: 'noEnd', startDate: '2026-01-12' },
        },
      },
      {
        subject: 'Visita cliente a Bergamo',
        start: '2026-02-03T13:00:00Z',
        end: '2026-02-03T15:00:00Z',
        location: 'Bergamo',
      },
    ],
  };
}

function users(): UserDefinition[] {
  return GIVEN_NAMES.map((given, index) => {
    const surname = SURNAMES[index] as string;
    const address = upn(given, surname);
    return {
      userPrincipalName: address,
      displayName: `${given} ${surname}`,
      givenName: given,
      surname,
      jobTitle: JOB_TITLES[index % JOB_TITLES.length] as string,
      department: DEPARTMENTS[index % DEPARTMENTS.length] as string,
      officeLocation: index % 3 === 0 ? 'Milano' : 'Brescia',
      preferredLanguage: index >= 21 ? 'en-US' : 'it-IT',
      mailbox: mailbox(index, address),
      drive: {
        items: [
          {
            name: 'Documenti',
            children: [{ name: 'Note riunione.txt', content: `Note di ${given}: consegna entro venerdì.\n` }],
          },
          { name: 'Presentazione.pptx', size: 350_000 + index * 1000, seed: index },
        ],
      },
    };
  });
}

/**
 * People added to the demo to see the portal at the size of a real customer: corpus names in the demo's domain, none
 * the name of one of its 25 people (they are the corpus's diagonal), each with a few generated messages and one file.
 */
function morePeople(count: number): UserDefinition[] {
  const people: UserDefinition[] = [];
  for (let index = 0; people.length < count; index++) {
    if (Math.floor(index / GIVEN_NAMES.length) === index % GIVEN_NAMES.length) continue;
    const person = generatedPerson(index, DOMAIN);
    people.push({
      ...person,
      mailbox: { generate: { messages: 3, seed: 4000 + index } },
      drive: { items: [{ name: 'Relazione.docx', size: 20_000 + (index % 50) * 100, seed: 4000 + index }] },
    });
  }
  return people;
}

export interface DemoTenantOptions {
  /** Generated people beside the demo's 25, so the portal can be seen at 500 or 5,000 accounts. */
  morePeople?: number;
}

/**
 * Officine Brambilla S.p.A.: an Italian manufacturer with 25 people (and any `morePeople`), 4 groups, 2 SharePoint
 * sites and 2 teams.
 */
export function demoTenant(options: DemoTenantOptions = {}): TenantDefinition {
  const people = [...users(), ...morePeople(options.morePeople ?? 0)];
  const address = (index: number) => (people[index] as UserDefinition).userPrincipalName;
  return {
    tenantId: '5f0a2c9e-7b1d-4e3a-9c61-2d8f4b7a1e05',
    displayName: 'Officine Brambilla S.p.A.',
    domain: DOMAIN,
    app: {
      clientId: '8c3e1f52-4a7b-4d19-b6e2-0f9a3c5d7e81',
      clientSecret: 'demo~Segreto.Custodia-2026',
      displayName: 'Custodia Backup',
    },
    users: people,
    groups: [
      {
        displayName: 'Amministrazione',
        mailNickname: 'amministrazione',
        description: 'Ufficio amministrativo',
        members: [0, 3, 7, 14].map(address),
        visibility: 'Private',
      },
      {
        displayName: 'Vendite',
        mailNickname: 'vendite',
        description: 'Sales team / Ufficio vendite',
        members: [1, 2, 8, 15, 22].map(address),
        visibility: 'Public',
      },
      {
        displayName: 'Produzione',
        mailNickname: 'produzione',
        description: 'Reparto produzione',
        members: [4, 5, 6, 9, 10, 11].map(address),
        visibility: 'Private',
      },
      {
        displayName: 'Tutti i dipendenti',
        mailNickname: 'tutti',
        description: 'Everyone / Tutti',
        members: ['amministrazione', 'vendite', 'produzione', address(12), address(13)],
        visibility: 'Public',
      },
    ],
    sites: [
      {
        name: 'intranet',
        displayName: 'Intranet aziendale',
        drives: [
          {
            name: 'Documenti condivisi',
            items: [
              {
                name: 'Procedure',
                children: [
                  { name: 'Sicurezza sul lavoro.pdf', size: 1_200_000, seed: 101 },
                  { name: 'Onboarding (EN).docx', size: 80_000, seed: 102 },
                ],
              },
              { name: 'Comunicazioni.txt', content: 'La mensa chiude alle 14:30. The canteen closes at 2:30 pm.\n' },
            ],
          },
        ],
      },
      {
        name: 'qualita',
        displayName: 'Qualità',
        drives: [
          { name: 'Documenti', items: [{ name: 'Manuale qualità ISO 9001.pdf', size: 2_500_000, seed: 201 }] },
          { name: 'Certificati', items: [{ name: 'Certificato 2026.pdf', size: 300_000, seed: 202 }] },
        ],
      },
    ],
    teams: [
      {
        group: 'vendite',
        channels: [
          {
            displayName: 'General',
            messages: [
              {
                from: address(1),
                body: '<p>Ciao a tutti, il nuovo listino è online.</p>',
                replies: [{ from: address(2), body: '<p>Grazie Marco!</p>' }],
              },
              { from: address(22), body: '<p>Customer visit in Munich confirmed for March.</p>' },
            ],
          },
          {
            displayName: 'Offerte',
            description: 'Offerte in corso',
            messages: [{ from: address(8), body: '<p>Offerta 2026/014 inviata al cliente.</p>' }],
          },
        ],
      },
      {
        group: 'produzione',
        channels: [
          {
            displayName: 'General',
            messages: [
              {
                from: address(4),
                body: '<p>Turno di sabato confermato.</p>',
                replies: [
                  { from: address(5), body: '<p>Ok, ci sono.</p>' },
                  { from: address(6), body: '<p>Anch’io.</p>' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}
