import restify, { type Server } from 'restify';
import type { Logger } from 'pino';

/** The one HTTP server: bot at /api/messages, REST API at /api/v1, tab at /tab, health at /healthz. */
export function createHttpServer(logger: Logger): Server {
  const server = restify.createServer({ name: 'custodia', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 10 * 1024 * 1024 }));
  server.on('after', (request, response, route) => {
    logger.debug(
      { method: request.method, url: request.url, status: response.statusCode, route: route?.path },
      'request',
    );
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
