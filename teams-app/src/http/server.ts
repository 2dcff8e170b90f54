import restify, { type Server } from 'restify';
import type { Logger } from 'pino';

/** The one HTTP server: bot at /api/messages, REST API at /api/v1, tab at /tab, health at /healthz. */
export function createHttpServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'custodia', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 10 * 1024 * 1024 }));
  server.on('after', (request, response, route) => {
    // The route's pattern, not the URL: a path can carry a secret (a background export's download token).
    const where = route ? { route: route.path } : { path: request.getPath() };
    logger.debug({ method: request.method, ...where, status: response.statusCode }, 'request');
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
