import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Request, Response, Server } from 'restify';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built tab (`tab/dist`) at `/tab`: files as they are, any other path under `/tab`
 * as `index.html`, so the single-page app owns its routes. Paths cannot leave the directory.
 * `/` redirects to the portal, where a person typing the bare address means to go.
 */
export function mountTab(server: Server, directory: string): void {
  const root = normalize(directory);
  const serve = async (request: Request, response: Response): Promise<void> => {
    const relative = decodeURIComponent((request.path() ?? '/tab').replace(/^\/tab\/?/, ''));
    const candidate = normalize(join(root, relative));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file = inside && (await isFile(candidate)) ? candidate : join(root, 'index.html');
    if (!(await isFile(file))) {
      response.send(404, {
        error: {
          code: 'tab_not_built',
          message: 'The tab is not built: run npm run build / La scheda non è compilata: eseguire npm run build',
        },
      });
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).on('end', resolve).pipe(response);
    });
  };
  server.get('/', async (_request, response) => {
    response.header('location', '/tab/');
    response.send(302);
  });
  server.get('/tab', serve);
  server.get('/tab/*', serve);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
