import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, GRAPH_ERROR_SHAPE, send, shapeDifferences } from './support/documented.js';

let sim: RunningSimulator;
let token: string;
let userId: string;
let defaultFolderId: string;

type Json = Record<string, unknown>;
const page = (name: string, anchor = 'example') =>
  `https://learn.microsoft.com/graph/api/${name}?view=graph-rest-1.0#${anchor}`;

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  userId = sim.control.listUsers()[5]?.id ?? '';
  // The default folder's id is its contacts' parentFolderId (https://learn.microsoft.com/graph/api/user-list-contacts).
  const contacts = await send(sim, { path: `/users/${userId}/contacts?$top=1`, token });
  defaultFolderId = String((contacts.body as { value: Json[] }).value[0]?.['parentFolderId']);
});

afterAll(async () => {
  await sim.stop();
});

const FOLDER_SHAPE = {
  parentFolderId:
    'AQMkADIxYjJiYgEzLTFmNjYALTRjYTMtODA1NC0wZDkxZGNmOTcxNTQALgAAA8RJzXYaLKZPlmn0ge0edZkBADa3qi2IMXRNg6RwQSHe_F8AAAIBCAAAAA==',
  displayName: 'Contacts',
  id: 'AQMkADIxYjJiYgEzLTFmNjYALTRjYTMtODA1NC0wZDkxZGNmOTcxNTQALgAAA8RJzXYaLKZPlmn0ge0edZkBADa3qi2IMXRNg6RwQSHe_F8AAAIBDgAAAA==',
};
const CONTACT_SHAPE = {
  parentFolderId: 'parentFolderId-value',
  birthday: 'datetime-value',
  fileAs: 'fileAs-value',
  displayName: 'displayName-value',
  givenName: 'givenName-value',
  initials: 'initials-value',
};

/** A contact with the properties the pages' examples show set (unset, Graph gives birthday and initials as null). */
async function postContact(path: string): Promise<Json> {
  const answer = await send(sim, {
    method: 'POST',
    path,
    token,
    body: {
      givenName: 'Pavel',
      surname: 'Bansky',
      initials: 'P.B.',
      birthday: '2016-10-19T10:37:00Z',
      emailAddresses: [{ address: 'pavelb@contoso.com', name: 'Pavel Bansky' }],
    },
  });
  expect(answer.status).toBe(201);
  return answer.body as Json;
}

const withInitials = (body: unknown) => {
  const { value, ...rest } = body as { value: Json[] };
  return { ...rest, value: value.filter((contact) => contact['initials'] !== null) };
};

async function createFolder(displayName: string, parent?: string): Promise<Json> {
  const path = parent ? `/users/${userId}/contactFolders/${parent}/childFolders` : `/users/${userId}/contactFolders`;
  const answer = await send(sim, { method: 'POST', path, token, body: { displayName } });
  expect(answer.status).toBe(201);
  return answer.body as Json;
}

