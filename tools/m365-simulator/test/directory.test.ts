import { startSimulator, type RunningSimulator } from '../src/index.js';
import { appGraph, readAllPages, type SimGraph } from './support/clients.js';

let sim: RunningSimulator;
let graph: SimGraph;

interface Named {
  id: string;
  displayName: string;
  mail?: string;
  '@odata.type'?: string;
}

beforeAll(async () => {
  sim = await startSimulator();
  graph = await appGraph(sim);
});

afterAll(async () => {
  await sim.stop();
});

describe('directory', () => {
  // https://learn.microsoft.com/graph/paging
  test('users page by $top with an opaque @odata.nextLink until all 25 demo users are read', async () => {
    const { items, pages } = await readAllPages<Named>(graph, '/users?$top=10');
    expect(pages).toBe(3);
    expect(items).toHaveLength(25);
    expect(new Set(items.map((user) => user.id)).size).toBe(25);
  });

  // https://learn.microsoft.com/graph/api/user-get#example-3-use-select-to-retrieve-specific-properties-of-a-user
  test('$select returns only the selected properties (id only when selected)', async () => {
    const page = (await graph.client.api('/users').select(['displayName']).top(1).get()) as {
      value: Array<Record<string, unknown>>;
    };
    expect(
      Object.keys(page.value[0] ?? {})
        .filter((key) => !key.startsWith('@'))
        .sort(),
    ).toEqual(['displayName']);
  });

  // https://learn.microsoft.com/graph/api/user-get
  test('a user is found by id and by userPrincipalName; an unknown one is 404 Request_ResourceNotFound', async () => {
    const [first] = sim.control.listUsers();
    const byUpn = (await graph.client.api(`/users/${first?.userPrincipalName ?? ''}`).get()) as Named;
    expect(byUpn.id).toBe(first?.id);
    await expect(graph.client.api('/users/nobody@example.com').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });

  // https://learn.microsoft.com/graph/api/group-list-members and group-list-transitivemembers
  test('members lists direct members; transitiveMembers expands nested groups', async () => {
    const groups = (await graph.client.api('/groups').get()) as { value: Array<Named & { mailNickname: string }> };
    expect(groups.value).toHaveLength(4);
    const everyone = groups.value.find((group) => group.mailNickname === 'tutti');
    const direct = (await graph.client.api(`/groups/${everyone?.id ?? ''}/members`).get()) as { value: Named[] };
    const transitive = await readAllPages<Named>(graph, `/groups/${everyone?.id ?? ''}/transitiveMembers`);
    expect(direct.value.filter((member) => member['@odata.type'] === '#microsoft.graph.group')).toHaveLength(3);
    expect(direct.value.filter((member) => member['@odata.type'] === '#microsoft.graph.user')).toHaveLength(2);
    expect(transitive.items.filter((member) => member['@odata.type'] === '#microsoft.graph.user')).toHaveLength(
      2 + 4 + 5 + 6,
    );
  });

  // https://learn.microsoft.com/graph/api/organization-get
  test('organization describes the tenant', async () => {
    const organization = (await graph.client.api('/organization').get()) as {
      value: Array<{ id: string; verifiedDomains: Array<{ name: string }> }>;
    };
    expect(organization.value[0]?.id).toBe(sim.tenantId);
    expect(organization.value[0]?.verifiedDomains[0]?.name).toBe('officinebrambilla.onmicrosoft.com');
  });
});
