import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, GRAPH_ERROR_SHAPE, send, shapeDifferences } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

const PAGE = 'https://learn.microsoft.com/graph/json-batching';

interface BatchBody {
  responses: Array<{ id: string; status: number; headers: Record<string, string>; body: unknown }>;
}

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ strict: true });
  token = await appToken(sim);
});

afterAll(async () => {
  await sim.stop();
});

describe('$batch', () => {
  documented(
    {
      endpoint: 'POST /$batch',
      page: `${PAGE}#example-json-batch-request`,
      shows: 'each request answered by id with status, headers (Content-Type) and body; 204 with body null',
    },
    async () => {
      const [user] = sim.control.listUsers();
      const answer = await send(sim, {
        method: 'POST',
        path: '/$batch',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        token,
        body: {
          requests: [
            { id: '1', method: 'GET', url: `/users/${user?.id ?? ''}` },
            {
              id: '2',
              url: `/users/${user?.id ?? ''}/contacts`,
              method: 'POST',
              body: { givenName: 'Da batch' },
              headers: { 'Content-Type': 'application/json' },
            },
            { id: '3', method: 'DELETE', url: `/users/${user?.id ?? ''}/contacts/nothing-here` },
            {
              id: '5',
              url: 'users?$select=id,displayName,userPrincipalName&$count=true',
              method: 'GET',
              headers: { ConsistencyLevel: 'eventual' },
            },
          ],
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      const body = answer.body as BatchBody;
      expect(
        shapeDifferences(body, {
          responses: [
            {
              id: '1',
              status: 200,
              headers: { 'Content-Type': 'application/json;odata.metadata=minimal' },
              body: null,
            },
          ],
        }),
      ).toEqual([]);
      const byId = new Map(body.responses.map((response) => [response.id, response]));
      expect([...byId.keys()].sort()).toEqual(['1', '2', '3', '5']);
      expect(byId.get('2')?.status).toBe(201);
      expect(byId.get('3')?.status).toBe(404);
      expect(shapeDifferences(byId.get('3')?.body, GRAPH_ERROR_SHAPE)).toEqual([]);
      expect(
        shapeDifferences(byId.get('5')?.body, {
          '@odata.context': 'https://graph.microsoft.com/beta/$metadata#users(id,displayName,userPrincipalName)',
          '@odata.count': 36,
          value: [
            {
              id: '10a1d484-cd1a-4162-a5a4-832370bac356',
              displayName: 'Lynne Robbins',
              userPrincipalName: 'LynneR@contoso.com',
            },
          ],
        }),
      ).toEqual([]);
      const contact = byId.get('2')?.body as { id: string };
      const deleted = await send(sim, {
        method: 'POST',
        path: '/$batch',
        token,
        body: {
          requests: [{ id: 'x', method: 'DELETE', url: `/users/${user?.id ?? ''}/contacts/${contact.id}` }],
        },
      });
      expect((deleted.body as BatchBody).responses[0]).toMatchObject({ id: 'x', status: 204, body: null });
    },
  );

  documented(
    {
      endpoint: 'POST /$batch',
      page: `${PAGE}#processing-the-json-batch-response`,
      shows: 'in strict mode responses come in another order than the requests (the id correlates them)',
      pageExample: false,
    },
    async () => {
      const requests = Array.from({ length: 20 }, (_, index) => ({
        id: String(index),
        method: 'GET',
        url: '/organization',
      }));
      const orders = new Set<string>();
      for (let round = 0; round < 3; round++) {
        const answer = await send(sim, { method: 'POST', path: '/$batch', token, body: { requests } });
        const ids = (answer.body as BatchBody).responses.map((response) => response.id);
        expect([...ids].sort()).toEqual(requests.map((request) => request.id).sort());
        orders.add(ids.join(','));
      }
      expect(orders.has(requests.map((request) => request.id).join(','))).toBe(false);
    },
  );

  const organization = { method: 'GET', url: '/organization' };
  const refusals: Array<{ shows: string; anchor: string; requests: Array<Record<string, unknown>> }> = [
    ...(['id', 'method', 'url'] as const).map((missing) => ({
      shows: `a request without its required ${missing} makes the whole batch a 400`,
      anchor: 'creating-a-batch-request',
      requests: [Object.fromEntries(Object.entries({ id: '1', ...organization }).filter(([key]) => key !== missing))],
    })),
    {
      shows: 'ids are not case-sensitive and must be unique: a duplicate makes the batch a 400',
      anchor: 'creating-a-batch-request',
      requests: [
        { id: 'a', ...organization },
        { id: 'A', ...organization },
      ],
    },
    {
      shows: 'a body without a Content-Type header makes the batch a 400',
      anchor: 'creating-a-batch-request',
      requests: [{ id: '1', method: 'POST', url: '/users', body: {} }],
    },
    {
      shows: 'more than 20 requests is a 400',
      anchor: 'batch-size-limitations',
      requests: Array.from({ length: 21 }, (_, index) => ({ id: String(index), ...organization })),
    },
  ];
  for (const refusal of refusals) {
    documented(
      { endpoint: 'POST /$batch', page: `${PAGE}#${refusal.anchor}`, shows: refusal.shows, pageExample: false },
      async () => {
        const answer = await send(sim, {
          method: 'POST',
          path: '/$batch',
          token,
          body: { requests: refusal.requests },
        });
        expectGraphError(answer, 400, { code: 'BadRequest' });
      },
    );
  }
});
