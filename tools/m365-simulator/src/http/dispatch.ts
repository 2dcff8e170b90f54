import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatorContext } from '../context.js';
import { errorResponse, GraphError } from './errors.js';
import { refuseUnsupportedQueryOptions } from './query-options.js';
import { userOfMailbox } from '../model/mailbox-ids.js';
import type { Router } from './router.js';
import type { Caller, GraphRequest, GraphResponse, RouteMeta } from './types.js';

export interface DispatchInput {
  method: string;
  /** Path below `/v1.0`, still percent-encoded, with its query string. */
  target: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  caller: Caller;
  requestId: string;
  /** Injected latency, spent while holding the request's concurrency slot, as a slow server would. */
  delayMs?: number;
  /** A sub-request of a `$batch`, counted apart from requests that came on their own. */
  batched?: boolean;
}

/**
 * Rewrites `/me/...` to the signed-in user and item paths (`root:/a/b.txt:/content`) to `.../_path/{path}/...`
 * segments the router can match (https://learn.microsoft.com/graph/onedrive-addressing-driveitems).
 */
export function normalisePath(path: string, caller: Caller): string {
  let normal = path;
  if (/^\/me(\/|$)/i.test(normal)) {
    if (!caller.userId)
      throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    normal = `/users/${caller.userId}${normal.slice(3)}`;
  }
  // OData keys in parentheses (`folders('AAMk…')/items`, `mailboxes('MBX%3A…')`) address the same entity as a key
  // segment; the mailbox API's own nextLinks use them (https://learn.microsoft.com/graph/api/mailboxfolder-list-items).
  if (!normal.includes(':/'))
    normal = normal.replace(
      /\/(mailboxes|folders|childFolders|items|users|mailFolders|messages|contactFolders|contacts|calendars|events)\((?:'|%27)([^/]*?)(?:'|%27)\)(?=\/|$)/gi,
      '/$1/$2',
    );
  const addressed = /^(.*\/(?:root|items\/[^/]+)):(\/[^:]*):?(\/.*)?$/.exec(normal);
  if (addressed) {
    const [, base, itemPath, rest] = addressed;
    normal = `${base}/_path/${encodeURIComponent(decodeURIComponent(itemPath ?? ''))}${rest ?? ''}`;
  }
  return normal;
}

/** The resource a request is about, for limits and per-resource counters. */
function resourceKey(context: SimulatorContext, meta: RouteMeta, params: Record<string, string>): string | undefined {
  if (params['userId']) {
    const user = context.tenant.findUser(params['userId']);
    const id = user?.id ?? params['userId'];
    return meta.resource === 'mailbox' ? `mailbox:${id}` : `user:${id}`;
  }
  if (params['mailboxId']) {
    const user = userOfMailbox(context.tenant, params['mailboxId']);
    return `mailbox:${user?.id ?? params['mailboxId']}`;
  }
  if (params['driveId']) return `drive:${params['driveId']}`;
  if (params['siteId']) return `site:${params['siteId']}`;
  if (params['teamId']) return `team:${params['teamId']}${params['channelId'] ? `/${params['channelId']}` : ''}`;
  if (params['groupId']) return `group:${params['groupId']}`;
  return undefined;
}

/** Routes one Graph request through authorisation scope, limits and its handler; counts it. Used by HTTP and `$batch`. */
export async function dispatch(
  context: SimulatorContext,
  router: Router,
  input: DispatchInput,
): Promise<GraphResponse> {
  const clientRequestId = headerValue(input.headers['client-request-id']);
  const baseHeaders: Record<string, string> = {
    'request-id': input.requestId,
    ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
  };
  let endpoint = `${input.method} (unmatched)`;
  let resource: string | undefined;
  let response: GraphResponse;
  try {
    const url = new URL(input.target, 'http://graph.invalid');
    const path = normalisePath(url.pathname, input.caller);
    const match = router.match(input.method, path);
    if (match === undefined)
      throw new GraphError(
        400,
        'BadRequest',
        `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}'.`,
      );
    if (match === 'method-not-allowed')
      throw new GraphError(
        405,
        'Request_BadRequest',
        `The HTTP method '${input.method}' is not allowed on this resource.`,
      );
    endpoint = match.endpoint;
    refuseUnsupportedQueryOptions(url.searchParams, match.meta.query);
    resource = resourceKey(context, match.meta, match.params);
    const ownUser = match.params['userId'] ? context.tenant.findUser(match.params['userId'])?.id : undefined;
    if (input.caller.kind === 'delegated' && match.params['userId'] && ownUser !== input.caller.userId) {
      throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    const units =
      typeof match.meta.resourceUnits === 'function'
        ? match.meta.resourceUnits(url.searchParams)
        : match.meta.resourceUnits;
    const uploadBytes = ['POST', 'PATCH', 'PUT'].includes(input.method) ? input.body.length : 0;
    const admission = context.limits.admit(
      input.caller,
      { ...match.meta, ...(units === undefined ? {} : { resourceUnits: units }) },
      resource,
      uploadBytes,
    );
    try {
      if (input.delayMs) await new Promise((resolve) => setTimeout(resolve, input.delayMs));
      const request: GraphRequest = {
        method: input.method,
        path: url.pathname,
        query: url.searchParams,
        headers: input.headers,
        body: input.body,
        caller: input.caller,
        params: match.params,
        graphBaseUrl: `${context.url}/v1.0`,
        strict: context.strict,
        requestId: input.requestId,
      };
      response = await match.handler(request);
      response = {
        ...response,
        headers: { ...admission.headers, ...(response.headers ?? {}) },
        onDone: admission.release,
      };
    } catch (error) {
      admission.release();
      throw error;
    }
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    response = errorResponse(error, input.requestId, clientRequestId);
  }
  context.counters.record(endpoint, resource, response.status, input.batched);
  return { ...response, headers: { ...baseHeaders, ...(response.headers ?? {}) } };
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
