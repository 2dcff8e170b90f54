import { fileURLToPath } from 'node:url';
import { graphPathLiterals, graphPathsUnder } from './graph-paths.js';

const repository = fileURLToPath(new URL('../../..', import.meta.url));

/** The product's sources: the backend, the bot, the Teams app's composition and the tab. */
const productSources = ['backend/src', 'bot/src', 'teams-app/src', 'tab/src'];
/** The one place that knows Graph's addresses (graph/resources, graph/directory). */
const graphLayer = 'backend/src/graph/';

const texts = (source: string): string[] => graphPathLiterals('sample.ts', source).map((found) => found.text);

describe('Graph paths are built only in backend/src/graph', () => {
  test('the check finds Graph paths in strings and templates, however they are assembled', () => {
    const source = [
      'const a = `/users/${id}/messages/${messageId}`;',
      "const b = '/me?$select=id';",
      'const c = `${listing}/childFolders`;',
      "const d = '/drives/' + driveId;",
      'const e = `/teams/${team}/channels`;',
      'const f = `${path}/$value`;',
      "const g = '/admin/exchange/mailboxes';",
    ].join('\n');
    expect(texts(source)).toEqual([
      '/users/${}/messages/${}',
      '/me?$select=id',
      '${}/childFolders',
      '/drives/',
      '/teams/${}/channels',
      '${}/$value',
      '/admin/exchange/mailboxes',
    ]);
  });

  test('our routes, blob paths, imports and comments are not Graph paths', () => {
    const source = [
      "import { userPath } from '../graph/index.js';",
      "const route = { path: '/me', pathPrefix: '/me/backups' };",
      "const restores = '/me/restores/:id';",
      "const api = '/api/v1/tenants/' + tenantId;",
      "server.post('/api/messages', handler);",
      'const blob = `${tenantId}/items/${sha256}`;',
      "const kind = 'mailFolders';",
      '// GET /users/{id}/mailFolders, /drives/{id}/root/delta',
      '/** `/users/{id}/contacts` */',
    ].join('\n');
    expect(texts(source)).toEqual([]);
  });

  test('no product source outside the Graph layer spells a Graph path', () => {
    const found = graphPathsUnder(repository, productSources, [graphLayer]);
    expect(found.map((literal) => `${literal.file}:${literal.line} ${literal.text}`)).toEqual([]);
  });
});