describe('contact folders', () => {
  documented(
    {
      endpoint: 'POST /users/:userId/contactFolders',
      page: page('user-post-contactfolders'),
      shows: '201 Created, a child of the default Contacts folder; a name its siblings hold is 409',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/contactFolders`,
        token,
        body: { parentFolderId: 'parentFolderId-value', displayName: 'Fornitori' },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          parentFolderId: 'parentFolderId-value',
          displayName: 'displayName-value',
          id: 'id-value',
        }),
      ).toEqual([]);
      expect((answer.body as Json)['parentFolderId']).toBe(defaultFolderId);
      const again = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/contactFolders`,
        token,
        body: { displayName: 'fornitori' },
      });
      expect(again.status).toBe(409);
      expect(shapeDifferences(again.body, GRAPH_ERROR_SHAPE)).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contactFolders',
      page: page('user-list-contactfolders'),
      shows: 'the child folders of the default Contacts folder, not the folder itself',
    },
    async () => {
      await createFolder('Clienti');
      const answer = await send(sim, { path: `/users/${userId}/contactFolders`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { value: [FOLDER_SHAPE] })).toEqual([]);
      const folders = (answer.body as { value: Json[] }).value;
      expect(folders.map((folder) => folder['id'])).not.toContain(defaultFolderId);
      expect(folders.every((folder) => folder['parentFolderId'] === defaultFolderId)).toBe(true);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contactFolders/:folderId',
      page: page('contactfolder-get'),
      shows: 'one folder by id, the default folder too; the undocumented name contacts is 400 ErrorInvalidIdMalformed',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${userId}/contactFolders/${defaultFolderId}`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          displayName: 'Finance',
          id: 'AAMkAGI2TKI5AAA=',
          parentFolderId: 'AAMkAGI2AAEOAAA=',
        }),
      ).toEqual([]);
      const byName = await send(sim, { path: `/users/${userId}/contactFolders/contacts`, token });
      expect(byName.status).toBe(400);
      expect((byName.body as { error: { code: string } }).error.code).toBe('ErrorInvalidIdMalformed');
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/contactFolders/:folderId/childFolders',
      page: page('contactfolder-post-childfolders'),
      shows: 'a child folder at any depth (201 Created, as the page text says; its example shows 200)',
    },
    async () => {
      const parent = await createFolder('Famiglia');
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/contactFolders/${String(parent['id'])}/childFolders`,
        token,
        body: { displayName: 'Family' },
      });
      expect(answer.status).toBe(201);
      expect(shapeDifferences(answer.body, FOLDER_SHAPE)).toEqual([]);
      const deeper = await createFolder('Cugini', String((answer.body as Json)['id']));
      expect(deeper['parentFolderId']).toBe((answer.body as Json)['id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contactFolders/:folderId/childFolders',
      page: page('contactfolder-list-childfolders'),
      shows: "a folder's child folders",
    },
    async () => {
      const parent = await createFolder('Lavoro');
      await createFolder('Colleghi', String(parent['id']));
      const answer = await send(sim, {
        path: `/users/${userId}/contactFolders/${String(parent['id'])}/childFolders`,
        token,
      });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(answer.body, { '@odata.context': 'string', value: [FOLDER_SHAPE] })).toEqual([]);
      expect((answer.body as { value: Json[] }).value.map((folder) => folder['displayName'])).toEqual(['Colleghi']);
    },
  );
});

