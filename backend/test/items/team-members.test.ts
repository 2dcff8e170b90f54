import type { TenantDefinition } from '@custodia/m365-simulator';
import { startBackupHarness, type BackupHarness } from '../backup/harness.js';
import { person, seedPortalUser, seedTenant, tenantB, type Harness, type TestPerson } from '../api/support/harness.js';
import { startApiOnBackup } from '../api/support/api-on-backup.js';
import { Catalog } from '../../src/catalog/index.js';

/**
 * A team's members, as Graph lists its group's members, are recorded on the team at each backup (one members list
 * per team per run), and the Items list gives the team under each of them: `?owner=` an address finds the person's
 * own accounts and the teams they belong to, in the caller's tenant only.
 */
const domain = 'rossi.onmicrosoft.com';
const address = (handle: string) => `${handle}@${domain}`;
const tenant: TenantDefinition = {
  displayName: 'Rossi Srl',
  domain,
  users: ['anna', 'bruno', 'carla'].map((handle, index) => ({
    userPrincipalName: address(handle),
    displayName: `${handle[0]!.toUpperCase()}${handle.slice(1)} Rossi`,
    mailbox: { generate: { messages: 2, seed: index + 3 } },
  })),
  groups: [
    { displayName: 'Progetto Alfa', mailNickname: 'alfa', members: [address('anna'), address('bruno')] },
    { displayName: 'Tutti', mailNickname: 'tutti', members: ['alfa', address('carla')] },
  ],
  teams: [
    {
      group: 'alfa',
      channels: [{ displayName: 'General', messages: [{ from: address('anna'), body: '<p>Si parte lunedì.</p>' }] }],
    },
    { group: 'tutti', channels: [{ displayName: 'General' }] },
  ],
};

const membersList = 'GET /groups/:groupId/members/microsoft.graph.user';

let backup: BackupHarness;
let api: Harness;
let admin: TestPerson;
let jobId: string;

beforeAll(async () => {
  backup = await startBackupHarness({ tenant });
  api = await startApiOnBackup(backup);
  await seedTenant(api.services, backup.tenantId);
  admin = person(backup.tenantId, 'amministratore');
  await seedPortalUser(api.services, admin, 'tenant_admin');
  const { jobId: created, run } = await backup.runJob({
    name: 'Posta e team',
    scope: { type: 'organisation' },
    workloads: ['exchange', 'teams'],
    dailyTime: '22:00',
    retentionYears: 1,
  });
  expect(run.status).toBe('succeeded');
  jobId = created;
}, 600_000);
afterAll(async () => {
  await api?.close();
  await backup?.stop();
});

interface Listed {
  items: Array<{ id: string; kind: string; displayName: string; ownerEmail: string | null; memberEmails: string[] }>;
  nextCursor: string | null;
}

async function list(query: string): Promise<Listed> {
  const answer = await api.call('GET', `/items?${query}`, { token: await api.token(admin) });
  expect(answer.status).toBe(200);
  return answer.body as Listed;
}

function teamId(nickname: string): string {
  const team = backup.sim.control.listTeams().find((candidate) => candidate.displayName === nickname);
  if (!team) throw new Error(`no team ${nickname}`);
  return team.id;
}

test('a backup run records each team’s user members, nested groups left out as Graph’s direct members are', async () => {
  const catalog = new Catalog(backup.database.db, backup.tenantId);
  const users = new Map(backup.sim.control.listUsers().map((user) => [user.userPrincipalName, user.id]));
  const alfa = await catalog.resource(`team:${teamId('Progetto Alfa')}`);
  expect(alfa?.members).toEqual(
    expect.arrayContaining([
      { userId: users.get(address('anna')), email: address('anna') },
      { userId: users.get(address('bruno')), email: address('bruno') },
    ]),
  );
  expect(alfa?.members).toHaveLength(2);
  const everyone = await catalog.resource(`team:${teamId('Tutti')}`);
  expect(everyone?.members).toEqual([{ userId: users.get(address('carla')), email: address('carla') }]);
});

test('an incremental run reads each team’s members once', async () => {
  backup.sim.control.resetCounters();
  const run = await backup.runAgain(jobId);
  expect(run.status).toBe('succeeded');
  expect(backup.sim.control.counters().byEndpoint[membersList]?.requests).toBe(2);
}, 600_000);

test('the Items list gives each team its members, and ?owner= a person’s own accounts and teams', async () => {
  const all = await list('limit=50');
  const alfa = all.items.find((item) => item.displayName === 'Progetto Alfa');
  expect(alfa?.memberEmails.sort()).toEqual([address('anna'), address('bruno')]);
  expect(all.items.find((item) => item.kind === 'mailbox')?.memberEmails).toEqual([]);

  const anna = await list(`owner=${encodeURIComponent(address('ANNA'))}&sort=displayName`);
  expect(anna.items.map((item) => [item.kind, item.displayName])).toEqual([
    ['mailbox', 'Anna Rossi'],
    ['team', 'Progetto Alfa'],
  ]);
  const carla = await list(`owner=${encodeURIComponent(address('carla'))}&kind=team`);
  expect(carla.items.map((item) => item.displayName)).toEqual(['Tutti']);
});

test('?owner= finds no team of another tenant the person is recorded in', async () => {
  await seedTenant(api.services, tenantB);
  const other = new Catalog(api.database.db, tenantB);
  await other.upsertResources([
    { resourceId: 'team:other', kind: 'team', graphId: 'other', displayName: 'Team altrui' },
  ]);
  await other.recordTeamMembers('team:other', [{ userId: 'u-anna', email: address('anna') }]);

  const anna = await list(`owner=${encodeURIComponent(address('anna'))}`);
  expect(anna.items.map((item) => item.displayName)).not.toContain('Team altrui');
  expect(anna.items).toHaveLength(2);
});

test('an owner that is neither a kind nor an address is refused', async () => {
  const answer = await api.call('GET', '/items?owner=somebody', { token: await api.token(admin) });
  expect(answer.status).toBe(400);
});
