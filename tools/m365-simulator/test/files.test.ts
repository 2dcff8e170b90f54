import { createHash } from 'node:crypto';
import { startSimulator, type RunningSimulator } from '../src/index.js';
import { appGraph, appToken, rawGraph, readAllPages, type SimGraph } from './support/clients.js';

let sim: RunningSimulator;
let graph: SimGraph;
let token: string;
let driveId: string;

interface Item {
  id: string;
  name?: string;
  size?: number;
  deleted?: object;
  file?: object;
  folder?: { childCount: number };
  '@microsoft.graph.downloadUrl'?: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const KIB320 = 320 * 1024;

beforeAll(async () => {
  sim = await startSimulator();
  graph = await appGraph(sim);
  token = await appToken(sim);
  driveId = (sim.control.listUsers()[0] as { driveId: string }).driveId;
});

afterAll(async () => {
  await sim.stop();
});

async function upload(session: { uploadUrl: string }, bytes: Buffer, chunk: number): Promise<Response> {
  let last: Response | undefined;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(start + chunk, bytes.length) - 1;
    last = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
      body: bytes.subarray(start, end + 1),
    });
  }
  if (!last) throw new Error('nothing uploaded');
  return last;
}

describe('files', () => {
  // https://learn.microsoft.com/graph/api/drive-get and site-list / list drives
  test('a user drive, the sites and their document libraries are listed', async () => {
    const drive = (await graph.client.api(`/users/${sim.control.listUsers()[0]?.id ?? ''}/drive`).get()) as {
      id: string;
      driveType: string;
    };
    expect(drive).toMatchObject({ id: driveId, driveType: 'business' });
    const sites = (await graph.client.api('/sites').get()) as { value: Array<{ id: string; name: string }> };
    expect(sites.value.map((site) => site.name).sort()).toEqual(['intranet', 'qualita']);
    const quality = sites.value.find((site) => site.name === 'qualita');
    const libraries = (await graph.client.api(`/sites/${quality?.id ?? ''}/drives`).get()) as {
      value: Array<{ driveType: string }>;
    };
    expect(libraries.value).toHaveLength(2);
    expect(libraries.value.every((library) => library.driveType === 'documentLibrary')).toBe(true);
  });

  // https://learn.microsoft.com/graph/api/driveitem-delta
  test('root/delta enumerates the drive, then reports changes and deletions with the deleted facet', async () => {
    const first = await readAllPages<Item>(graph, `/drives/${driveId}/root/delta`);
    expect(first.items.some((item) => item.name === 'Note riunione.txt')).toBe(true);
    expect(first.deltaLink).toContain('token=');
    const note = sim.control.findDriveItem(driveId, 'Documenti/Note riunione.txt') as string;
    const added = sim.control.addFile(driveId, 'Documenti', 'Nuovo.txt', Buffer.from('nuovo'));
    sim.control.deleteDriveItem(driveId, note);
    const round = await readAllPages<Item>(graph, graph.path(first.deltaLink ?? ''));
    expect(round.items.find((item) => item.id === note)?.deleted).toEqual({});
    expect(round.items.find((item) => item.id === added)?.name).toBe('Nuovo.txt');
  });

  // https://learn.microsoft.com/graph/api/driveitem-delta (token=latest)
  test('token=latest returns no items and a deltaLink that sees only later changes', async () => {
    const latest = (await graph.client.api(`/drives/${driveId}/root/delta?token=latest`).get()) as {
      value: Item[];
      '@odata.deltaLink': string;
    };
    expect(latest.value).toHaveLength(0);
    const added = sim.control.addFile(driveId, '', 'Dopo.txt', Buffer.from('dopo'));
    const round = await readAllPages<Item>(graph, graph.path(latest['@odata.deltaLink']));
    expect(round.items.map((item) => item.id)).toEqual([added]);
  });

  // https://learn.microsoft.com/graph/api/driveitem-delta (410 Gone with a Location header for a full resync)
  test('a stale token answers 410 Gone with a Location to restart enumeration', async () => {
    const { deltaLink } = await readAllPages<Item>(graph, `/drives/${driveId}/root/delta`);
    sim.control.invalidateDeltaTokens();
    const response = await rawGraph(sim, token, graph.path(deltaLink ?? ''));
    expect(response.status).toBe(410);
    expect(response.headers.get('location')).toBe(`${sim.graphBaseUrl}/drives/${driveId}/root/delta`);
    const restarted = await readAllPages<Item>(graph, graph.path(response.headers.get('location') ?? ''));
    expect(restarted.items.length).toBeGreaterThan(0);
  });

  // https://learn.microsoft.com/graph/api/driveitem-get-content (302 to a pre-authenticated URL that honours Range)
  test('content answers 302 to a download URL that needs no token and honours Range with 206', async () => {
    const item = sim.control.findDriveItem(driveId, 'Presentazione.pptx') as string;
    const redirect = await rawGraph(sim, token, `/drives/${driveId}/items/${item}/content`);
    expect(redirect.status).toBe(302);
    const url = redirect.headers.get('location') ?? '';
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const expected = await sim.control.fileSha256(driveId, item);
    expect(sha256(whole)).toBe(expected);
    const partial = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(whole.subarray(100, 200));
    const got = (await graph.client.api(`/drives/${driveId}/items/${item}`).get()) as Item;
    expect(got['@microsoft.graph.downloadUrl']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_download\//);
  });

  // https://learn.microsoft.com/graph/api/driveitem-createuploadsession
  test('upload sessions take in-order chunks in multiples of 320 KiB and commit on the last one', async () => {
    const bytes = Buffer.alloc(KIB320 * 2 + 1000, 3);
    const path = `/drives/${driveId}/root:/Caricati/Grande.bin:/createUploadSession`;
    await graph.client.api(`/drives/${driveId}/root/children`).post({ name: 'Caricati', folder: {} });
    const bad = (await graph.client.api(path).post({})) as { uploadUrl: string };
    const notMultiple = await fetch(bad.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-99999/${bytes.length}` },
      body: bytes.subarray(0, 100000),
    });
    expect(notMultiple.status).toBe(400);
    const outOfOrder = await fetch(bad.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${KIB320}-${2 * KIB320 - 1}/${bytes.length}` },
      body: bytes.subarray(KIB320, 2 * KIB320),
    });
    expect(outOfOrder.status).toBe(416);
    const session = (await graph.client.api(path).post({})) as { uploadUrl: string };
    const first = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${KIB320 - 1}/${bytes.length}` },
      body: bytes.subarray(0, KIB320),
    });
    expect(first.status).toBe(202);
    expect(((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual([`${KIB320}-`]);
    const last = await fetch(session.uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${KIB320}-${bytes.length - 1}/${bytes.length}` },
      body: bytes.subarray(KIB320),
    });
    expect(last.status).toBe(201);
    const item = (await last.json()) as Item;
    expect(item.name).toBe('Grande.bin');
    expect(await sim.control.fileSha256(driveId, item.id)).toBe(sha256(bytes));
  });

  test('an upload session started over the Graph client commits a file whose bytes match', async () => {
    const bytes = Buffer.alloc(KIB320 * 3 + 17, 9);
    const session = (await graph.client.api(`/drives/${driveId}/root:/Completo.bin:/createUploadSession`).post({})) as {
      uploadUrl: string;
    };
    const done = await upload(session, bytes, KIB320);
    expect(done.status).toBe(201);
    const item = (await done.json()) as Item;
    expect(item.size).toBe(bytes.length);
    expect(await sim.control.fileSha256(driveId, item.id)).toBe(sha256(bytes));
  });

  // https://learn.microsoft.com/graph/api/driveitem-createuploadsession (@microsoft.graph.conflictBehavior)
  test('conflictBehavior fail refuses an existing name, rename keeps both, replace adds a version', async () => {
    const path = `/drives/${driveId}/root:/Conflitto.txt:`;
    await graph.client.api(`${path}/content`).put('prima');
    await expect(
      graph.client.api(`${path}/createUploadSession`).post({ item: { '@microsoft.graph.conflictBehavior': 'fail' } }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    const renamed = await upload(
      (await graph.client
        .api(`${path}/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'rename' } })) as { uploadUrl: string },
      Buffer.from('seconda'),
      KIB320,
    );
    expect(((await renamed.json()) as Item).name).toBe('Conflitto 1.txt');
    const replaced = await upload(
      (await graph.client
        .api(`${path}/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'replace' } })) as { uploadUrl: string },
      Buffer.from('terza'),
      KIB320,
    );
    const item = (await replaced.json()) as Item;
    expect(item.name).toBe('Conflitto.txt');
    const versions = (await graph.client.api(`/drives/${driveId}/items/${item.id}/versions`).get()) as {
      value: Array<{ id: string; size: number }>;
    };
    expect(versions.value.map((version) => version.size)).toEqual([5, 5]);
    const oldest = await rawGraph(
      sim,
      token,
      `/drives/${driveId}/items/${item.id}/versions/${versions.value[1]?.id ?? ''}/content`,
    );
    expect(await (await fetch(oldest.headers.get('location') ?? '')).text()).toBe('prima');
  });

  // https://learn.microsoft.com/graph/api/driveitem-post-children and driveitem-delete
  test('folders are created, children listed, and items deleted', async () => {
    const folder = (await graph.client
      .api(`/drives/${driveId}/root/children`)
      .post({ name: 'Progetti', folder: {}, '@microsoft.graph.conflictBehavior': 'fail' })) as Item;
    await expect(
      graph.client.api(`/drives/${driveId}/root/children`).post({ name: 'Progetti', folder: {} }),
    ).rejects.toMatchObject({ statusCode: 409 });
    await graph.client.api(`/drives/${driveId}/items/${folder.id}:/piano.txt:/content`).put('piano');
    const children = (await graph.client.api(`/drives/${driveId}/items/${folder.id}/children`).get()) as {
      value: Item[];
    };
    expect(children.value.map((child) => child.name)).toEqual(['piano.txt']);
    await graph.client.api(`/drives/${driveId}/items/${folder.id}`).delete();
    await expect(graph.client.api(`/drives/${driveId}/items/${folder.id}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'itemNotFound',
    });
  });
});
