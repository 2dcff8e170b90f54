import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
});

afterAll(async () => {
  await sim.stop();
});

describe('users', () => {
  documented(
    {
      endpoint: 'GET /users',
      page: 'https://learn.microsoft.com/graph/api/user-list?view=graph-rest-1.0#example-1-get-all-users',
      shows: 'the default property set of every user, with @odata.context',
    },
    async () => {
      const answer = await send(sim, { path: '/users', token });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
          value: [
            {
              businessPhones: [],
              displayName: 'Conf Room Adams',
              givenName: null,
              jobTitle: null,
              mail: 'Adams@contoso.com',
              mobilePhone: null,
              officeLocation: null,
              preferredLanguage: null,
              surname: null,
              userPrincipalName: 'Adams@contoso.com',
              id: '6ea91a8d-e32e-41a1-b7bd-d2d185eed0e0',
            },
          ],
        }),
      ).toEqual([]);
    },
  );
});
