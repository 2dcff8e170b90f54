import { demoTenant, startSimulator, type RunningSimulator } from '../src/index.js';
import { appGraph, readAllPages, type SimGraph } from './support/clients.js';

let sim: RunningSimulator;
let graph: SimGraph;

beforeAll(async () => {
  sim = await startSimulator({ tenant: demoTenant({ morePeople: 600 }) });
  graph = await appGraph(sim);
});

afterAll(async () => {
  await sim.stop();
});

test('the demo with 600 more people lists 625 distinct people in its own domain, the 25 demo people among them', async () => {
  const { items } = await readAllPages<{ id: string; userPrincipalName: string; displayName: string }>(
    graph,
    '/users?$top=999&$select=id,userPrincipalName,displayName',
  );
  expect(items).toHaveLength(625);
  expect(new Set(items.map((user) => user.userPrincipalName.toLowerCase())).size).toBe(625);
  expect(items.every((user) => user.userPrincipalName.endsWith('@officinebrambilla.onmicrosoft.com'))).toBe(true);
  const demo = demoTenant().users.map((user) => user.userPrincipalName);
  expect(items.map((user) => user.userPrincipalName)).toEqual(expect.arrayContaining(demo));
  const names = new Set(demoTenant().users.map((user) => user.displayName));
  const added = items.filter((user) => !demo.includes(user.userPrincipalName));
  expect(added.filter((user) => names.has(user.displayName))).toEqual([]);
});

test('an added person has a mailbox with its generated messages and a OneDrive with one file, the same at every start', async () => {
  const person = demoTenant({ morePeople: 600 }).users[300]!;
  const again = demoTenant({ morePeople: 600 }).users[300]!;
  expect(again.userPrincipalName).toBe(person.userPrincipalName);
  const messages = await readAllPages<{ id: string }>(graph, `/users/${person.userPrincipalName}/messages?$top=50`);
  expect(messages.items).toHaveLength(3);
  const files = await readAllPages<{ name: string; file?: object }>(
    graph,
    `/users/${person.userPrincipalName}/drive/root/children`,
  );
  expect(files.items.map((item) => item.name)).toEqual(['Relazione.docx']);
});
