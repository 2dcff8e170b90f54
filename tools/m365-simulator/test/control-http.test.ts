import { startSimulator, type RunningSimulator } from '../src/index.js';
import { appToken, rawGraph } from './support/clients.js';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim.stop();
});

const control = async <T>(method: string, path: string, body?: object): Promise<{ status: number; body: T }> => {
  const response = await fetch(`${sim.url}/_sim${path}`, {
    method,
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
};

describe('control API over HTTP (/_sim)', () => {
  test('delivers a message between runs, serves its MIME, and counts the Graph calls per endpoint and mailbox', async () => {
    const { body: users } = await control<Array<{ id: string; driveId: string }>>('GET', '/users');
    const user = users[7]?.id ?? '';
    const mime = 'Subject: Consegna\r\nFrom: <f@example.com>\r\n\r\nArrivato.\r\n';
    const { body: added } = await control<{ id: string }>('POST', `/users/${user}/mailFolders/inbox/messages`, {
      mime,
    });
    await control('DELETE', '/counters');
    const token = await appToken(sim);
    const value = await rawGraph(sim, token, `/users/${user}/messages/${added.id}/$value`);
    expect(await value.text()).toBe(mime);
    const mimeOverControl = await fetch(`${sim.url}/_sim/users/${user}/messages/${added.id}/mime`);
    expect(await mimeOverControl.text()).toBe(mime);
    const { body: counters } = await control<{
      byEndpoint: Record<string, { requests: number }>;
      byResource: Record<string, { requests: number }>;
    }>('GET', '/counters');
    expect(counters.byEndpoint['GET /users/:userId/messages/:messageId/$value']).toEqual({ requests: 1, throttled: 0 });
    expect(counters.byResource[`mailbox:${user}`]).toEqual({ requests: 1, throttled: 0 });
  });

  test('moves and deletes messages, adds files, invalidates delta tokens and expires access tokens', async () => {
    const { body: users } = await control<Array<{ id: string; driveId: string }>>('GET', '/users');
    const user = users[8]?.id ?? '';
    const { body: inbox } = await control<Array<{ id: string }>>('GET', `/users/${user}/mailFolders/inbox/messages`);
    const { body: moved } = await control<{ id: string }>(
      'POST',
      `/users/${user}/messages/${inbox[0]?.id ?? ''}/move`,
      { destinationFolder: 'archive' },
    );
    const { body: archive } = await control<Array<{ id: string }>>(
      'GET',
      `/users/${user}/mailFolders/archive/messages`,
    );
    expect(archive.map((message) => message.id)).toContain(moved.id);
    expect((await control('DELETE', `/users/${user}/messages/${moved.id}`)).status).toBe(204);
    const { body: file } = await control<{ id: string }>('POST', `/drives/${users[8]?.driveId ?? ''}/files`, {
      folderPath: 'Documenti',
      name: 'Da control.txt',
      contentBase64: Buffer.from('ciao').toString('base64'),
    });
    const { body: hash } = await control<{ sha256: string }>(
      'GET',
      `/drives/${users[8]?.driveId ?? ''}/items/${file.id}/sha256`,
    );
    expect(hash.sha256).toBe('b133a0c0e9bee3be20163d2ad31d6248db292aa6dcb1ee087a2aa50e0fc75ae2');
    const token = await appToken(sim);
    const delta = (await (
      await rawGraph(sim, token, `/users/${user}/mailFolders/inbox/messages/delta`, {
        headers: { prefer: 'odata.maxpagesize=1000' },
      })
    ).json()) as { '@odata.deltaLink': string };
    await control('POST', '/delta/invalidate');
    expect((await rawGraph(sim, token, delta['@odata.deltaLink'].slice(sim.graphBaseUrl.length))).status).toBe(410);
    await control('POST', '/tokens/expire');
    expect((await rawGraph(sim, token, '/organization')).status).toBe(401);
    expect((await control('POST', '/no/such/thing')).status).toBe(404);
    expect((await control('DELETE', `/users/${user}/messages/unknown`)).status).toBe(400);
  });
});
