import { startSimulator, type RunningSimulator } from '../../src/index.js';
import { appToken } from '../support/clients.js';
import { documented, send, shapeDifferences } from './support/documented.js';
import { expectGraphError } from './support/refusals.js';

const GRAPH = 'https://learn.microsoft.com/graph/api';

/** A mailFolder as the examples of user-list-mailfolders and mailfolder-get show one. */
const MAIL_FOLDER = {
  id: 'AQMkADYAAAIBXQAAAA==',
  displayName: 'Archive',
  parentFolderId: 'AQMkADYAAAIBCAAAAA==',
  childFolderCount: 0,
  unreadItemCount: 0,
  totalItemCount: 0,
  isHidden: false,
};

let sim: RunningSimulator;
let token: string;
let user = '';

beforeAll(async () => {
  sim = await startSimulator();
  token = await appToken(sim);
  user = (sim.control.listUsers()[2] as { id: string }).id;
});

afterAll(async () => {
  await sim.stop();
});

describe('mail folders', () => {
  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders',
      page: `${GRAPH}/user-list-mailfolders?view=graph-rest-1.0#example-1-list-mail-folders-in-the-signed-in-users-mailbox`,
      shows: 'the folders under the root with @odata.context and the default properties',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/mailFolders`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('68ca8ec0')/mailFolders",
          value: [MAIL_FOLDER],
        }),
      ).toEqual([]);
      const names = (answer.body as { value: Array<Record<string, unknown>> }).value;
      expect(names.every((folder) => !('wellKnownName' in folder) && !('sizeInBytes' in folder))).toBe(true);
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/mailFolders',
      page: `${GRAPH}/user-post-mailfolders?view=graph-rest-1.0#example`,
      shows: 'a hidden folder created under the root (201, isHidden kept)',
    },
    async () => {
      const answer = await send(sim, {
        method: 'POST',
        path: `/users/${user}/mailFolders`,
        token,
        body: { displayName: 'Clutter', isHidden: true },
      });
      expect(answer.status).toBe(201);
      expect(shapeDifferences(answer.body, { ...MAIL_FOLDER, displayName: 'Clutter', isHidden: true })).toEqual([]);
      expect(answer.body).toMatchObject({ displayName: 'Clutter', isHidden: true });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders',
      page: `${GRAPH}/user-list-mailfolders?view=graph-rest-1.0#example-2-include-hidden-folders-in-the-signed-in-users-mailbox`,
      shows: 'hidden folders only with includeHiddenFolders=true',
    },
    async () => {
      const listed = async (query: string) =>
        (
          (await send(sim, { path: `/users/${user}/mailFolders${query}`, token })).body as {
            value: Array<{ displayName: string; isHidden: boolean }>;
          }
        ).value;
      expect((await listed('?$top=100')).map((folder) => folder.displayName)).not.toContain('Clutter');
      const withHidden = await listed('/?includeHiddenFolders=true&$top=100');
      expect(withHidden.find((folder) => folder.displayName === 'Clutter')).toMatchObject({ isHidden: true });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders',
      page: `${GRAPH}/user-list-mailfolders?view=graph-rest-1.0#example-1-list-mail-folders-in-the-signed-in-users-mailbox`,
      shows: 'more than a page (10 by default, or $top) gives an @odata.nextLink, which carries $skip',
      pageExample: false,
    },
    async () => {
      const first = await send(sim, { path: `/users/${user}/mailFolders?$top=2&$select=displayName`, token });
      const body = first.body as { value: Array<Record<string, unknown>>; '@odata.nextLink': string };
      expect(body.value).toHaveLength(2);
      expect(Object.keys(body.value[0] ?? {}).sort()).toEqual(['displayName', 'id']);
      expect(body['@odata.nextLink']).toContain('$skip=2');
      const next = await send(sim, { path: body['@odata.nextLink'], token });
      expect((next.body as { value: Array<{ id: string }> }).value[0]?.id).not.toBe(body.value[0]?.['id']);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId',
      page: `${GRAPH}/mailfolder-get?view=graph-rest-1.0`,
      shows: 'one folder by well-known name, with @odata.context',
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/mailFolders/inbox`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('68ca8ec0')/mailFolders/$entity",
          ...MAIL_FOLDER,
        }),
      ).toEqual([]);
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId',
      page: 'https://learn.microsoft.com/graph/query-parameters#error-handling-for-query-parameters',
      shows: '$select of a property mailFolder does not have in v1.0 (wellKnownName is beta) is 400',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/mailFolders/inbox?$select=wellKnownName`, token });
      expectGraphError(answer, 400, { message: /wellknownname/i });
    },
  );

  documented(
    {
      endpoint: 'POST /users/:userId/mailFolders/:folderId/childFolders',
      page: `${GRAPH}/mailfolder-post-childfolders?view=graph-rest-1.0`,
      shows: 'a child folder created (201); the same name again is 409 ErrorFolderExists',
    },
    async () => {
      const create = () =>
        send(sim, {
          method: 'POST',
          path: `/users/${user}/mailFolders/inbox/childFolders`,
          token,
          body: { displayName: 'Clutter', isHidden: true },
        });
      const answer = await create();
      expect(answer.status).toBe(201);
      expect(shapeDifferences(answer.body, { ...MAIL_FOLDER, isHidden: true })).toEqual([]);
      expectGraphError(await create(), 409, { code: 'ErrorFolderExists' });
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/:folderId/childFolders',
      page: `${GRAPH}/mailfolder-list-childfolders?view=graph-rest-1.0`,
      shows: 'the child folders of a folder, hidden ones with includeHiddenFolders=true',
    },
    async () => {
      await send(sim, {
        method: 'POST',
        path: `/users/${user}/mailFolders/inbox/childFolders`,
        token,
        body: { displayName: 'Progetti' },
      });
      const answer = await send(sim, { path: `/users/${user}/mailFolders/inbox/childFolders`, token });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('68ca8ec0')/mailFolders('inbox')/childFolders",
          value: [MAIL_FOLDER],
        }),
      ).toEqual([]);
      const names = (answer.body as { value: Array<{ displayName: string }> }).value.map((f) => f.displayName);
      expect(names).toContain('Progetti');
      expect(names).not.toContain('Clutter');
      const hidden = await send(sim, {
        path: `/users/${user}/mailFolders/inbox/childFolders?includeHiddenFolders=true`,
        token,
      });
      expect((hidden.body as { value: Array<{ displayName: string }> }).value.map((f) => f.displayName)).toContain(
        'Clutter',
      );
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/delta',
      page: `${GRAPH}/mailfolder-delta?view=graph-rest-1.0#example`,
      shows: 'Prefer: odata.maxpagesize=2 gives at most two folders and an @odata.nextLink with a $skiptoken',
    },
    async () => {
      const answer = await send(sim, {
        path: `/users/${user}/mailFolders/delta`,
        headers: { Prefer: 'odata.maxpagesize=2' },
        token,
      });
      expect(answer.status).toBe(200);
      expect(
        shapeDifferences(answer.body, {
          '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/mailfolders/delta?$skiptoken={_skipToken_}',
          value: [
            {
              displayName: 'displayName-value',
              parentFolderId: 'parentFolderId-value',
              childFolderCount: 99,
              unreadItemCount: 99,
              totalItemCount: 99,
            },
          ],
        }),
      ).toEqual([]);
      const body = answer.body as { value: unknown[]; '@odata.nextLink': string };
      expect(body.value.length).toBeLessThanOrEqual(2);
      expect(body['@odata.nextLink']).toContain('$skiptoken=');
    },
  );

  documented(
    {
      endpoint: 'GET /users/:userId/mailFolders/delta',
      page: `${GRAPH}/mailfolder-delta?view=graph-rest-1.0#query-parameters`,
      shows: 'a query option the page does not list ($filter) is refused with 400',
      pageExample: false,
    },
    async () => {
      const answer = await send(sim, { path: `/users/${user}/mailFolders/delta?$filter=displayName eq 'x'`, token });
      expectGraphError(answer, 400, { code: 'BadRequest' });
    },
  );
});
