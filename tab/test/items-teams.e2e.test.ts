import type { Page } from 'playwright-core';
import { Catalog } from '@custodia/backend/catalog/index';
import { directoryGroup } from './support/directory.js';
import {
  backUpGroup,
  openPortalSession,
  signInAdminWithJobsAside,
  tableLines,
  type PortalSession,
} from './support/portal-session.js';

/**
 * Items by person with teams: a job backs up the sales group's mail and its team through the API; the team's backup
 * records its members, and the Items page lists the team under each member's heading, beside their mailbox, and
 * once more under "Teams and sites".
 */
const runTimeoutMs = 90_000;
const teamName = 'Vendite';

interface Item {
  kind: string;
  displayName: string;
  ownerEmail: string | null;
  memberEmails: string[];
}

let session: PortalSession;
let page: Page;
let members: Array<{ displayName: string; email: string }>;
let outsider: { displayName: string; email: string };

beforeAll(async () => {
  session = await openPortalSession({ undoSetup: false });
  page = session.page;
  await signInAdminWithJobsAside(session, '50');
  const sales = await directoryGroup(session.server.sim, teamName);
  const job = { name: 'Vendite: posta e team', groupId: sales.id, workloads: ['exchange', 'teams'], minutes: '50' };
  await backUpGroup(session, job, runTimeoutMs);
  const items = await session.api<{ items: Item[] }>('/items?limit=200');
  const mailboxes = items.items.filter((item) => item.kind === 'mailbox' && item.ownerEmail !== null);
  const team = items.items.find((item) => item.kind === 'team' && item.displayName === teamName);
  if (!team) throw new Error('the backup recorded no sales team');
  const person = (item: Item) => ({ displayName: item.displayName, email: item.ownerEmail ?? '' });
  members = mailboxes.filter((item) => team.memberEmails.includes(item.ownerEmail ?? '')).map(person);
  outsider = await addOutsider();
}, runTimeoutMs + 90_000);

afterAll(() => session?.close());

/**
 * A person outside the sales team, their mailbox in the catalog as a backup records it (the job backs up the sales
 * group's members only).
 */
async function addOutsider(): Promise<{ displayName: string; email: string }> {
  const catalog = new Catalog(session.server.app.database.db, session.server.sim.tenantId);
  const email = 'esterno@fuori.example';
  await catalog.upsertResources([
    {
      resourceId: 'mailbox:esterno',
      kind: 'mailbox',
      graphId: 'esterno',
      displayName: 'Esterno Fuori',
      ownerUserId: 'esterno',
      ownerEmail: email,
    },
  ]);
  return { displayName: 'Esterno Fuori', email };
}

const itemsTable = () => page.getByRole('table', { name: 'Protected items' });

/** The names of the accounts under a heading: the lines after it up to the next heading. */
function under(all: string[][], heading: string): string[] {
  const start = all.findIndex((line) => line.length === 1 && line[0] === heading);
  if (start < 0) return [];
  const end = all.findIndex((line, index) => index > start && line.length === 1);
  return all.slice(start + 1, end < 0 ? undefined : end).map((line) => line[0] ?? '');
}

test('by person, each member’s heading holds their mailbox and their team; the team stands under "Teams and sites" too', async () => {
  expect(members.length).toBeGreaterThan(1);
  await session.openTab('Items');
  await page.getByRole('heading', { name: 'Protected items' }).waitFor();
  const heading = (person: { displayName: string; email: string }) => `${person.displayName} · ${person.email}`;
  const first = members[0]!;
  await itemsTable()
    .getByRole('cell', { name: heading(first), exact: true })
    .waitFor();
  const all = await tableLines(itemsTable());

  for (const member of members) {
    expect({ member: member.email, accounts: under(all, heading(member)) }).toEqual({
      member: member.email,
      accounts: expect.arrayContaining([member.displayName, teamName]),
    });
  }
  expect(under(all, heading(outsider))).not.toContain(teamName);
  expect(under(all, 'Teams and sites')).toContain(teamName);
  // Once under "Teams and sites" and once under each member, every line with the team's own actions.
  const teamLines = all.filter((line) => line[0] === teamName);
  expect(teamLines).toHaveLength(members.length + 1);
  expect(teamLines.every((line) => line.includes('Delete backup'))).toBe(true);
  await session.capture('items-teams-en');
});
