import type { BatchedAnswer, BatchedRead, GraphReader } from '../../src/backup-unit/ports.js';
import { readAhead } from '../../src/backup-unit/read-ahead.js';
import { GraphRequestError } from '../../src/graph/index.js';

const resource = { kind: 'mailbox', userId: 'u' } as const;

/** A Graph that answers reads from a table, a batch the way `$batch` does, and records what was sent on its own. */
function tableGraph(table: Record<string, { status: number; body?: unknown }>, alone: string[]): GraphReader {
  const answer = (path: string) => table[path] ?? { status: 404 };
  const read = <T>(path: string): Promise<T> => {
    alone.push(path);
    const { status, body } = answer(path);
    return status === 200 ? Promise.resolve(body as T) : Promise.reject(new Error(`${status} for ${path}`));
  };
  return {
    getJson: read,
    async *pages<T>(path: string) {
      for (let link: string | undefined = path; link !== undefined;) {
        const page: { value: T[]; '@odata.nextLink'?: string } = await read(link);
        yield page.value;
        link = page['@odata.nextLink'];
      }
    },
    deltaPages: () => {
      throw new Error('not read here');
    },
    getStream: () => Promise.reject(new Error('not read here')),
    sendJson: () => Promise.reject(new Error('not read here')),
    batch: (requests: readonly BatchedRead[]): Promise<BatchedAnswer[]> =>
      Promise.resolve(requests.map((request) => ({ id: request.id, body: undefined, ...answer(request.url) }))),
  };
}

test('a read answered in the batch is served from it once, its next pages from Graph; a refused one is sent again alone', async () => {
  const alone: string[] = [];
  const graph = tableGraph(
    {
      '/folders': { status: 200, body: { value: ['inbox'], '@odata.nextLink': '/folders?page=2' } },
      '/folders?page=2': { status: 200, body: { value: ['archive'] } },
      '/settings': { status: 200, body: { primaryMailboxId: 'MBX' } },
    },
    alone,
  );
  const ahead = await readAhead(graph, resource, [
    { path: '/folders', maxPageSize: 100 },
    { path: '/settings' },
    { path: '/refused' },
  ]);

  const folders: string[] = [];
  for await (const page of ahead.pages<string>('/folders', { resource })) folders.push(...page);
  expect(folders).toEqual(['inbox', 'archive']);
  expect(await ahead.getJson('/settings', { resource })).toEqual({ primaryMailboxId: 'MBX' });
  await expect(ahead.getJson('/refused', { resource })).rejects.toThrow('404 for /refused');
  expect(alone).toEqual(['/folders?page=2', '/refused']);

  // A batched answer is an answer of its moment: asked again, the read goes to Graph.
  await ahead.getJson('/settings', { resource });
  expect(alone).toEqual(['/folders?page=2', '/refused', '/settings']);
});

test('a refusal the reader handles itself stands from the batch, thrown as Graph would; peek leaves an answer in place', async () => {
  const alone: string[] = [];
  const graph = tableGraph(
    {
      '/settings': { status: 200, body: { primaryMailboxId: 'MBX' } },
      '/contactFolders/contacts?$select=id': {
        status: 400,
        body: { error: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } },
      },
    },
    alone,
  );
  const first = await readAhead(
    graph,
    resource,
    [{ path: '/settings' }, { path: '/contactFolders/contacts?$select=id', keptRefusals: [400, 404] }],
    'tenant-1',
  );
  expect(first.peek('/settings')).toEqual({ primaryMailboxId: 'MBX' });
  const refused = await first
    .getJson('/contactFolders/contacts?$select=id', { resource })
    .catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(GraphRequestError);
  expect(refused).toMatchObject({
    status: 400,
    code: 'ErrorInvalidIdMalformed',
    resource: 'mailbox:u',
    tenantId: 'tenant-1',
  });
  expect(alone).toEqual([]);

  // A second stage planned from the first one's answers reads through it: both are served from their batches.
  const second = await readAhead(first, resource, [{ path: '/folders/delta' }, { path: '/children' }]);
  expect(second.peek('/settings')).toEqual({ primaryMailboxId: 'MBX' });
  expect(await second.getJson('/settings', { resource })).toEqual({ primaryMailboxId: 'MBX' });
  expect(alone).toEqual([]);
});
