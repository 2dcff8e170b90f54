import { demoTenant, startSimulator, type RunningSimulator } from '@custodia/m365-simulator';
import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { expandScope } from '../../src/backup/scope.js';
import { GraphGateway } from '../../src/graph/index.js';
import { findUserDrive, findUserDrives, getSite, siteName } from '../../src/graph/directory/index.js';
import { connectionTo } from '../graph/simulated-tenant.js';

/**
 * Planning a run looks up each person's OneDrive (`GET /users/{id}/drive`) 20 to a JSON batch rather than one request
 * each, one after the other: a run of 10,000 people would otherwise wait for 10,000 lookups before its first unit.
 * The OneDrives found are those Graph gives one by one; a 404 (no OneDrive) is no OneDrive, as it is alone. Sites'
 * libraries are listed the same way, and a site listed with its display name is not read again for it.
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
