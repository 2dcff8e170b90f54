import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, GRAPH_ERROR_SHAPE, send, shapeDifferences } from './support/documented.js';
import { delegatedToken, DOCUMENTED_ITEM } from './support/files.js';

let sim: RunningSimulator;
let app: string;
let user: string;
let driveId: string;

beforeAll(async () => {
  sim = await startSimulator();
  app = await appToken(sim);
  const first = sim.control.listUsers()[0] as { id: string; driveId: string };
  driveId = first.driveId;
  user = await delegatedToken(sim, first);
});

afterAll(async () => {
  await sim.stop();
});

const page = (name: string, anchor: string) =>
  `https://learn.microsoft.com/graph/api/${name}?view=graph-rest-1.0#${anchor}`;

interface Item {
  id: string;
  name: string;
  eTag: string;
  cTag: string;
  parentReference: { id: string; path?: string };
}

async function item(path: string): Promise<Item> {
  return (await send(sim, { path: `/me/drive/root:/${path}`, token: user })).body as Item;
}

/** A file in the root of the signed-in user's drive, written by simple upload. */
async function putFile(name: string, text: string): Promise<Item> {
  return (await send(sim, { method: 'PUT', path: `/me/drive/root:/${name}:/content`, token: user, body: text }))
    .body as Item;
}

describe('driveItem get', () => {
  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId',
      page: page('driveitem-get', 'example'),
      shows: "the root folder of the signed-in user's OneDrive",
    },
    async () => {
      const answer = await send(sim, { path: '/me/drive/root', token: user });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { ...DOCUMENTED_ITEM, folder: { childCount: 120 }, root: {} })).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId',
      page: page('driveitem-get', 'request-headers'),
      shows: 'If-None-Match with the current eTag or cTag is 304 Not Modified; a stale tag gets the item',
      pageExample: false,
    },
    async () => {
      const note = await item('Documenti/Note riunione.txt');
      for (const tag of [note.eTag, note.cTag]) {
        const answer = await send(sim, {
          path: `/me/drive/items/${note.id}`,
          token: user,
          headers: { 'if-none-match': tag },
        });
        expect(answer.status).toBe(304);
        expect(answer.text).toBe('');
      }
      const stale = await send(sim, {
        path: `/me/drive/items/${note.id}`,
        token: user,
        headers: { 'if-none-match': '"{0},0"' },
      });
      expect(stale.status).toBe(200);
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId',
      page: page('driveitem-get', 'optional-query-parameters'),
      shows: '$select keeps the named properties, $expand=children includes the children; other options are 400',
      pageExample: false,
    },
    async () => {
      const selected = await send(sim, { path: '/me/drive/root?$select=id,name&$expand=children', token: user });
      expect(selected.status).toBe(200);
      const body = selected.body as Record<string, unknown>;
      expect(body['size']).toBeUndefined();
      expect(Array.isArray(body['children'])).toBe(true);
      const refused = await send(sim, { path: '/me/drive/root?$skip=1', token: user });
      expect(refused.status).toBe(400);
      expect(shapeDifferences(refused.body, GRAPH_ERROR_SHAPE)).toEqual([]);
    },
  );
});

