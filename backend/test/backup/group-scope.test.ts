import { demoTenant, startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { expandScope } from '../../src/backup/scope.js';
import { GraphGateway } from '../../src/graph/index.js';
import { GroupNotFound } from '../../src/graph/directory/index.js';
import { peopleOfJobScope } from '../../src/jobs-api/people-in-job-scope.js';
import { connectionTo } from '../graph/simulated-tenant.js';

/**
 * A job scoped to Microsoft 365 groups protects their members' mailboxes and OneDrives, the groups' teams and their
 * team sites (`GET /groups/{id}/sites/root`); a group without a team or a site is no error.
 */
let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;

beforeAll(async () => {
  const tenant = demoTenant();
  const intranet = tenant.sites?.find((site) => site.name === 'intranet');
  if (intranet) intranet.group = 'tutti';
  database = await openTestDatabase('groupscope');
  simulator = await startSimulator({ tenant });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

async function groupId(nickname: string): Promise<string> {
  const found = await gateway.getJson<{ value: Array<{ id: string }> }>(
    `/groups?$filter=${encodeURIComponent(`mailNickname eq '${nickname}'`)}&$select=id`,
    { resource: { kind: 'directory' } },
  );
  return found.value[0]!.id;
}

test('a group with a team site brings its site; one without brings none and fails nothing', async () => {
  const withSite = await expandScope(gateway, { type: 'groups', groupIds: [await groupId('tutti')] }, ['sharepoint']);
  expect(withSite.map((resource) => [resource.kind, resource.displayName])).toEqual([
    ['sharepoint', 'Intranet aziendale — Documenti condivisi'],
  ]);
  const withoutSite = await expandScope(gateway, { type: 'groups', groupIds: [await groupId('vendite')] }, [
    'sharepoint',
  ]);
  expect(withoutSite).toEqual([]);
});

test('the members of nested groups are found through the users-only cast of transitiveMembers', async () => {
  const everyone = await expandScope(gateway, { type: 'groups', groupIds: [await groupId('tutti')] }, ['exchange']);
  const people = simulator.control.listUsers();
  expect(everyone.every((resource) => resource.kind === 'mailbox')).toBe(true);
  expect(everyone.length).toBeGreaterThan(10);
  expect(everyone.length).toBeLessThanOrEqual(people.length);
});

test('the licence counts exactly the people whose accounts the backup plans', async () => {
  const scope = { type: 'groups' as const, groupIds: [await groupId('tutti'), await groupId('vendite')] };
  const counted = await peopleOfJobScope(gateway, { scope, profile: 'Gold' });
  const planned = await expandScope(gateway, scope, ['exchange', 'onedrive'], 'Gold');
  const owners = new Set(planned.map((resource) => resource.ownerUserId));
  expect(counted.size).toBeGreaterThan(10);
  expect([...owners].sort()).toEqual([...counted.keys()].sort());
});

test('a person in a Gold group and a Bronze group of one job is planned and counted once, under Gold', async () => {
  const [everyone, sales] = [await groupId('tutti'), await groupId('vendite')];
  const scope = { type: 'groups' as const, groupIds: [sales, everyone], groupProfiles: { [everyone]: 'Bronze' } };
  const counted = await peopleOfJobScope(gateway, { scope, profile: 'Gold' });
  const salesPeople = await peopleOfJobScope(gateway, {
    scope: { type: 'groups', groupIds: [sales] },
    profile: 'Gold',
  });
  expect(salesPeople.size).toBeGreaterThan(0);
  expect(counted.size).toBeGreaterThan(salesPeople.size);
  for (const [id, profile] of counted) expect(profile).toBe(salesPeople.has(id) ? 'Gold' : 'Bronze');
  const planned = await expandScope(gateway, scope, ['exchange'], 'Gold');
  expect(new Map(planned.map((resource) => [resource.ownerUserId, resource.profile]))).toEqual(counted);
});

test('each person gets the job’s services their profile includes: Bronze people their mailbox, Gold people their OneDrive too', async () => {
  const [everyone, sales] = [await groupId('tutti'), await groupId('vendite')];
  const scope = { type: 'groups' as const, groupIds: [sales, everyone], groupProfiles: { [everyone]: 'Bronze' } };
  const services = new Map([
    ['gold', ['exchange', 'onedrive'] as const],
    ['bronze', ['exchange'] as const],
  ]);
  const planned = await expandScope(gateway, scope, ['exchange', 'onedrive'], 'Gold', services);
  const salesPeople = await peopleOfJobScope(gateway, {
    scope: { type: 'groups', groupIds: [sales] },
    profile: 'Gold',
  });
  const drives = planned.filter((resource) => resource.kind === 'onedrive');
  expect(drives.length).toBeGreaterThan(0);
  expect(drives.every((drive) => salesPeople.has(drive.ownerUserId!) && drive.profile === 'Gold')).toBe(true);
  const mailboxes = planned.filter((resource) => resource.kind === 'mailbox');
  expect(mailboxes.some((mailbox) => mailbox.profile === 'Bronze')).toBe(true);
  expect(mailboxes.length).toBe((await peopleOfJobScope(gateway, { scope, profile: 'Gold' })).size);
});

test('a group no longer in the directory fails the plan by name and is the caller’s error for the licence count', async () => {
  const scope = { type: 'groups' as const, groupIds: ['00000000-0000-0000-0000-00000000dead'] };
  await expect(expandScope(gateway, scope, ['exchange'])).rejects.toBeInstanceOf(GroupNotFound);
  await expect(peopleOfJobScope(gateway, { scope, profile: 'Gold' })).rejects.toMatchObject({
    status: 400,
    code: 'group_not_found',
  });
});
