import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isGranted, isRestorePermission } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { findTenant } from '../tenants/tenant-store.js';
import { missingSetupSteps } from '../tenants/setup-status.js';
import { missingStepsInWords } from '../tenants/setup-step-texts.js';
import { currentTermsVersion } from '../tenants/licence-terms.js';
import { readSettings } from '../settings/settings-store.js';
import type { ApiServices } from './services.js';
import { ApiError } from '../http/api-error.js';
import { authenticate } from './authenticate.js';
import { negotiateLanguage, type Language } from '../language/language.js';
import type { RouteContext, RouteSpec } from '../http/route.js';
import { parseInput } from '../http/validation.js';
import { hasBody, readJsonBody, closeUnreadBodyAfterAnswer } from '../http/json-body.js';
import { actorOf } from './actor.js';
import { graphRefusalAsApiError } from './graph-refusal.js';
import { databaseFailureAsApiError, RequestDeadline, retryAfterSeconds } from '../http/request-deadline.js';

/** A route that takes more says so with `maxBodyBytes` (restores and exports: 512 KiB; support tickets: 32 KiB). */
const defaultMaxBodyBytes = 16 * 1024;

const restifyMethods = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'del' } as const;

/** Mounts every route under the prefix, each running the same pipeline. */
export function mountRoutes(
  server: Server,
  prefix: string,
  routes: readonly RouteSpec<ApiServices>[],
  services: ApiServices,
): void {
  for (const route of routes) {
    server[restifyMethods[route.method]](`${prefix}${route.path}`, async (request: Request, response: Response) => {
      await serve(route, request, response, services);
    });
  }
  translateRestifyErrors(server, prefix, services);
}

async function serve(
  route: RouteSpec<ApiServices>,
  request: Request,
  response: Response,
  services: ApiServices,
): Promise<void> {
  let language = negotiateLanguage(request.header('accept-language'));
  // Knowing the caller only reads, so it is bounded for every route; so is a read's handler, but a write's is let
  // finish once started, so that its answer says what happened.
  const deadline = new RequestDeadline(services.requestDeadlineMs);
  try {
    const principal = route.permission === 'public' ? undefined : await deadline.bound(authenticate(request, services));
    if (principal?.kind === 'tenant') {
      const settings = await deadline.bound(readSettings(services.db, principal.tenantId));
      language = negotiateLanguage(request.header('accept-language'), settings.defaultLanguage);
    }
    if (route.permission !== 'public') await deadline.bound(authorize(route, principal, services));
    const context: RouteContext<unknown, unknown, unknown, ApiServices> = {
      params: parseInput(route.params ?? emptyObject, request.params ?? {}, 'params'),
      query: parseInput(route.query ?? emptyObject, request.query ?? {}, 'query'),
      // Read only now: a caller who is not known, or may not call this route, never gets its body read.
      body: await readBody(route, request),
      principal: principal as Principal,
      language,
      services,
      request,
      response,
    };
    const handled = route.handler(context as never);
    const result = route.response.parse(await (route.method === 'GET' ? deadline.bound(handled) : handled));
    if (route.activity) {
      const activities = [route.activity(context as never, result)].flat();
      for (const { tenantId, ...draft } of activities) {
        await services.activity.append(tenantId, actorOf(principal as Principal), draft);
      }
    }
    if (route.stream) {
      await route.stream(context as never, result);
      return;
    }
    if (route.contentType === 'text/csv') {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.sendRaw(route.status ?? 200, result as string);
    } else {
      response.send(route.status ?? 200, result);
    }
  } catch (error) {
    sendError(error, request, response, language, services, route.id);
  }
}

async function authorize(
  route: RouteSpec<ApiServices>,
  principal: Principal | undefined,
  services: ApiServices,
): Promise<void> {
  if (!principal || route.permission === 'public') return;
  if (!isGranted(principal.role, route.permission)) {
    throw new ApiError(403, isRestorePermission(route.permission) ? 'restore_not_permitted' : 'forbidden');
  }
  if (principal.kind !== 'tenant' || principal.role === 'self_service') return;
  const version = currentTermsVersion;
  if (!route.beforeTerms && principal.termsVersion !== version) {
    throw new ApiError(403, 'terms_not_accepted', { version }, { version });
  }
  if (route.requiresSetup) {
    const tenant = await findTenant(services.db, principal.tenantId);
    const missing = tenant ? missingSetupSteps(tenant) : [];
    if (missing.length > 0) {
      throw new ApiError(409, 'tenant_setup_incomplete', { missing }, missingStepsInWords(missing));
    }
  }
}

const emptyObject = z.strictObject({});

async function readBody(route: RouteSpec<ApiServices>, request: Request): Promise<unknown> {
  if (!route.body) {
    if (hasBody(request)) {
      throw new ApiError(400, 'invalid_request', [{ location: 'body', path: '', code: 'unexpected_body' }]);
    }
    return undefined;
  }
  const body = await readJsonBody(request, route.maxBodyBytes ?? defaultMaxBodyBytes);
  return parseInput(route.body, body ?? {}, 'body');
}

function sendError(
  error: unknown,
  request: Request,
  response: Response,
  language: Language,
  services: ApiServices,
  routeId: string,
) {
  if (response.headersSent) {
    // A streamed body broke halfway: the only honest signal left is a truncated response.
    services.logger?.error({ err: error, route: routeId }, 'streamed response failed');
    response.destroy(error instanceof Error ? error : undefined);
    return;
  }
  closeUnreadBodyAfterAnswer(request, response);
  const known = error instanceof ApiError ? error : (graphRefusalAsApiError(error) ?? databaseFailureAsApiError(error));
  if (known) {
    if (!(error instanceof ApiError)) services.logger?.warn({ err: error, route: routeId }, known.code);
    if (known.code === 'database_unavailable') response.setHeader('retry-after', String(retryAfterSeconds));
    response.send(known.status, known.toBody(language));
    return;
  }
  services.logger?.error({ err: error, route: routeId }, 'request failed');
  response.send(500, new ApiError(500, 'internal_error').toBody(language));
}

/**
 * Errors raised before a route runs (no such route or method) get the API's error shape too; bodies are never parsed
 * before a route runs (`readBody`). Outside the API the bot, tab and health keep their own answers, except that a
 * failure (5xx) is logged and answered `internal_error` there too: restify would send the error's own text. This is
 * the server's one `restifyError` listener (restify waits for each listener's callback).
 */
function translateRestifyErrors(server: Server, prefix: string, services: ApiServices): void {
  server.on('restifyError', (request: Request, response: Response, error: RestifyHttpError, callback: () => void) => {
    if (!(request.url ?? '').startsWith(prefix)) {
      if ((error.statusCode ?? 500) >= 500) {
        services.logger?.error({ err: error, path: request.path() }, 'request failed');
        const body = new ApiError(500, 'internal_error').toBody(negotiateLanguage(request.header('accept-language')));
        error.statusCode = 500;
        error.toJSON = () => body;
      }
      return callback();
    }
    closeUnreadBodyAfterAnswer(request, response);
    const status = error.statusCode ?? 500;
    const apiError =
      status === 404 || status === 405
        ? new ApiError(404, 'route_not_found')
        : status >= 400 && status < 500
          ? new ApiError(400, 'invalid_request')
          : new ApiError(500, 'internal_error');
    const body = apiError.toBody(negotiateLanguage(request.header('accept-language')));
    error.statusCode = apiError.status;
    error.toJSON = () => body;
    return callback();
  });
}

interface RestifyHttpError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
}
