import {
  MAILBOX_REQUESTS_PER_WINDOW,
  MAILBOX_UPLOAD_BYTES_PER_WINDOW,
  startSimulator,
  type RunningSimulator,
} from '../src/index.js';
import { appGraph, appToken, rawGraph } from './support/clients.js';

interface BatchResponse {
  responses: Array<{
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: { error?: { code: string; message: string } };
  }>;
}

const batchOf = (requests: object[]) => ({ requests });
const get = (id: string, url: string, extra: object = {}) => ({ id, method: 'GET', url, ...extra });

describe('$batch (https://learn.microsoft.com/graph/json-batching)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim.stop();
  });

  test('each sub-request gets its own status; more than 20 requests is a 400', async () => {
    const graph = await appGraph(sim);
    const [user] = sim.control.listUsers();
    const result = (await graph.client
      .api('/$batch')
      .post(batchOf([get('1', `/users/${user?.id ?? ''}`), get('2', '/users/nobody')]))) as BatchResponse;
    expect(result.responses.map((response) => [response.id, response.status]).sort()).toEqual([
      ['1', 200],
      ['2', 404],
    ]);
    const tooMany = Array.from({ length: 21 }, (_, index) => get(String(index), '/organization'));
    await expect(graph.client.api('/$batch').post(batchOf(tooMany))).rejects.toMatchObject({ statusCode: 400 });
  });

  test('counters tell the sub-requests of a batch from requests sent on their own', async () => {
    const graph = await appGraph(sim);
    const [user] = sim.control.listUsers();
    sim.control.resetCounters();
    await graph.client.api('/organization').get();
    await graph.client.api('/$batch').post(batchOf([get('1', '/organization'), get('2', `/users/${user?.id ?? ''}`)]));
    const counters = sim.control.counters();
    expect(counters.total.requests).toBe(4);
    expect(counters.batchedRequests).toBe(2);
    expect(counters.byEndpoint['POST /$batch']?.requests).toBe(1);
  });

  test('dependsOn orders requests; a request whose dependency failed gets 424', async () => {
    const graph = await appGraph(sim);
    const [user] = sim.control.listUsers();
    const result = (await graph.client.api('/$batch').post(
      batchOf([
        {
          id: '1',
          method: 'POST',
          url: `/users/${user?.id ?? ''}/mailFolders`,
          body: { displayName: 'Da batch' },
          headers: { 'Content-Type': 'application/json' },
        },
        {
          id: '2',
          method: 'POST',
          url: `/users/${user?.id ?? ''}/mailFolders`,
          body: { displayName: 'Da batch' },
          headers: { 'Content-Type': 'application/json' },
          dependsOn: ['1'],
        },
        { ...get('3', '/organization'), dependsOn: ['2'] },
      ]),
    )) as BatchResponse;
    const status = Object.fromEntries(result.responses.map((response) => [response.id, response.status]));
    expect(status).toEqual({ '1': 201, '2': 409, '3': 424 });
  });
});

describe('limits (https://learn.microsoft.com/graph/throttling-limits)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ enforceLimits: true, timeScale: 60 });
  });
  afterAll(async () => {
    await sim.stop();
  });

  test('more than 4 concurrent requests to one mailbox in a batch draw 429 MailboxConcurrency with Retry-After', async () => {
    const graph = await appGraph(sim);
    const [user, other] = sim.control.listUsers();
    const requests = [
      ...Array.from({ length: 6 }, (_, index) => get(`a${index}`, `/users/${user?.id ?? ''}/mailFolders`)),
      get('b', `/users/${other?.id ?? ''}/mailFolders`),
    ];
    const result = (await graph.client.api('/$batch').post(batchOf(requests))) as BatchResponse;
    const throttled = result.responses.filter((response) => response.status === 429);
    expect(throttled).toHaveLength(2);
    expect(throttled[0]?.body?.error?.message).toContain('MailboxConcurrency');
    expect(Number(throttled[0]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(result.responses.find((response) => response.id === 'b')?.status).toBe(200);
    expect(sim.control.counters().byResource[`mailbox:${user?.id ?? ''}`]).toEqual({ requests: 6, throttled: 2 });
  });

  test('over HTTP, slow requests hold their slot: the fifth concurrent one to a mailbox is throttled', async () => {
    sim.control.setFaults({ slowRate: 1, slowMs: 300 });
    try {
      const token = await appToken(sim);
      const [, , user] = sim.control.listUsers();
      const statuses = await Promise.all(
        Array.from({ length: 5 }, () =>
          rawGraph(sim, token, `/users/${user?.id ?? ''}/mailFolders`).then((response) => response.status),
        ),
      );
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    } finally {
      sim.control.setFaults({});
    }
  });
});

describe('mailbox request rate (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits)', () => {
  test('10,000 requests per mailbox per (scaled) 10-minute window, then 429 with a Retry-After inside the window', async () => {
    // Time scale 10: the 10-minute window lasts 60 s, long enough to spend 10,000 requests in it.
    const sim = await startSimulator({ enforceLimits: true, timeScale: 10 });
    try {
      const graph = await appGraph(sim);
      const user = sim.control.listUsers()[3];
      const folder = `/users/${user?.id ?? ''}/mailFolders/inbox`;
      // Four chains of five (dependsOn) keep at most four requests in flight, under the concurrency limit.
      const requests = Array.from({ length: 20 }, (_, index) => ({
        ...get(String(index), folder),
        ...(index % 5 ? { dependsOn: [String(index - 1)] } : {}),
      }));
      const statuses: number[] = [];
      for (let round = 0; round < MAILBOX_REQUESTS_PER_WINDOW / 20 + 1; round++) {
        const result = (await graph.client.api('/$batch').post(batchOf(requests))) as BatchResponse;
        statuses.push(...result.responses.map((response) => response.status));
      }
      expect(statuses.slice(0, MAILBOX_REQUESTS_PER_WINDOW).filter((status) => status !== 200)).toEqual([]);
      expect(statuses.slice(MAILBOX_REQUESTS_PER_WINDOW).filter((status) => status === 429).length).toBeGreaterThan(0);
      const response = await rawGraph(sim, await appToken(sim), folder);
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await sim.stop();
    }
  });
});

