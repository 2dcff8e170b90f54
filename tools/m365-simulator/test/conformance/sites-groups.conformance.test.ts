import { demoTenant, startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { SITE_GET_EXAMPLE } from './support/files.js';
import { documented, GRAPH_ERROR_SHAPE, send, shapeDifferences } from './support/documented.js';

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  const tenant = demoTenant();
  const intranet = tenant.sites?.find((site) => site.name === 'intranet');
  if (intranet) intranet.group = 'tutti';
  sim = await startSimulator({ tenant });
  token = await appToken(sim);
});

afterAll(async () => {
  await sim.stop();
});

async function groupId(nickname: string): Promise<string> {
  const found = await send(sim, { path: `/groups?$filter=mailNickname eq '${nickname}'&$select=id`, token });
  return (found.body as { value: Array<{ id: string }> }).value[0]?.id ?? '';
}

describe('a group’s team site', () => {
  documented(
    {
      endpoint: 'GET /groups/:groupId/sites/root',
      page: 'https://learn.microsoft.com/graph/api/site-get?view=graph-rest-1.0#http-request',
      shows: 'the team site of a group; a group without one answers 404',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: `/groups/${await groupId('tutti')}/sites/root`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, SITE_GET_EXAMPLE)).toEqual([]);
      expect(answer.body).toMatchObject({ displayName: 'Intranet aziendale' });
      const none = await send(sim, { path: `/groups/${await groupId('vendite')}/sites/root`, token });
      expect(none.status).toBe(404);
      expect(shapeDifferences(none.body, GRAPH_ERROR_SHAPE)).toEqual([]);
    },
  );
});