describe('driveItem children', () => {
  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId/children',
      page: page('driveitem-list-children', 'list-children-in-the-root-of-the-current-users-drive'),
      shows: 'the children of the root, files and folders',
    },
    async () => {
      const answer = await send(sim, { path: '/me/drive/root/children', token: user });
      expect(answer.status).toBe(200);
      const { value } = answer.body as { value: Array<Record<string, unknown>> };
      const files = value.filter((child) => child['file']);
      const folders = value.filter((child) => child['folder']);
      expect(files.length + folders.length).toBe(value.length);
      expect(shapeDifferences({ value: files }, { value: [{ name: 'myfile.jpg', size: 2048, file: {} }] })).toEqual([]);
      expect(
        shapeDifferences({ value: folders }, { value: [{ name: 'Documents', folder: { childCount: 4 } }] }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId/children',
      page: page('driveitem-list-children', 'optional-query-parameters'),
      shows: "$top pages with @odata.nextLink, $orderby sorts, If-None-Match with the folder's tag is 304",
      pageExample: false,
    },
    async () => {
      const first = await send(sim, { path: '/me/drive/root/children?$top=1&$orderby=name desc', token: user });
      const body = first.body as { value: Item[]; '@odata.nextLink': string };
      expect(body.value).toHaveLength(1);
      const next = await send(sim, { path: body['@odata.nextLink'], token: user });
      const names = [body.value[0]?.name, ...(next.body as { value: Item[] }).value.map((child) => child.name)];
      expect(names).toEqual([...names].sort().reverse());
      const root = (await send(sim, { path: '/me/drive/root', token: user })).body as Item;
      const unchanged = await send(sim, {
        path: '/me/drive/root/children',
        token: user,
        headers: { 'if-none-match': root.eTag },
      });
      expect(unchanged.status).toBe(304);
    },
  );
});

describe('driveItem content and versions', () => {
  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId/content',
      page: page('driveitem-get-content', 'response'),
      shows: '302 Found to a pre-authenticated download URL',
    },
    async () => {
      const file = await item('Presentazione.pptx');
      const answer = await send(sim, { path: `/me/drive/items/${file.id}/content`, token: user });
      expect(answer.status).toBe(302);
      const location = answer.headers.get('location') ?? '';
      const download = await fetch(location);
      expect(download.status).toBe(200);
      const unchanged = await send(sim, {
        path: `/me/drive/items/${file.id}/content`,
        token: user,
        headers: { 'if-none-match': file.cTag },
      });
      expect(unchanged.status).toBe(304);
    },
  );

  documented(
    {
      endpoint: 'GET /_download/:linkId',
      page: page('driveitem-get-content', 'partial-range-downloads'),
      shows: '206 Partial Content with Content-Range for Range: bytes=0-1023, no Authorization',
    },
    async () => {
      const file = await item('Presentazione.pptx');
      const location =
        (await send(sim, { path: `/me/drive/items/${file.id}/content`, token: user })).headers.get('location') ?? '';
      const answer = await send(sim, { path: location, headers: { range: 'bytes=0-1023' } });
      expect(answer.status).toBe(206);
      expect(answer.headers.get('content-range')).toMatch(/^bytes 0-1023\/\d+$/);
      expect(answer.headers.get('content-type')).toBe('application/octet-stream');
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId/versions',
      page: page('driveitem-list-versions', 'example'),
      shows: 'versions newest first with lastModifiedBy and size',
    },
    async () => {
      const file = await item('Documenti/Note riunione.txt');
      sim.control.updateFile(driveId, file.id, Buffer.from('seconda versione'));
      const answer = await send(sim, { path: `/me/drive/items/${file.id}/versions`, token: user });
      expect(answer.status).toBe(200);
      const documentedVersion = {
        id: '3.0',
        lastModifiedBy: { user: { id: 'CE251278-EF9E-4FE5-833C-1D89EEAE68E0', displayName: 'Ryan Gregg' } },
        lastModifiedDateTime: '2017-09-14T12:34:53.912Z',
        size: 123,
      };
      expect(shapeDifferences(answer.body, { value: [documentedVersion] })).toEqual([]);
      expect((answer.body as { value: Array<{ id: string }> }).value.map((version) => version.id)).toEqual([
        '2.0',
        '1.0',
      ]);
    },
  );

  documented(
    {
      endpoint: 'GET /drives/:driveId/items/:itemId/versions/:versionId/content',
      page: page('driveitemversion-get-contents', 'example'),
      shows: "302 Found to a previous version's bytes; the current version is not supported",
    },
    async () => {
      const file = await item('Documenti/Note riunione.txt');
      sim.control.updateFile(driveId, file.id, Buffer.from('ancora una versione'));
      const answer = await send(sim, { path: `/me/drive/items/${file.id}/versions/1.0/content`, token: user });
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toMatch(/^http/);
      const versions = (await send(sim, { path: `/me/drive/items/${file.id}/versions`, token: user })).body as {
        value: Array<{ id: string }>;
      };
      const current = await send(sim, {
        path: `/me/drive/items/${file.id}/versions/${versions.value[0]?.id ?? ''}/content`,
        token: user,
      });
      expect(current.status).toBe(400);
    },
  );
});

