import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, GRAPH_ERROR_SHAPE, send, shapeDifferences } from './support/documented.js';
import { delegatedToken, SITE_GET_EXAMPLE } from './support/files.js';

let sim: RunningSimulator;
let app: string;
let user: string;

beforeAll(async () => {
  sim = await startSimulator();
  app = await appToken(sim);
  user = await delegatedToken(sim, sim.control.listUsers()[0] as { id: string });
});

afterAll(async () => {
  await sim.stop();
});

const DRIVE_GET = 'https://learn.microsoft.com/graph/api/drive-get?view=graph-rest-1.0';
const DRIVE_LIST = 'https://learn.microsoft.com/graph/api/drive-list?view=graph-rest-1.0';
const SITE_LIST = 'https://learn.microsoft.com/graph/api/site-list?view=graph-rest-1.0';

describe('drives', () => {
  documented(
    {
      endpoint: 'GET /drives/:driveId',
      page: `${DRIVE_GET}#get-current-users-onedrive`,
      shows: "the signed-in user's OneDrive with owner and quota",
    },
    async () => {
      const answer = await send(sim, { path: '/me/drive', token: user });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(
        shapeDifferences(answer.body, {
          id: 'b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7',
          driveType: 'business',
          owner: { user: { id: 'efee1b77-fb3b-4f65-99d6-274c11914d12', displayName: 'Ryan Gregg' } },
          quota: { deleted: 256938, remaining: 1099447353539, state: 'normal', total: 1099511627776 },
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId',
      page: `${DRIVE_GET}#get-a-drive-by-id`,
      shows: 'the quota follows writes: used grows and remaining shrinks by what a file adds',
      pageExample: false,
    },
    async () => {
      const driveId = (sim.control.listUsers()[1] as { driveId: string }).driveId;
      const before = (await send(sim, { path: `/drives/${driveId}`, token: app })).body as {
        quota: { used: number; remaining: number; total: number };
      };
      sim.control.addFile(driveId, '', 'Quota.bin', { size: 5000, seed: 1 });
      const after = (await send(sim, { path: `/drives/${driveId}?$select=id,quota`, token: app })).body as {
        quota: { used: number; remaining: number; total: number };
        name?: string;
      };
      expect(after.quota.used - before.quota.used).toBe(5000);
      expect(before.quota.remaining - after.quota.remaining).toBe(5000);
      expect(after.quota.total).toBe(after.quota.used + after.quota.remaining);
      expect(after.name).toBeUndefined();
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/drives',
      page: `${DRIVE_LIST}#examples`,
      shows: "the current user's drives with @odata.context",
    },
    async () => {
      const answer = await send(sim, { path: '/me/drives', token: user });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#drives',
          value: [
            {
              createdDateTime: '2017-07-27T02:41:36Z',
              description: '',
              id: 'b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd',
              lastModifiedDateTime: '2018-03-27T07:34:38Z',
              name: 'OneDrive',
              webUrl: 'https://m365x214355-my.sharepoint.com/personal/meganb_m365x214355_onmicrosoft_com/Documents',
              driveType: 'business',
              createdBy: { user: { displayName: 'System Account' } },
              lastModifiedBy: { user: { id: '48d31887-5fad-4d73-a9f5-3c356e68a038', displayName: 'Megan Bowen' } },
              owner: { user: { id: '48d31887-5fad-4d73-a9f5-3c356e68a038', displayName: 'Megan Bowen' } },
              quota: { deleted: 0, remaining: 1099217021300, state: 'normal', total: 1099511627776, used: 294606476 },
            },
          ],
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/drives',
      page: `${DRIVE_LIST}#optional-query-parameters`,
      shows: "a site's document libraries ordered by $orderby=name desc; an option the page does not list is a 400",
      pageExample: false,
    },
    async () => {
      const sites = (await send(sim, { path: '/sites', token: app })).body as {
        value: Array<{ id: string; name: string }>;
      };
      const quality = sites.value.find((candidate) => candidate.name === 'qualita');
      const ordered = await send(sim, { path: `/sites/${quality?.id ?? ''}/drives?$orderby=name desc`, token: app });
      expect(ordered.status).toBe(200);
      const names = (ordered.body as { value: Array<{ name: string }> }).value.map((drive) => drive.name);
      expect(names).toEqual([...names].sort().reverse());
      const refused = await send(sim, { path: `/sites/${quality?.id ?? ''}/drives?$count=true`, token: app });
      expect(refused.status).toBe(400);
      expect(shapeDifferences(refused.body, GRAPH_ERROR_SHAPE)).toEqual([]);
    },
  );
});

describe('sites', () => {
  documented(
    {
      endpoint: 'GET /sites',
      page: `${SITE_LIST}#example-2-list-all-sites`,
      shows: 'every site with root and siteCollection',
    },
    async () => {
      const answer = await send(sim, { path: '/sites', token: app });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          value: [
            {
              id: 'contoso.sharepoint.com,d9ecf079-9b13-4376-ac5d-f242dda55626,746dbcc1-fa2b-4120-b657-2670bae5bb6f',
              name: 'Site A',
              root: {},
              siteCollection: { hostname: 'contoso.sharepoint.com' },
              webUrl: 'https://contoso.sharepoint.com/sites/siteA',
            },
          ],
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /sites',
      page: `${SITE_LIST}#example-1-list-sites-using-query-parameters`,
      shows: 'the root-level site collections by the documented $filter and $select (the simulated tenant has none)',
    },
    async () => {
      const answer = await send(sim, {
        path: '/sites?$select=siteCollection,webUrl&$filter=siteCollection/root%20ne%20null',
        token: app,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ value: [] });
      const other = await send(sim, { path: "/sites?$filter=name eq 'qualita'", token: app });
      expect(other.status).toBe(400);
    },
  );

  documented(
    {
      endpoint: 'GET /sites',
      page: 'https://learn.microsoft.com/graph/api/site-search?view=graph-rest-1.0#examples',
      shows: 'search=keywords finds the sites they match, search=* every site',
    },
    async () => {
      const answer = await send(sim, { path: '/sites?search=qualita', token: app });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          value: [
            {
              id: 'contoso.sharepoint.com,da60e844-ba1d-49bc-b4d4-d5e36bae9019,712a596e-90a1-49e3-9b48-bfa80bee8740',
              name: 'Team A Site',
              description: '',
              createdDateTime: '2016-10-18T03:05:59Z',
              lastModifiedDateTime: '2016-10-18T10:40:59Z',
              webUrl: 'https://contoso.sharepoint.com/sites/siteA',
            },
          ],
        }),
      ).toEqual([]);
      expect((answer.body as { value: Array<{ name: string }> }).value.map((site) => site.name)).toEqual(['qualita']);
      const every = await send(sim, { path: '/sites?search=*', token: app });
      expect((every.body as { value: unknown[] }).value).toHaveLength(2);
    },
  );

  documented(
    {
      endpoint: 'GET /sites/:siteId',
      page: 'https://learn.microsoft.com/graph/api/site-get?view=graph-rest-1.0#example',
      shows: 'a site by id',
    },
    async () => {
      const sites = (await send(sim, { path: '/sites', token: app })).body as { value: Array<{ id: string }> };
      const answer = await send(sim, { path: `/sites/${sites.value[0]?.id ?? ''}`, token: app });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, SITE_GET_EXAMPLE)).toEqual([]);
    },
  );
});
