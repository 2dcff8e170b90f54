import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SimulatorContext } from './context.js';
import { authenticate } from './identity/authenticate.js';
import { authorityOf } from './identity/authority.js';
import { authorize, setConsent, signIn } from './identity/authorize.js';
import { openIdConfiguration } from './identity/openid-configuration.js';
import { instanceDiscovery, issueToken } from './identity/token-endpoint.js';
import { dispatch, headerValue } from './http/dispatch.js';
import { errorBody, errorResponse, GraphError } from './http/errors.js';
import { writeResponse } from './http/respond.js';
import type { Router } from './http/router.js';
import type { TenantHosts } from './tenant-hosts.js';
import type { GraphResponse } from './http/types.js';
import { newRequestId } from './util/ids.js';
import { serveDownload } from './routes/files-download.js';
import type { ControlApi } from './control-http.js';
import { importItem } from './routes/import-item.js';

/** Largest request body read (simple upload allows 250 MB; https://learn.microsoft.com/graph/api/driveitem-put-content). */
const MAX_BODY_BYTES = 250 * 1024 * 1024 + 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GraphError(413, 'RequestEntityTooLarge', 'The request body is too large.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleGraph(
  context: SimulatorContext,
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
) {
  const body = await readBody(req);
  const decision = context.faults.decide();
  const caller = await authenticate(context, headerValue(req.headers['authorization']));
  if (decision.kind === 'unavailable') {
    // 503 with Retry-After, as Graph and SharePoint answer when overloaded (https://learn.microsoft.com/graph/throttling).
    const response = errorResponse(
      new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable.', { 'retry-after': '1' }),
      requestId,
      headerValue(req.headers['client-request-id']),
    );
    context.counters.record('fault 503', undefined, 503);
    writeResponse(res, { ...response, headers: { ...response.headers, 'request-id': requestId } });
    return;
  }
  const target = (req.url ?? '/').replace(/^\/v1\.0/i, '') || '/';
  const response = await dispatch(context, router, {
    method: req.method ?? 'GET',
    target,
    headers: req.headers,
    body,
    caller,
    requestId,
    delayMs: decision.delayMs,
  });
  writeResponse(res, response, decision.kind === 'reset');
}

/**
 * The endpoints answered outside the Graph router: Entra's per-tenant identity endpoints and the pre-authenticated URLs
 * Graph hands out (download, upload session, mailbox import). Listed for the conformance report beside the router's.
 */
export const ENDPOINTS_OUTSIDE_GRAPH = [
  'GET /common/discovery/instance',
  'POST /:tenant/oauth2/v2.0/token',
  'GET /:tenant/v2.0/.well-known/openid-configuration',
  'GET /:tenant/discovery/v2.0/keys',
  'GET /:tenant/oauth2/v2.0/authorize',
  'POST /:tenant/login',
  'POST /:tenant/Consent/Set',
  'GET /_download/:linkId',
  'PUT /_upload/:sessionId',
  'GET /_upload/:sessionId',
  'POST /_upload/:sessionId',
  'DELETE /_upload/:sessionId',
  'POST /api/gv1.0/:importUrl',
] as const;

/**
 * Entra answers browsers' cross-origin calls to its metadata and token endpoints (CORS), which a single-page
 * application's MSAL makes (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redirect-uris-for-single-page-apps-spas).
 */
function withCors(response: GraphResponse | undefined, origin: string | undefined): GraphResponse | undefined {
  if (!response || origin === undefined) return response;
  return { ...response, headers: { ...response.headers, 'access-control-allow-origin': origin, vary: 'Origin' } };
}

function preflight(req: IncomingMessage): GraphResponse {
  return {
    status: 204,
    headers: {
      'access-control-allow-origin': headerValue(req.headers['origin']) ?? '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': headerValue(req.headers['access-control-request-headers']) ?? '',
      'access-control-max-age': '86400',
      vary: 'Origin',
    },
  };
}