describe('mailbox upload budget (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits)', () => {
  test('150 MB of POST/PATCH/PUT bodies per mailbox per 5 minutes, then 429', async () => {
    // The real five-minute window: the uploads must all fall inside it however slow the machine is.
    const sim = await startSimulator({ enforceLimits: true, timeScale: 1 });
    try {
      const token = await appToken(sim);
      const user = sim.control.listUsers()[4]?.id ?? '';
      const [message] = sim.control.listMessages(user, 'inbox');
      const body = JSON.stringify({ isRead: true, categories: ['x'.repeat(4 * 1024 * 1024)] });
      const statuses: number[] = [];
      for (let index = 0; index < Math.ceil(MAILBOX_UPLOAD_BYTES_PER_WINDOW / body.length) + 1; index++) {
        const response = await rawGraph(sim, token, `/users/${user}/messages/${message?.id ?? ''}`, {
          method: 'PATCH',
          body,
          headers: { 'content-type': 'application/json' },
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      const allowed = Math.floor(MAILBOX_UPLOAD_BYTES_PER_WINDOW / Buffer.byteLength(body));
      expect(statuses.slice(0, allowed).every((status) => status === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect((await rawGraph(sim, token, `/users/${user}/mailFolders`)).status).toBe(200);
    } finally {
      await sim.stop();
    }
  });
});

describe('SharePoint resource units (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online)', () => {
  test('a small tenant gets 1,250 RU per minute: delta without a token costs 2, so the 626th call is throttled', async () => {
    // Time scale 6: the one-minute window lasts 10 s.
    const sim = await startSimulator({ enforceLimits: true, timeScale: 6 });
    try {
      const graph = await appGraph(sim);
      const driveId = sim.control.listUsers()[0]?.driveId ?? '';
      const statuses: number[] = [];
      for (let round = 0; round < 32; round++) {
        const result = (await graph.client
          .api('/$batch')
          .post(
            batchOf(Array.from({ length: 20 }, (_, index) => get(String(index), `/drives/${driveId}/root/delta`))),
          )) as BatchResponse;
        statuses.push(
          ...result.responses.sort((a, b) => Number(a.id) - Number(b.id)).map((response) => response.status),
        );
      }
      expect(statuses.slice(0, 625).every((status) => status === 200)).toBe(true);
      expect(statuses[625]).toBe(429);
      const response = await rawGraph(sim, await appToken(sim), `/drives/${driveId}/root/delta`);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await sim.stop();
    }
  });
});

describe('faults, deterministic by seed', () => {
  const statusesWith = async (seed: number) => {
    const sim = await startSimulator({ faults: { seed, rate503: 0.3 } });
    try {
      const token = await appToken(sim);
      const statuses: number[] = [];
      for (let index = 0; index < 30; index++) statuses.push((await rawGraph(sim, token, '/organization')).status);
      return statuses;
    } finally {
      await sim.stop();
    }
  };

  // 503 with Retry-After (https://learn.microsoft.com/graph/throttling)
  test('the same seed gives the same 503s; a different seed different ones', async () => {
    const first = await statusesWith(7);
    expect(first.filter((status) => status === 503).length).toBeGreaterThan(3);
    expect(await statusesWith(7)).toEqual(first);
    expect(await statusesWith(8)).not.toEqual(first);
  });

  test('a connection reset mid-body makes the read fail', async () => {
    const sim = await startSimulator({ faults: { seed: 1, resetRate: 1 } });
    try {
      const token = await appToken(sim);
      const user = sim.control.listUsers()[0];
      await expect(
        rawGraph(sim, token, `/users/${user?.id ?? ''}/mailFolders/inbox/messages?$top=50`).then((response) =>
          response.text(),
        ),
      ).rejects.toThrow();
    } finally {
      await sim.stop();
    }
  });

  test('forceResync answers the first token-bearing delta call of each collection with 410', async () => {
    const sim = await startSimulator({ faults: { forceResync: true } });
    try {
      const graph = await appGraph(sim);
      const user = sim.control.listUsers()[0];
      const first = (await graph.client
        .api(`/users/${user?.id ?? ''}/mailFolders/inbox/messages/delta`)
        .header('Prefer', 'odata.maxpagesize=1000')
        .get()) as { '@odata.deltaLink': string };
      await expect(graph.client.api(graph.path(first['@odata.deltaLink'])).get()).rejects.toMatchObject({
        statusCode: 410,
      });
      const again = (await graph.client
        .api(`/users/${user?.id ?? ''}/mailFolders/inbox/messages/delta`)
        .header('Prefer', 'odata.maxpagesize=1000')
        .get()) as { '@odata.deltaLink': string };
      const round = (await graph.client.api(graph.path(again['@odata.deltaLink'])).get()) as { value: unknown[] };
      expect(round.value).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});
