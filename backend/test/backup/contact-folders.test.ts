import { GraphRequestError } from '../../src/graph/index.js';
import {
  defaultContactFolderId,
  listContactFolders,
  type GraphContactFolder,
} from '../../src/workloads/exchange/contact-folders.js';

/**
 * Microsoft Graph's documented answers, which the tenant simulator does not give (it serves no single contact folder
 * and lists the default folder itself in `/contactFolders`): the default folder read by its well-known name, and
 * `/contactFolders` listing only its child folders. The integration tests cover the simulator's answers.
 */
const root: GraphContactFolder = { id: 'ROOT', displayName: 'Contacts', parentFolderId: 'MSGROOT' };
const tree: GraphContactFolder[] = [
  { id: 'F', displayName: 'Fornitori', parentFolderId: 'ROOT' },
  { id: 'C', displayName: 'Clienti', parentFolderId: 'ROOT' },
  { id: 'I', displayName: 'Italia', parentFolderId: 'F' },
  { id: 'N', displayName: 'Nord', parentFolderId: 'I' },
];

function documentedGraph(requests: string[]) {
  const notFound = (url: string) =>
    new GraphRequestError({
      status: 404,
      code: 'ErrorItemNotFound',
      graphMessage: '',
      requestId: undefined,
      tenantId: 't',
      resource: 'mailbox:u',
      method: 'GET',
      url,
      attempts: 1,
    });
  return {
    getJson<T>(path: string): Promise<T> {
      requests.push(path);
      if (path.startsWith('/users/u/contactFolders/contacts?')) return Promise.resolve(root as T);
      return Promise.reject(notFound(path));
    },
    async *pages<T>(path: string): AsyncIterable<T[]> {
      requests.push(path);
      const listed = /^\/users\/u\/contactFolders(?:\/([^/]+)\/childFolders)?\?/.exec(path);
      if (!listed) throw notFound(path);
      const parent = listed[1] === undefined ? 'ROOT' : decodeURIComponent(listed[1]);
      yield tree.filter((folder) => folder.parentFolderId === parent) as T[];
    },
  };
}

test('on Graph the tree is walked from the default folder, read by its well-known name: every folder once, with its path', async () => {
  const requests: string[] = [];
  const folders = await listContactFolders(documentedGraph(requests), 'u');
  expect(folders.map((folder) => [folder.path, folder.parentId, folder.wellKnownName ?? null])).toEqual([
    ['Contacts', null, 'contacts'],
    ['Contacts/Fornitori', 'ROOT', null],
    ['Contacts/Clienti', 'ROOT', null],
    ['Contacts/Fornitori/Italia', 'F', null],
    ['Contacts/Fornitori/Italia/Nord', 'I', null],
  ]);
  // The top-level listing would only repeat the default folder's children.
  expect(requests.filter((path) => path.startsWith('/users/u/contactFolders?'))).toEqual([]);
});

test("the default folder's id is read by its well-known name", async () => {
  expect(await defaultContactFolderId(documentedGraph([]), 'u')).toBe('ROOT');
});
