import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import { parseBodiesOutsideApi, type BodyLimits } from './body-limits.js';
import { applySecurityHeaders } from './security-headers.js';
import { applyTimeouts, type HttpTimeouts } from './timeouts.js';

export interface HttpServerOptions {
  readonly logger: Logger;
  /** The sign-in authority the tab talks to (its Content-Security-Policy allows it). */
  readonly authorityHost: string;
  readonly timeouts: HttpTimeouts;
  readonly bodies: BodyLimits;
}

/**
 * The one HTTP server: bot at /api/messages, REST API at /api/v1, tab at /tab, health at /healthz. Every response
 * carries the security headers; slow clients are closed; the API reads a body only once it knows the caller
 * (`backend/src/api/mount.ts`), the other routes through a small parser.
 */
export function createHttpServer({ logger, authorityHost, timeouts, bodies }: HttpServerOptions): Server {
  const server = restify.createServer({ name: 'custodia', handleUncaughtExceptions: false });
  applyTimeouts(server.server, timeouts);
  applySecurityHeaders(server, authorityHost);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  parseBodiesOutsideApi(server, bodies);
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