describe('driveItem writes', () => {
  documented(
    {
      endpoint: 'POST /drives/:driveId/items/:itemId/children',
      page: page('driveitem-post-children', 'example'),
      shows: 'a new folder, renamed on a conflict',
    },
    async () => {
      const request = {
        method: 'POST',
        path: '/me/drive/root/children',
        token: user,
        body: { name: 'New Folder', folder: {}, '@microsoft.graph.conflictBehavior': 'rename' },
      };
      const answer = await send(sim, request);
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          createdBy: { user: { displayName: 'Ryan Gregg', id: '309EC495-3E92-431D-9124-F0299633171D' } },
          createdDateTime: '2016-09-20T14:34:00Z',
          eTag: '343F1FBD-E9B3-4DDE-BCA7-D61AEAFF44E5,1',
          id: 'ACEA49D1-1444-45A9-A1CB-68B1B28AE491',
          lastModifiedBy: { user: { displayName: 'Ryan Gregg', id: '309EC495-3E92-431D-9124-F0299633171D' } },
          lastModifiedDateTime: '2016-09-20T14:34:00Z',
          name: 'New Folder',
          parentReference: {
            driveId: '5FE38E3C-051C-4D55-9B83-8A437658275B',
            id: 'E67A8F34-B0AA-46E1-8FF7-0750A29553DF',
            path: '/drive/root:/',
          },
          size: 0,
          folder: { childCount: 0 },
        }),
      ).toEqual([]);
      const again = await send(sim, request);
      expect((again.body as Item).name).toBe('New Folder 1');
    },
  );

  documented(
    {
      endpoint: 'PUT /drives/:driveId/items/:itemId/content',
      page: page('driveitem-put-content', 'example-upload-a-new-file'),
      shows: 'a new file by path is 201 Created with the item',
    },
    async () => {
      await send(sim, {
        method: 'POST',
        path: '/me/drive/root/children',
        token: user,
        body: { name: 'FolderA', folder: {} },
      });
      const answer = await send(sim, {
        method: 'PUT',
        path: '/me/drive/root:/FolderA/FileB.txt:/content',
        token: user,
        headers: { 'content-type': 'text/plain' },
        body: 'The contents of the file goes here.',
      });
      expect(answer.status).toBe(201);
      expect(shapeDifferences(answer.body, { id: '0123456789abc', name: 'FileB.txt', size: 35, file: {} })).toEqual([]);
      expect((answer.body as { size: number }).size).toBe(35);
    },
  );

  documented(
    {
      endpoint: 'PUT /drives/:driveId/items/:itemId/content',
      page: 'https://learn.microsoft.com/graph/errors?view=graph-rest-1.0#http-status-codes',
      shows: 'a write past the drive quota is 507 Insufficient Storage with quotaLimitReached, nothing written',
      pageExample: false,
    },
    async () => {
      const other = sim.control.listUsers()[2] as { driveId: string };
      const used = (
        (await send(sim, { path: `/drives/${other.driveId}`, token: app })).body as { quota: { used: number } }
      ).quota.used;
      sim.control.setDriveQuota(other.driveId, used + 10);
      const answer = await send(sim, {
        method: 'PUT',
        path: `/drives/${other.driveId}/root:/Troppo.txt:/content`,
        token: app,
        body: 'more than ten bytes',
      });
      expect(answer.status).toBe(507);
      expect(shapeDifferences(answer.body, GRAPH_ERROR_SHAPE)).toEqual([]);
      expect((answer.body as { error: { code: string } }).error.code).toBe('quotaLimitReached');
      expect((await send(sim, { path: `/drives/${other.driveId}/root:/Troppo.txt`, token: app })).status).toBe(404);
    },
  );

  documented(
    {
      endpoint: 'PATCH /drives/:driveId/items/:itemId',
      page: page('driveitem-update', 'example'),
      shows: 'a rename answers 200 with the item under its new name',
    },
    async () => {
      const file = await putFile('rename-me.docx', 'x');
      const answer = await send(sim, {
        method: 'PATCH',
        path: `/me/drive/items/${file.id}`,
        token: user,
        body: { name: 'new-file-name.docx' },
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          id: '01NKDM7HMOJTVYMDOSXFDK2QJDXCDI3WUK',
          name: 'new-file-name.docx',
          file: {},
        }),
      ).toEqual([]);
      const renamed = answer.body as Item;
      expect(renamed.name).toBe('new-file-name.docx');
      expect(renamed.cTag).toBe(file.cTag);
      expect(renamed.eTag).not.toBe(file.eTag);
    },
  );

  documented(
    {
      endpoint: 'PATCH /drives/:driveId/items/:itemId',
      page: page('driveitem-move', 'example'),
      shows: 'a move to another folder with a new name, parentReference in the answer',
    },
    async () => {
      const file = await putFile('move-me.txt', 'x');
      const documents = await item('Documenti');
      const answer = await send(sim, {
        method: 'PATCH',
        path: `/me/drive/items/${file.id}`,
        token: user,
        body: { parentReference: { id: documents.id }, name: 'new-item-name.txt' },
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          id: '0123456789abc',
          name: 'new-item-name.txt',
          parentReference: { driveId: '11231001', path: '/drive/root:/Documents', id: '1231203102!1011' },
        }),
      ).toEqual([]);
      expect((answer.body as Item).parentReference).toMatchObject({ id: documents.id, path: '/drive/root:/Documenti' });
    },
  );

  documented(
    {
      endpoint: 'PATCH /drives/:driveId/items/:itemId',
      page: page('driveitem-update', 'request-headers'),
      shows:
        'If-Match with a stale eTag is 412; a taken name is 409 nameAlreadyExists unless conflictBehavior says rename',
      pageExample: false,
    },
    async () => {
      const file = await putFile('guarded.txt', 'x');
      await putFile('guarded.txt', 'y');
      const stale = await send(sim, {
        method: 'PATCH',
        path: `/me/drive/items/${file.id}`,
        token: user,
        headers: { 'if-match': file.eTag },
        body: { name: 'other.txt' },
      });
      expect(stale.status).toBe(412);
      expect(shapeDifferences(stale.body, GRAPH_ERROR_SHAPE)).toEqual([]);
      const taken = await send(sim, {
        method: 'PATCH',
        path: `/me/drive/items/${file.id}`,
        token: user,
        body: { name: 'Presentazione.pptx' },
      });
      expect(taken.status).toBe(409);
      expect((taken.body as { error: { code: string } }).error.code).toBe('nameAlreadyExists');
      const renamed = await send(sim, {
        method: 'PATCH',
        path: `/me/drive/items/${file.id}`,
        token: user,
        body: { name: 'Presentazione.pptx', '@microsoft.graph.conflictBehavior': 'rename' },
      });
      expect((renamed.body as Item).name).toBe('Presentazione 1.pptx');
    },
  );

  documented(
    {
      endpoint: 'DELETE /drives/:driveId/items/:itemId',
      page: page('driveitem-delete', 'response'),
      shows: '204 No Content; If-Match with a stale tag is 412 and the item stays',
    },
    async () => {
      const file = await putFile('delete-me.txt', 'x');
      const stale = await send(sim, {
        method: 'DELETE',
        path: `/me/drive/items/${file.id}`,
        token: user,
        headers: { 'if-match': '"{0},0"' },
      });
      expect(stale.status).toBe(412);
      const answer = await send(sim, {
        method: 'DELETE',
        path: `/me/drive/items/${file.id}`,
        token: user,
        headers: { 'if-match': file.eTag },
      });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
    },
  );
});
