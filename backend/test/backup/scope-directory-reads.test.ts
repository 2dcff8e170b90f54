import { demoTenant, startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { expandScope } from '../../src/backup/scope.js';
import { GraphGateway } from '../../src/graph/index.js';
import {
  findGroupSite,
  findTeam,
  findUserDrive,
  findUserDrives,
  getSite,
  isMicrosoft365Group,
  listGroups,
  siteName,
  type DirectoryReads,
} from '../../src/graph/directory/index.js';
import { connectionTo } from '../graph/simulated-tenant.js';

/**
 * Planning a run looks up each person's OneDrive (`GET /users/{id}/drive`) 20 to a JSON batch rather than one request
 * each, one after the other: a run of 10,000 people would otherwise wait for 10,000 lookups before its first unit.
 * The OneDrives found are those Graph gives one by one; a 404 (no OneDrive) is no OneDrive, as it is alone. Sites'
 * libraries are listed the same way, and a site listed with its display name is not read again for it; one listed
 * without it, and the chosen groups' team sites and teams, are read 20 to a batch too.
 */
let database: TestDatabase;
let simulator: RunningSimulator;
let gateway: GraphGateway;
const driveEndpoint = 'GET /users/:userId/drive';

beforeAll(async () => {
  database = await openTestDatabase('scopedrives');
  simulator = await startSimulator({ tenant: demoTenant() });
  gateway = await GraphGateway.open({ connection: connectionTo(simulator), db: database.db });
});
afterAll(async () => {
  await simulator.stop();
  await database.dispose();
});

test("a whole organisation's OneDrives are looked up 20 to a batch, and are those Graph gives one by one", async () => {
  const people = simulator.control.listUsers();
  simulator.control.resetCounters();
  const planned = await expandScope(gateway, { type: 'organisation' }, ['onedrive']);
  const counters = simulator.control.counters();

  const lookups = counters.byEndpoint[driveEndpoint]?.requests ?? 0;
  expect(lookups).toBe(people.length);
  expect(counters.batchedRequests).toBe(people.length);
  expect(counters.byEndpoint['POST /$batch']?.requests).toBe(Math.ceil(people.length / 20));

  const oneByOne = new Map<string, string>();
  for (const person of people) {
    const drive = await findUserDrive(gateway, person.id);
    if (drive) oneByOne.set(person.id, drive.id);
  }
  expect(oneByOne.size).toBe(people.length);
  expect(new Map(planned.map((resource) => [resource.ownerUserId, resource.driveId]))).toEqual(oneByOne);
});

test('a person Graph answers 404 for has no OneDrive, and the others keep theirs', async () => {
  const people = simulator.control.listUsers().slice(0, 3);
  const gone = '00000000-0000-4000-8000-000000000404';
  const drives = await findUserDrives(gateway, [people[0]!.id, gone, people[1]!.id, people[2]!.id]);
  expect(drives.get(gone)).toBeNull();
  for (const person of people) expect(drives.get(person.id)?.id).toBe((await findUserDrive(gateway, person.id))?.id);
  await expect(findUserDrive(gateway, gone)).resolves.toBeNull();
});

test('the sites of a whole organisation are named as listed, and their libraries read 20 sites to a batch', async () => {
  simulator.control.resetCounters();
  const planned = await expandScope(gateway, { type: 'organisation' }, ['sharepoint']);
  const counters = simulator.control.counters();
  expect(counters.byEndpoint['GET /sites/:siteId']?.requests ?? 0).toBe(0);
  const siteIds = [...new Set(planned.map((resource) => resource.siteId!))];
  expect(siteIds.length).toBeGreaterThan(1);
  expect(counters.byEndpoint['GET /sites/:siteId/drives']?.requests).toBe(siteIds.length);
  expect(counters.batchedRequests).toBe(siteIds.length);
  expect(counters.byEndpoint['POST /$batch']?.requests).toBe(Math.ceil(siteIds.length / 20));
  for (const siteId of siteIds) {
    const name = siteName(await getSite(gateway, siteId));
    const libraries = planned.filter((resource) => resource.siteId === siteId);
    for (const library of libraries) expect(library.displayName.startsWith(`${name} — `)).toBe(true);
  }
});

/** The gateway, with the paths it was asked for one at a time (not in a batch) written down. */
function recordingSingleReads(stripSiteNames = false): { graph: DirectoryReads; alone: string[] } {
  const alone: string[] = [];
  const graph: DirectoryReads = {
    getJson: (path, options) => {
      alone.push(path);
      return gateway.getJson(path, options);
    },
    batch: (requests, options) => gateway.batch(requests, options),
    async *pages<T>(path: string, options: Parameters<DirectoryReads['pages']>[1]) {
      for await (const page of gateway.pages<T>(path, options))
        yield stripSiteNames && path.startsWith('/sites?')
          ? page.map((site) => ({ ...site, displayName: undefined }))
          : page;
    },
  };
  return { graph, alone };
}

test('a job of chosen groups finds their team sites and teams in batches, the ones Graph gives one by one', async () => {
  const groups: string[] = [];
  for await (const page of listGroups(gateway))
    groups.push(...page.filter(isMicrosoft365Group).map((group) => group.id));
  expect(groups.length).toBeGreaterThan(1);
  const { graph, alone } = recordingSingleReads();
  simulator.control.resetCounters();
  const planned = await expandScope(graph, { type: 'groups', groupIds: groups }, ['sharepoint', 'teams']);
  const counters = simulator.control.counters();
  expect(counters.byEndpoint['GET /groups/:groupId/sites/root']?.requests).toBe(groups.length);
  expect(counters.byEndpoint['GET /teams/:teamId']?.requests).toBe(groups.length);
  expect(alone.filter((path) => path.includes('/sites/root') || path.startsWith('/teams/'))).toEqual([]);

  const sitesOneByOne = new Set<string>();
  const teamsOneByOne = new Set<string>();
  for (const groupId of groups) {
    const site = await findGroupSite(gateway, groupId);
    if (site) sitesOneByOne.add(site.id);
    const team = await findTeam(gateway, groupId);
    if (team) teamsOneByOne.add(team.id);
  }
  expect(teamsOneByOne.size).toBeGreaterThan(0);
  expect(new Set(planned.filter((resource) => resource.kind === 'sharepoint').map((r) => r.siteId))).toEqual(
    sitesOneByOne,
  );
  expect(new Set(planned.filter((resource) => resource.kind === 'team').map((r) => r.graphId))).toEqual(teamsOneByOne);
});

test('sites listed without a display name are read for it 20 to a batch, and named as Graph names them', async () => {
  const { graph, alone } = recordingSingleReads(true);
  simulator.control.resetCounters();
  const planned = await expandScope(graph, { type: 'organisation' }, ['sharepoint']);
  const siteIds = [...new Set(planned.map((resource) => resource.siteId!))];
  expect(simulator.control.counters().byEndpoint['GET /sites/:siteId']?.requests).toBe(siteIds.length);
  expect(alone).toEqual([]);
  for (const siteId of siteIds) {
    const name = siteName(await getSite(gateway, siteId));
    for (const library of planned.filter((resource) => resource.siteId === siteId))
      expect(library.displayName.startsWith(`${name} — `)).toBe(true);
  }
});
