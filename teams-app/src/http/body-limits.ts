import restify, { type Next, type Request, type RequestHandler, type Response, type Server } from 'restify';
import { closeUnreadBodyAfterAnswer } from '@custodia/backend/http/json-body';

export interface BodyLimits {
  /** Below this prefix (the management API) every route reads its own body, once it knows the caller. */
  readonly apiPrefix: string;
  /** The largest body anywhere else: a Bot Framework activity, the development sign-in. */
  readonly maxBytes: number;
  /**
   * Paths whose callers must present a bearer token before their body is read (the bot, when it authenticates), with
   * the sentence they are refused with (the bot's own refusal, so a missing token reads as any other).
   */
  readonly bearerRequired: readonly string[];
  readonly bearerRefusal: string;
}

/**
 * Bodies outside the API are parsed as JSON up to `maxBytes` (413 past it), and on the paths that require a bearer
 * token only once one is presented: a request without it is answered 401 at once, its body unread.
 */
export function parseBodiesOutsideApi(server: Server, limits: BodyLimits): void {
  const parsers = restify.plugins.bodyParser({ mapParams: false, maxBodySize: limits.maxBytes });
  server.use((request: Request, response: Response, next: Next) => {
    const path = request.path();
    if (path === limits.apiPrefix || path.startsWith(`${limits.apiPrefix}/`)) return next();
    if (limits.bearerRequired.includes(path) && !/^Bearer\s+\S+$/i.test(request.header('authorization') ?? '')) {
      closeUnreadBodyAfterAnswer(request, response);
      response.send(401, limits.bearerRefusal);
      return next(false);
    }
    return runInTurn(parsers, request, response, next);
  });
}

function runInTurn(handlers: readonly RequestHandler[], request: Request, response: Response, next: Next): void {
  const [first, ...rest] = handlers;
  if (!first) return next();
  first(request, response, (outcome?: unknown) => {
    if (outcome === undefined || outcome === true) runInTurn(rest, request, response, next);
    else next(outcome);
  });
}