async function handleIdentity(
  context: SimulatorContext,
  req: IncomingMessage,
  path: string,
): Promise<GraphResponse | undefined> {
  const segments = path.split('/').filter(Boolean);
  const [tenantSegment = '', ...rest] = segments;
  const route = rest.join('/').toLowerCase();
  const origin = headerValue(req.headers['origin']);
  if (req.method === 'OPTIONS' && route === 'oauth2/v2.0/token') return preflight(req);
  if (tenantSegment.toLowerCase() === 'common' && route === 'discovery/instance')
    return withCors(instanceDiscovery(context), origin);
  if (route === 'oauth2/v2.0/token' && req.method === 'POST') {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    return withCors(
      await issueToken(context, tenantSegment, form, headerValue(req.headers['authorization']), origin),
      origin,
    );
  }
  // The tenant's own authority and the multi-tenant ones, `common` and `organizations`.
  const authority = authorityOf(context, tenantSegment);
  if (!authority) return undefined;
  if (route === 'v2.0/.well-known/openid-configuration')
    return withCors(openIdConfiguration(context, authority), origin);
  if (route === 'discovery/v2.0/keys' || route === 'discovery/keys')
    return withCors({ status: 200, body: context.keys.jwks }, origin);
  if (route === 'oauth2/v2.0/authorize' && req.method === 'GET')
    return authorize(
      context,
      tenantSegment,
      new URL(req.url ?? '/', 'http://sim.invalid').searchParams,
      headerValue(req.headers['accept-language']),
    );
  if (route === 'login' && req.method === 'POST')
    return signIn(context, tenantSegment, new URLSearchParams((await readBody(req)).toString('utf8')));
  if (route === 'consent/set' && req.method === 'POST')
    return setConsent(context, new URLSearchParams((await readBody(req)).toString('utf8')));
  return undefined;
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s, advertised as `Keep-Alive: timeout=5`) lets
 * the server close a connection at the moment a client reuses it: a client's fetch honours the hint less a margin of a
 * second or two, and when the process is busy (a test generating a large tenant blocks its event loop for seconds)
 * both timers are late, the client writes its request on the socket and the server destroys it with the request
 * unread, which the client sees as ECONNRESET (MSAL then reports only `endpoints_resolution_error`). Past undici's
 * ten-minute cap on idle sockets, the client is always the side that closes.
 */
const idleConnectionMs = 15 * 60_000;

export function createSimulatorServer(tenants: TenantHosts, control: ControlApi): Server {
  const server = createServer({ keepAliveTimeout: idleConnectionMs }, (req, res) => {
    const requestId = newRequestId();
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const path = url.pathname;
    const work = async () => {
      if (/^\/v1\.0(\/|$)/i.test(path)) {
        const tenant = tenants.forBearer(headerValue(req.headers['authorization']));
        return handleGraph(tenant.context, tenant.router, req, res, requestId);
      }
      if (path.startsWith('/_download/')) {
        const linkId = path.slice('/_download/'.length);
        return writeResponse(res, serveDownload(tenants.forDownload(linkId).context, linkId, req));
      }
      // Pre-authenticated import URLs of mailbox import sessions (https://learn.microsoft.com/graph/import-exchange-mailbox-item).
      if (/^\/api\/gv1\.0\//i.test(path))
        return writeResponse(
          res,
          await importItem(
            tenants.forImport(url.searchParams.get('authtoken') ?? '').context,
            req.method ?? 'GET',
            path,
            url.searchParams,
            await readBody(req),
          ),
        );
      if (path.startsWith('/_upload/')) {
        const sessionId = path.slice('/_upload/'.length);
        return writeResponse(res, await uploadChunk(tenants.forUpload(sessionId).context, sessionId, req));
      }
      if (path.startsWith('/_sim/'))
        return writeResponse(
          res,
          await control.handle(req.method ?? 'GET', path, url.searchParams, await readBody(req)),
        );
      const [tenantSegment = ''] = path.split('/').filter(Boolean);
      const identity = await handleIdentity(tenants.forSegment(tenantSegment).context, req, path);
      writeResponse(
        res,
        identity ?? { status: 404, body: errorBody('NotFound', `No endpoint at ${path}.`, requestId, undefined) },
      );
    };
    work().catch((error: unknown) => {
      const clientRequestId = headerValue(req.headers['client-request-id']);
      const message = error instanceof Error ? error.message : String(error);
      const response =
        error instanceof GraphError
          ? errorResponse(error, requestId, clientRequestId)
          : { status: 500, body: errorBody('InternalServerError', message, requestId, clientRequestId) };
      const echo: Record<string, string> = clientRequestId ? { 'client-request-id': clientRequestId } : {};
      if (!res.headersSent)
        writeResponse(res, { ...response, headers: { ...(response.headers ?? {}), 'request-id': requestId, ...echo } });
      else res.destroy();
    });
  });
  return server;
}

async function uploadChunk(context: SimulatorContext, id: string, req: IncomingMessage): Promise<GraphResponse> {
  const body = await readBody(req);
  if (req.method === 'DELETE') return { status: (await context.uploads.cancel(id)) ? 204 : 404 };
  if (req.method === 'GET') return context.uploads.status(id);
  if (req.method === 'POST') return context.uploads.commit(id);
  const resource = context.uploads.resourceOf(id);
  const response = await context.uploads.put(id, headerValue(req.headers['content-range']), body);
  context.counters.record('PUT (upload session)', resource, response.status);
  return response;
}