describe('contacts', () => {
  documented(
    {
      endpoint: 'POST /users/:userId/contacts',
      page: page('user-post-contacts'),
      shows: '201 Created in the default Contacts folder',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/contacts`,
        token,
        body: {
          givenName: 'Pavel',
          surname: 'Bansky',
          emailAddresses: [{ address: 'pavelb@contoso.com', name: 'Pavel Bansky' }],
          businessPhones: ['+1 732 555 0102'],
        },
      });
      expect(answer.status).toBe(201);
      expect(
        shapeDifferences(answer.body, {
          id: 'id-value',
          createdDateTime: '2015-11-09T02:14:32Z',
          lastModifiedDateTime: '2015-11-09T02:14:32Z',
          displayName: 'Pavel Bansky',
        }),
      ).toEqual([]);
      expect(answer.body).toMatchObject({
        displayName: 'Pavel Bansky',
        parentFolderId: defaultFolderId,
        businessPhones: ['+1 732 555 0102'],
      });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contacts',
      page: page('user-list-contacts'),
      shows: "the default Contacts folder's contacts with the documented properties; $filter is refused, not ignored",
    },
    async () => {
      await postContact(`/users/${userId}/contacts`);
      const answer = await send(sim, { path: `/users/${userId}/contacts?$top=100`, token });
      expect(answer.status).toBe(200);
      expect(shapeDifferences(withInitials(answer.body), { value: [CONTACT_SHAPE] })).toEqual([]);
      expect(
        (answer.body as { value: Json[] }).value.every((contact) => contact['parentFolderId'] === defaultFolderId),
      ).toBe(true);
      const filtered = await send(sim, {
        path: `/users/${userId}/contacts?$filter=emailAddresses/any(a:a/address eq 'garth@contoso.com')`,
        token,
      });
      expect(filtered.status).toBe(400);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/contactFolders/:folderId/contacts',
      page: page('contactfolder-post-contacts'),
      shows: '201 Created in that folder',
    },
    async () => {
      const folder = await createFolder('Partner');
      const created = await postContact(`/users/${userId}/contactFolders/${String(folder['id'])}/contacts`);
      expect(shapeDifferences(created, CONTACT_SHAPE)).toEqual([]);
      expect(created['parentFolderId']).toBe(folder['id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contactFolders/:folderId/contacts',
      page: page('contactfolder-list-contacts'),
      shows: "a folder's contacts",
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${userId}/contactFolders/${defaultFolderId}/contacts?$top=100`,
        token,
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(withInitials(answer.body), { '@odata.context': 'string', value: [CONTACT_SHAPE] }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contactFolders/:folderId/contacts/delta',
      page: page('contact-delta'),
      shows: 'the selected property and id, two per page by Prefer: odata.maxpagesize=2, a nextLink with $skiptoken',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${userId}/contactFolders/${defaultFolderId}/contacts/delta?$select=displayName`,
        token,
        headers: { Prefer: 'odata.maxpagesize=2' },
      });
      expect(answer.status).toBe(200);
      const body = answer.body as { value: Json[]; '@odata.nextLink'?: string };
      expect(body.value).toHaveLength(2);
      expect(body['@odata.nextLink']).toContain('$skiptoken=');
      expect(
        Object.keys(body.value[0] ?? {})
          .filter((key) => !key.startsWith('@'))
          .sort(),
      ).toEqual(['displayName', 'id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/contacts/:contactId',
      page: page('contact-get'),
      shows: 'one contact with the documented properties',
    },
    async () => {
      const id = String((await postContact(`/users/${userId}/contacts`))['id']);
      const answer = await send(sim, { path: `/users/${userId}/contacts/${id}`, token });
      expect(answer.status).toBe(200);
      // The page's example response, values aside (null on the page accepts any value).
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('48d31887-5fad-4d73-a9f5-3c356e68a038')/contacts/$entity",
          '@odata.etag': 'W/"EQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAAYc8Bf"',
          id: 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEOAAAiIsqMbYjsT5e-T7KzowPTAAAYbuK-AAA=',
          createdDateTime: '2017-09-04T15:54:01Z',
          lastModifiedDateTime: '2017-09-04T15:54:02Z',
          changeKey: 'EQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAAYc8Bf',
          categories: [],
          parentFolderId:
            'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEOAAA=',
          birthday: null,
          fileAs: '',
          displayName: 'Alex Wilber',
          givenName: 'Alex',
          initials: null,
          middleName: null,
          nickName: null,
          surname: 'Wilber',
          title: null,
          yomiGivenName: null,
          yomiSurname: null,
          yomiCompanyName: null,
          generation: null,
          imAddresses: [],
          jobTitle: null,
          companyName: null,
          department: null,
          officeLocation: null,
          profession: null,
          businessHomePage: null,
          assistantName: null,
          manager: null,
          homePhones: [],
          mobilePhone: null,
          businessPhones: [],
          spouseName: null,
          personalNotes: '',
          children: [],
          emailAddresses: [{ name: 'Alex@FineArtSchool.net', address: 'Alex@FineArtSchool.net' }],
          homeAddress: {},
          businessAddress: {},
          otherAddress: {},
        }),
      ).toEqual([]);
      expect((answer.body as Json)['@odata.context']).toBe(
        `${sim.graphBaseUrl}/$metadata#users('${userId}')/contacts/$entity`,
      );
    },
  );

  documented(
    {
      endpoint: 'DELETE /users/:userId/contacts/:contactId',
      page: page('contact-delete'),
      shows: '204 No Content; the contact is gone',
    },
    async () => {
      const created = await send(sim, {
        method: 'POST',
        path: `/users/${userId}/contacts`,
        token,
        body: { givenName: 'Via' },
      });
      const id = String((created.body as Json)['id']);
      const answer = await send(sim, { method: 'DELETE', path: `/users/${userId}/contacts/${id}`, token });
      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expect((await send(sim, { path: `/users/${userId}/contacts/${id}`, token })).status).toBe(404);
    },
  );
});
