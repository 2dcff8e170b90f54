import type { Handler, RouteMeta } from './types.js';

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  meta: RouteMeta;
  template: string;
  /** The documented form this route is another address of (`/drives/:driveId/items/:itemId` for `/me/drive/root`). */
  documentedAs: string;
}

export interface RouteMatch {
  handler: Handler;
  meta: RouteMeta;
  params: Record<string, string>;
  /** The route as registered (`GET /users/:userId/messages`), the key request counters use per endpoint. */
  endpoint: string;
}

/** Segment router: `:name` captures one path segment; literal segments compare case-insensitively, as Graph does. */
export class Router {
  private readonly routes: Route[] = [];

  /**
   * `documentedAs` names the route this one is another address of, when the documentation page lists several HTTP
   * requests for one operation (a drive item by id, by path, through a user's or a site's drive).
   */
  add(method: string, template: string, meta: RouteMeta, handler: Handler, documentedAs = template): void {
    this.routes.push({ method, segments: splitPath(template), handler, meta, template, documentedAs });
  }

  /** Every documented operation as `METHOD /template` (other addresses of one operation counted once). */
  endpoints(): string[] {
    return [...new Set(this.routes.map((route) => `${route.method} ${route.documentedAs}`))];
  }

  match(method: string, path: string): RouteMatch | 'method-not-allowed' | undefined {
    const segments = splitPath(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return { handler: route.handler, meta: route.meta, params, endpoint: `${route.method} ${route.template}` };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.length > 0)
    .map(decodeSegment);
}

/** Segments arrive percent-encoded (`19%3A...%40thread.tacv2`); ids and names are matched decoded. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < template.length; index++) {
    const expected = template[index] as string;
    const value = actual[index] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = value;
    else if (expected.toLowerCase() !== value.toLowerCase()) return undefined;
  }
  return params;
}
